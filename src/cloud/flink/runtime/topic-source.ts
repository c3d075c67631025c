/**
 * Reads a table's topic: every partition from its start offset, in batches, decoding records through
 * the pluggable deserializer and the table's changelog mode (confluent-flink.md §2.4):
 *   append  → every record +I
 *   upsert  → null value (tombstone) → -D, otherwise +U
 *   retract → header `op` holds one byte = row kind; no header → +I; null value is an error
 * `$rowtime` is the record timestamp (or `rowtime(row, record)` when the watermark is declared on a
 * payload column). Watermarks come from one generator per partition; the source watermark is the
 * min over partitions that are neither idle nor finished. Partitions are fixed when the source
 * opens (partitions added later are not read until the statement restarts).
 * The position (next offset and bounded end offset per partition) is the checkpointed state.
 */
import { systemClock, type Clock } from '../../../shared/index.js';
import { TopicLogError, type LogRecord, type TopicLogStore } from '../../kafka/index.js';
import type { BatchBuilder } from './batch.js';
import { IdlenessTracker, type IdlenessSetting } from './idleness-tracker.js';
import { metadataValue, type MetadataKey } from './metadata-columns.js';
import type { RecordDeserializer } from './record-codecs.js';
import { DeserializationError } from './runtime-errors.js';
import type { Source } from './source.js';
import { sourceWatermark } from './histogram-watermark-generator.js';
import type { WatermarkGenerator, WatermarkGeneratorFactory } from './watermark-generators.js';
import { DELETE, INSERT, NO_WATERMARK, UPDATE_AFTER, type ChangelogMode, type PollStatus, type Row } from './types.js';

/** A partition's explicit offset (`scan.startup.specific-offsets`, `scan.bounded.specific-offsets`). */
export interface PartitionOffset {
  readonly partition: number;
  readonly offset: number;
}

/** `scan.startup.mode`. Partitions missing from specific offsets start at the earliest offset. */
export type StartupMode =
  | { readonly kind: 'earliest-offset' }
  | { readonly kind: 'latest-offset' }
  | { readonly kind: 'timestamp'; readonly millis: number }
  | { readonly kind: 'specific-offsets'; readonly offsets: readonly PartitionOffset[] };

/** `scan.bounded.mode`; end offsets are taken when the source first opens. */
export type BoundedMode =
  | { readonly kind: 'unbounded' }
  | { readonly kind: 'latest-offset' }
  | { readonly kind: 'timestamp'; readonly millis: number }
  | { readonly kind: 'specific-offsets'; readonly offsets: readonly PartitionOffset[] };

/** What a planner hands to a topic source. */
export interface TopicSourceOptions {
  readonly logs: TopicLogStore;
  readonly cluster: string;
  readonly topic: string;
  readonly mode: ChangelogMode;
  readonly deserializer: RecordDeserializer;
  /** Metadata columns appended after the physical ones, in this order. */
  readonly metadata?: readonly MetadataKey[];
  readonly startup?: StartupMode;
  readonly bounded?: BoundedMode;
  /** Default: SOURCE_WATERMARK() (histogram). */
  readonly watermarks?: WatermarkGeneratorFactory;
  /** Default: progressive. */
  readonly idleness?: IdlenessSetting;
  /** The rowtime of a row; default the record timestamp. */
  readonly rowtime?: (row: Row, record: LogRecord) => number;
  /** `error-handling.mode`: fail (default) or ignore (skip undecodable records). */
  readonly errorHandling?: 'fail' | 'ignore';
  /** Cut-over evolution: read each partition only up to this offset until `releaseCutOver()`. */
  readonly cutOver?: readonly PartitionOffset[];
  readonly clock?: Clock;
  /**
   * A parallel subtask's share: it reads only the partitions `p` with `p % parallelism === index`
   * and its position lists only those (default: every partition).
   */
  readonly assignment?: SubtaskAssignment;
}

/** Which subtask of how many reads this source. */
export interface SubtaskAssignment {
  readonly index: number;
  readonly parallelism: number;
}

/** The checkpointed position of one partition. */
export interface PartitionPosition {
  readonly partition: number;
  readonly next: number;
  /** Bounded mode: stop before this offset; null when unbounded. */
  readonly end: number | null;
}

/** The checkpointed position of a topic source. */
export interface TopicSourcePosition {
  readonly topic: string;
  readonly partitions: readonly PartitionPosition[];
}

/** A Kafka-backed table read as a changelog. */
export class TopicSource implements Source {
  readonly #o: TopicSourceOptions;
  readonly #clock: Clock;
  #next: number[] = [];
  #end: (number | null)[] = [];
  #gens: WatermarkGenerator[] = [];
  #idle: IdlenessTracker;
  #watermark = NO_WATERMARK;
  #cursor = 0;
  #count: number;
  /** Per partition, the cut-over offset reads stop at; null once released (or without cut-over). */
  #gate: number[] | null = null;
  /** Partitions this source reads (all unless it is a parallel subtask). */
  readonly #owned: boolean[];

  constructor(opts: TopicSourceOptions) {
    this.#o = opts;
    this.#clock = opts.clock ?? systemClock;
    const offsets = opts.logs.partitionOffsets(opts.cluster, opts.topic);
    this.#count = offsets.length;
    this.#idle = new IdlenessTracker(this.#count, { clock: this.#clock, setting: opts.idleness ?? { kind: 'progressive' } });
    const factory = opts.watermarks ?? sourceWatermark();
    this.#gens = offsets.map(() => factory());
    this.#next = offsets.map((p) => this.#startOffset(p.partition, p.logStartOffset, p.highWatermark));
    this.#end = offsets.map((p) => this.#endOffset(p.partition, p.highWatermark));
    const cut = opts.cutOver;
    if (cut !== undefined) this.#gate = offsets.map((p) => cut.find((x) => x.partition === p.partition)?.offset ?? 0);
    const a = opts.assignment;
    this.#owned = offsets.map((_, p) => a === undefined || p % a.parallelism === a.index);
  }

  /** True while a cut-over gate holds some partition below its cut-over offset. */
  get cutOverPending(): boolean {
    const g = this.#gate;
    if (g === null) return false;
    for (let p = 0; p < this.#count; p++) if (this.#owned[p] === true && (this.#next[p] as number) < (g[p] as number) && !this.#finished(p)) return true;
    return false;
  }

  /** Lifts the cut-over gate: every partition reads on past its cut-over offset. */
  releaseCutOver(): void { this.#gate = null; }

  get watermark(): number { return this.#watermark; }

  get idle(): boolean {
    let open = 0;
    for (let p = 0; p < this.#count; p++) {
      if (this.#finished(p)) continue;
      open++;
      if (!this.#idle.isIdle(p)) return false;
    }
    return open > 0;
  }

  poll(out: BatchBuilder, max: number): PollStatus {
    const before = out.size;
    const now = this.#clock.now();
    let open = 0;
    for (let k = 0; k < this.#count && out.size - before < max; k++) {
      const p = (this.#cursor + k) % this.#count;
      if (this.#finished(p)) continue;
      open++;
      const end = this.#end[p] ?? null;
      const from = this.#next[p] as number;
      let want = max - (out.size - before);
      if (end !== null) want = Math.min(want, end - from);
      const gate = this.#gate === null ? null : this.#gate[p] as number;
      if (gate !== null) want = Math.min(want, gate - from);
      const res = this.#read(p, from, want);
      if (res.records.length > 0) this.#idle.active(p, now);
      const gen = this.#gens[p] as WatermarkGenerator;
      for (const r of res.records) {
        if (gate !== null && r.offset >= gate) break; // a compacted log may skip past the gate
        this.#push(out, r, gen);
      }
      let next = end !== null ? Math.min(res.nextOffset, end) : res.nextOffset;
      if (gate !== null && from < gate) next = Math.min(next, gate);
      this.#next[p] = next;
    }
    this.#cursor = (this.#cursor + 1) % Math.max(this.#count, 1);
    this.#idle.check();
    this.#updateWatermark();
    if (out.size > before) return 'data';
    return open === 0 || this.#allFinished() ? 'end' : 'idle';
  }

  snapshot(): TopicSourcePosition {
    const partitions: PartitionPosition[] = [];
    for (let p = 0; p < this.#count; p++) if (this.#owned[p] === true) partitions.push({ partition: p, next: this.#next[p] as number, end: this.#end[p] ?? null });
    return { topic: this.#o.topic, partitions };
  }

  restore(position: unknown): void {
    const pos = position as TopicSourcePosition;
    for (const p of pos.partitions) {
      if (p.partition >= this.#count || this.#owned[p.partition] !== true) continue;
      this.#next[p.partition] = p.next;
      this.#end[p.partition] = p.end;
    }
  }

  close(): void { /* the log store belongs to the caller */ }

  #push(out: BatchBuilder, r: LogRecord, gen: WatermarkGenerator): void {
    const o = this.#o;
    let kind: number = INSERT;
    if (o.mode === 'upsert') {
      kind = r.value === null ? DELETE : UPDATE_AFTER;
    } else if (o.mode === 'retract') {
      const k = retractKind(r);
      if (k instanceof Error) return this.#reject(r, k.message);
      kind = k;
    }
    const row = o.deserializer(r);
    if (row instanceof Error) return this.#reject(r, row.message);
    const meta = o.metadata;
    if (meta !== undefined) for (const key of meta) row.push(metadataValue(key, r, o.topic));
    const rowtime = o.rowtime === undefined ? r.timestamp : o.rowtime(row, r);
    gen.onEvent(rowtime);
    out.push(row, kind, rowtime);
  }

  #reject(r: LogRecord, reason: string): void {
    if (this.#o.errorHandling === 'ignore') return;
    throw new DeserializationError({ topic: this.#o.topic, partition: r.partition, offset: r.offset, reason });
  }

  #read(p: number, from: number, want: number): { records: readonly LogRecord[]; nextOffset: number } {
    if (want <= 0) return { records: [], nextOffset: from };
    try {
      return this.#o.logs.read(this.#o.cluster, this.#o.topic, p, from, want);
    } catch (e) {
      // Retention deleted records we had not read yet, or the topic was deleted and created anew
      // (a restored position past its end): continue at the log start, as Kafka's
      // auto.offset.reset=earliest would.
      if (!(e instanceof TopicLogError) || e.code !== 'offset-out-of-range') throw e;
      const range = this.#o.logs.partitionOffset(this.#o.cluster, this.#o.topic, p);
      const at = from > range.highWatermark ? range.logStartOffset : Math.max(range.logStartOffset, from);
      return this.#o.logs.read(this.#o.cluster, this.#o.topic, p, at, want);
    }
  }

  #updateWatermark(): void {
    let min = Number.POSITIVE_INFINITY;
    let active = 0;
    for (let p = 0; p < this.#count; p++) {
      if (this.#finished(p) || this.#idle.isIdle(p)) continue;
      active++;
      const w = (this.#gens[p] as WatermarkGenerator).current();
      if (w < min) min = w;
    }
    if (active > 0 && min > this.#watermark) this.#watermark = min;
  }

  #finished(p: number): boolean {
    if (this.#owned[p] !== true) return true;
    const end = this.#end[p];
    return end !== null && end !== undefined && (this.#next[p] as number) >= end;
  }

  #allFinished(): boolean {
    for (let p = 0; p < this.#count; p++) if (!this.#finished(p)) return false;
    return true;
  }

  #startOffset(p: number, earliest: number, latest: number): number {
    const s = this.#o.startup ?? { kind: 'earliest-offset' };
    switch (s.kind) {
      case 'earliest-offset': return earliest;
      case 'latest-offset': return latest;
      case 'timestamp': return this.#o.logs.offsetForTimestamp(this.#o.cluster, this.#o.topic, p, s.millis) ?? latest;
      case 'specific-offsets': return Math.max(earliest, s.offsets.find((x) => x.partition === p)?.offset ?? earliest);
    }
  }

  #endOffset(p: number, latest: number): number | null {
    const b = this.#o.bounded ?? { kind: 'unbounded' };
    switch (b.kind) {
      case 'unbounded': return null;
      case 'latest-offset': return latest;
      case 'timestamp': return this.#o.logs.offsetForTimestamp(this.#o.cluster, this.#o.topic, p, b.millis + 1) ?? latest;
      case 'specific-offsets': return b.offsets.find((x) => x.partition === p)?.offset ?? latest;
    }
  }
}

/** The row kind of a retract-mode record, from its `op` header. */
function retractKind(r: LogRecord): number | Error {
  if (r.value === null) return new Error('a retract-mode record must have a value');
  let op: Buffer | null | undefined;
  for (const h of r.headers) if (h.key === 'op') op = h.value;
  if (op === undefined) return INSERT;
  if (op === null || op.length !== 1 || (op[0] as number) > 3) return new Error("header 'op' must hold one byte 0..3");
  return op[0] as number;
}
