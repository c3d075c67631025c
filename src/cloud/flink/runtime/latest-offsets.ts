/**
 * `status.latest_offsets` of a statement (confluent-flink.md §5.3): per source topic, the next
 * offset to read per partition as `partition:0,offset:100;partition:1,offset:200`.
 */
import type { TopicSourcePosition } from './topic-source.js';

/** Formats the topic positions among source snapshots (other sources, e.g. VALUES, are skipped). */
export function latestOffsets(positions: readonly unknown[]): { [topic: string]: string } {
  const out: { [topic: string]: string } = {};
  for (const p of positions) {
    if (!isTopicPosition(p)) continue;
    out[p.topic] = p.partitions.map((x) => `partition:${x.partition},offset:${x.next}`).join(';');
  }
  return out;
}

function isTopicPosition(p: unknown): p is TopicSourcePosition {
  return typeof p === 'object' && p !== null && typeof (p as { topic?: unknown }).topic === 'string' && Array.isArray((p as { partitions?: unknown }).partitions);
}
