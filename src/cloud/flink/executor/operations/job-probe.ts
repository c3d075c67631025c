/**
 * JobProbe: instruments a job graph for metrics without touching the runtime. Every source and
 * sink is wrapped in a pass-through that counts records; the probe reads watermarks and idleness
 * from the sources and read positions from their snapshots (a pure read, safe between slices).
 * The runtime pushes a source's watermark synchronously through the DAG in the same slice, so the
 * watermark reaching a sink is the min over its non-idle upstream sources' watermarks.
 */
import type { Batch, BatchBuilder, JobGraph, JobNode, PollStatus, Sink, Source } from '../../runtime/index.js';
import type { TopicLogStore } from '../../../kafka/index.js';

/** Where a topic source reads: its cluster and topic (from the plan's scan node). */
export interface SourceLocation {
  readonly cluster: string;
  readonly topic: string;
}

class ProbedSource implements Source {
  readonly inner: Source;
  records = 0;
  constructor(inner: Source) { this.inner = inner; }
  poll(out: BatchBuilder, max: number): PollStatus {
    const before = out.size;
    const status = this.inner.poll(out, max);
    this.records += out.size - before;
    return status;
  }
  get watermark(): number { return this.inner.watermark; }
  get idle(): boolean { return this.inner.idle; }
  get cutOverPending(): boolean { return this.inner.cutOverPending === true; }
  releaseCutOver(): void { this.inner.releaseCutOver?.(); }
  snapshot(): unknown { return this.inner.snapshot(); }
  restore(position: unknown): void { this.inner.restore(position); }
  close(): void { this.inner.close(); }
}

class ProbedSink implements Sink {
  readonly inner: Sink;
  records = 0;
  constructor(inner: Sink) { this.inner = inner; }
  write(batch: Batch): void { this.records += batch.size; this.inner.write(batch); }
  commit(checkpointId: number): void { this.inner.commit(checkpointId); }
  discard(): void { this.inner.discard(); }
  get pending(): number { return this.inner.pending; }
  close(): void { this.inner.close(); }
}

interface ProbedSourceEntry { readonly id: string; readonly probe: ProbedSource; readonly location: SourceLocation | undefined }
interface ProbedSinkEntry { readonly probe: ProbedSink; readonly upstream: readonly number[] }

/** What metrics read from a running job (a JobProbe, or the sum over a parallel job's subtasks). */
export interface JobGauges {
  readonly recordsIn: number;
  readonly recordsOut: number;
  pendingRecords(topics: TopicLogStore): number;
  readonly inputWatermark: number | null;
  readonly outputWatermark: number | null;
}

/** Counters and gauges of one running job. */
export class JobProbe implements JobGauges {
  readonly #sources: ProbedSourceEntry[];
  readonly #sinks: ProbedSinkEntry[];

  private constructor(sources: ProbedSourceEntry[], sinks: ProbedSinkEntry[]) {
    this.#sources = sources;
    this.#sinks = sinks;
  }

  /** Wraps a job's sources and sinks; returns the graph to run and its probe. */
  static instrument(graph: JobGraph, locations: ReadonlyMap<string, SourceLocation>): { readonly graph: JobGraph; readonly probe: JobProbe } {
    const sources: ProbedSourceEntry[] = [];
    const sinkProbes = new Map<string, ProbedSink>();
    const nodes = graph.nodes.map((n): JobNode => {
      if (n.kind === 'source') {
        const probe = new ProbedSource(n.source);
        sources.push({ id: n.id, probe, location: locations.get(n.id) });
        return { ...n, source: probe };
      }
      if (n.kind === 'sink') {
        const probe = new ProbedSink(n.sink);
        sinkProbes.set(n.id, probe);
        return { kind: 'sink', id: n.id, sink: probe };
      }
      return n;
    });
    const sinks = [...sinkProbes].map(([id, probe]): ProbedSinkEntry => ({ probe, upstream: upstreamSources(graph, id, sources) }));
    return { graph: { nodes, edges: graph.edges }, probe: new JobProbe(sources, sinks) };
  }

  /** Source records read. */
  get recordsIn(): number {
    let n = 0;
    for (const s of this.#sources) n += s.probe.records;
    return n;
  }

  /** Records written to sinks. */
  get recordsOut(): number {
    let n = 0;
    for (const s of this.#sinks) n += s.probe.records;
    return n;
  }

  /** Σ over topic-source partitions of (bounded end, else high watermark) − next offset to read. */
  pendingRecords(topics: TopicLogStore): number {
    let pending = 0;
    for (const s of this.#sources) {
      if (s.location === undefined) continue;
      const pos = s.probe.snapshot() as { partitions?: readonly { partition: number; next: number; end: number | null }[] } | undefined;
      if (pos === undefined || !Array.isArray(pos.partitions)) continue;
      let highWatermarks: Map<number, number>;
      try {
        highWatermarks = new Map(topics.partitionOffsets(s.location.cluster, s.location.topic).map((p) => [p.partition, p.highWatermark]));
      } catch {
        continue; // the topic was deleted under the job: nothing to count until the job notices
      }
      for (const p of pos.partitions) {
        const limit = p.end ?? highWatermarks.get(p.partition) ?? p.next;
        pending += Math.max(0, limit - p.next);
      }
    }
    return pending;
  }

  /** Min over the sources' watermarks (idle ones excluded unless all are idle); null before any. */
  get inputWatermark(): number | null {
    return combined(this.#sources.map((s) => s.probe));
  }

  /** Min over sinks of the watermark reaching them; null before any. */
  get outputWatermark(): number | null {
    let min: number | null = null;
    for (const sink of this.#sinks) {
      const wm = combined(sink.upstream.map((i) => this.#sources[i]?.probe).filter((p): p is ProbedSource => p !== undefined));
      if (wm !== null && (min === null || wm < min)) min = wm;
    }
    return min;
  }
}

function combined(sources: readonly ProbedSource[]): number | null {
  const active = sources.filter((s) => !s.idle);
  const from = active.length > 0 ? active : sources;
  let min = Number.POSITIVE_INFINITY;
  for (const s of from) min = Math.min(min, s.watermark);
  return Number.isFinite(min) ? min : null;
}

/** Indexes (into `sources`) of the sources that reach `sinkId`. */
function upstreamSources(graph: JobGraph, sinkId: string, sources: readonly ProbedSourceEntry[]): number[] {
  const preds = new Map<string, string[]>();
  for (const e of graph.edges) preds.set(e.to, [...(preds.get(e.to) ?? []), e.from]);
  const seen = new Set<string>();
  const stack = [sinkId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(preds.get(id) ?? []));
  }
  return sources.flatMap((s, i) => (seen.has(s.id) ? [i] : []));
}

/**
 * The topic-source locations of a physical plan, by node id: every `scan` node's table database
 * (the Kafka cluster) and name (the topic). Walks the plan generically so new node kinds need no
 * change here.
 */
export function scanLocations(plan: unknown): Map<string, SourceLocation> {
  const out = new Map<string, SourceLocation>();
  const seen = new Set<object>();
  const visit = (v: unknown, depth: number): void => {
    if (v === null || typeof v !== 'object' || depth > 64 || seen.has(v) || ArrayBuffer.isView(v)) return;
    seen.add(v);
    if (Array.isArray(v)) { for (const x of v) visit(x, depth + 1); return; }
    const o = v as Record<string, unknown>;
    if (o['kind'] === 'scan' && typeof o['id'] === 'string') {
      const table = o['table'] as { name?: unknown; database?: { id?: unknown } } | undefined;
      if (typeof table?.name === 'string' && typeof table.database?.id === 'string') out.set(o['id'], { cluster: table.database.id, topic: table.name });
    }
    for (const [k, x] of Object.entries(o)) if (k !== 'table') visit(x, depth + 1);
  };
  visit(plan, 0);
  return out;
}
