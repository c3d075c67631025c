/**
 * Deduplication: ROW_NUMBER() OVER (PARTITION BY key ORDER BY time_attr ASC|DESC) = 1 on an
 * insert-only input.
 * - keep first on processing time: the first row per key is emitted (+I) and later ones are dropped;
 *   the output is append-only.
 * - keep first on rowtime: the row with the smallest rowtime wins; an earlier row arriving later
 *   replaces it (-U/+U).
 * - keep last (either time): each newer row replaces the kept one (-U old, +U new); on rowtime a
 *   row older than the kept one is ignored, ties go to the later arrival.
 * Mini-batch: a batch's rows are folded per key first, so a key emits at most one change per batch.
 * Rows keep their rowtime; with `outputRank` the rank number 1 (BIGINT) is appended.
 * State TTL (`sql.state-ttl`, processing time from the injected clock): a key idle for longer is
 * forgotten lazily — its next row counts as the first again (+I) — and purged at barriers.
 */
import { invariant, type Clock } from '../../../../shared/index.js';
import type { Batch } from '../batch.js';
import type { Operator, OperatorContext } from '../operator.js';
import { INSERT, UPDATE_AFTER, UPDATE_BEFORE, type Row } from '../types.js';
import type { KeyExtractor } from './types.js';
import { decodeRow, entriesOf, rowText, tupleKey, valuesEqual, type Json, type KeyId } from './value-codec.js';

/** What a planner hands to a deduplication. */
export interface DeduplicateSpec {
  readonly key: KeyExtractor;
  readonly keep: 'first' | 'last';
  /** Ordered by processing time (arrival) or by the row's rowtime. */
  readonly order: 'proctime' | 'rowtime';
  /** The ORDER BY rowtime column; default: the row's rowtime in the batch. */
  readonly rowtime?: (row: Row) => number;
  readonly outputRank?: boolean;
  /** `sql.state-ttl` in milliseconds; absent or 0 keeps state forever. */
  readonly stateTtlMs?: number;
  /** Processing-time clock for the TTL. */
  readonly clock?: Clock;
}

/** One key in a snapshot: [row, rowtime, lastAccess] (the row downstream holds). */
type KeptEntry = readonly [Json, number | null, number];

/** Checkpointed state: the kept keys, each as its JSON text (see `entriesOf`). */
export interface DeduplicateState {
  readonly kept: readonly (string | KeptEntry)[];
}

interface Kept {
  row: Row;
  time: number;
  emitted: Row | null;
  emittedTime: number;
  epoch: number;
  access: number;
  /** The key's snapshot text while it is unchanged. */
  text: string | undefined;
}

/** Deduplication; see the file header. */
export class DeduplicateOperator implements Operator<DeduplicateState> {
  readonly #spec: DeduplicateSpec;
  readonly #kept = new Map<KeyId, Kept>();
  #epoch = 0;

  constructor(spec: DeduplicateSpec) { this.#spec = spec; }

  onBatch(batch: Batch, _input: number, ctx: OperatorContext): void {
    const epoch = ++this.#epoch;
    const { keep, order, rowtime } = this.#spec;
    const ttl = this.#spec.stateTtlMs ?? 0;
    const now = ttl > 0 && this.#spec.clock !== undefined ? this.#spec.clock.now() : 0;
    const touched: Kept[] = [];
    const { rows, kinds, rowtimes, size } = batch;
    for (let i = 0; i < size; i++) {
      invariant(kinds[i] === INSERT, 'deduplication takes an insert-only input');
      const row = rows[i] as Row;
      const rt = rowtimes[i] as number;
      const t = order === 'rowtime' ? (rowtime === undefined ? rt : rowtime(row)) : i;
      const id = tupleKey(this.#spec.key(row));
      let k = this.#kept.get(id);
      if (k !== undefined && ttl > 0 && k.epoch !== epoch && now - k.access > ttl) { this.#kept.delete(id); k = undefined; }
      if (k === undefined) {
        const fresh: Kept = { row, time: t, emitted: null, emittedTime: rt, epoch, access: now, text: undefined };
        this.#kept.set(id, fresh);
        touched.push(fresh);
        continue;
      }
      if (k.access !== now) { k.access = now; k.text = undefined; }
      const replace = order === 'proctime' ? keep === 'last' : keep === 'last' ? t >= k.time : t < k.time;
      if (!replace) continue;
      if (k.epoch !== epoch) { k.epoch = epoch; touched.push(k); }
      k.row = row;
      k.time = t;
      k.text = undefined;
      k.emittedTime = rt;
    }
    const rank = this.#spec.outputRank === true;
    for (const k of touched) {
      const out = rank ? [...k.row, 1n] : k.row;
      if (k.emitted === null) ctx.emit(out, INSERT, k.emittedTime);
      else if (!valuesEqual(k.emitted, out)) { ctx.emit(k.emitted, UPDATE_BEFORE, Number.NaN); ctx.emit(out, UPDATE_AFTER, k.emittedTime); } else continue;
      k.emitted = out;
    }
  }

  /** Purges keys idle past the TTL (no output). */
  onBarrier(): void {
    const ttl = this.#spec.stateTtlMs ?? 0;
    if (ttl <= 0 || this.#spec.clock === undefined) return;
    const now = this.#spec.clock.now();
    for (const [id, k] of this.#kept) if (now - k.access > ttl) this.#kept.delete(id);
  }

  /** Number of keys held. */
  get keyCount(): number { return this.#kept.size; }

  snapshot(): DeduplicateState {
    const rowtime = this.#spec.order === 'rowtime';
    const parts: string[] = [];
    for (const k of this.#kept.values()) {
      k.text ??= `[${rowText(k.row)},${rowtime && Number.isFinite(k.time) ? k.time : 'null'},${k.access}]`;
      parts.push(k.text);
    }
    return { kept: parts };
  }

  restore(s: DeduplicateState): void {
    this.#kept.clear();
    const rank = this.#spec.outputRank === true;
    for (const [r, time, access] of entriesOf<KeptEntry>(s.kept)) {
      const row = decodeRow(r);
      this.#kept.set(tupleKey(this.#spec.key(row)), { row, time: time ?? 0, emitted: rank ? [...row, 1n] : row, emittedTime: Number.NaN, epoch: 0, access, text: undefined });
    }
    this.#epoch = 0;
  }

  close(): void { this.#kept.clear(); }
}
