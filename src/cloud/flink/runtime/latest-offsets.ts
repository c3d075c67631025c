/**
 * `status.latest_offsets` of a statement (confluent-flink.md §5.3): per source topic, the next
 * offset to read per partition as `partition:0,offset:100;partition:1,offset:200`.
 *
 * A statement may read one topic through several sources (a self-join whose sides scan with
 * different options, a UNION ALL of two scans), each at its own position. Confluent's format has
 * one string per topic, so each partition shows the smallest next offset among those sources: the
 * point from which a statement that continues (carry-over, `sql.tables.initial-offset-from`) or
 * switches over (cut-over) misses nothing the stopped statement had not fully read. A source
 * that was ahead is re-read from there (at-least-once for that stretch); taking any one source's
 * position instead would skip what another had not read yet.
 */
import type { TopicSourcePosition } from './topic-source.js';

/** Formats the topic positions among source snapshots (other sources, e.g. VALUES, are skipped). */
export function latestOffsets(positions: readonly unknown[]): { [topic: string]: string } {
  const byTopic = new Map<string, Map<number, number>>();
  for (const p of positions) {
    if (!isTopicPosition(p)) continue;
    let parts = byTopic.get(p.topic);
    if (parts === undefined) byTopic.set(p.topic, parts = new Map());
    for (const x of p.partitions) parts.set(x.partition, Math.min(x.next, parts.get(x.partition) ?? Number.POSITIVE_INFINITY));
  }
  const out: { [topic: string]: string } = {};
  for (const [topic, parts] of byTopic) {
    out[topic] = [...parts].sort((a, b) => a[0] - b[0]).map(([partition, next]) => `partition:${partition},offset:${next}`).join(';');
  }
  return out;
}

function isTopicPosition(p: unknown): p is TopicSourcePosition {
  return typeof p === 'object' && p !== null && typeof (p as { topic?: unknown }).topic === 'string' && Array.isArray((p as { partitions?: unknown }).partitions);
}
