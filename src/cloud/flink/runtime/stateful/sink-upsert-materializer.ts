/**
 * Flink's SinkUpsertMaterializer: in front of an upsert sink whose primary key is not the query's
 * upsert key, it keeps per sink key every row currently backing that key (in arrival order), so
 *   - an accumulate (+I/+U) replaces an equal held row (same input upsert key when the input has
 *     one, else the same row) or appends; it is emitted as +I when it is the key's only row, else +U;
 *   - a retraction (-U/-D) removes the first equal held row: when none is left the key is deleted
 *     (-D of the retracted row); when the removed row was the last one, the new last row is
 *     re-emitted as +U (the sink shows it again); a removed middle row changes nothing visible;
 *   - a retraction of a row not held (never seen, or its state expired) is ignored.
 * So a -U/-D of one source row no longer deletes a sink row another source row still backs, and
 * changes that arrive out of order resolve to the last live row. Output: +I, +U, -D only.
 *
 * With a state TTL (`sql.state-ttl`), a sink key's rows expire that long after the key's last write
 * (OnCreateAndWrite): an expired key is as if never seen, and is dropped at the next barrier.
 */
import type { Clock } from '../../../../shared/index.js';
import { systemClock } from '../../../../shared/index.js';
import type { Batch } from '../batch.js';
import type { Operator, OperatorContext } from '../operator.js';
import { DELETE, INSERT, UPDATE_AFTER, type Row } from '../types.js';
import { decodeRow, encodeRow, valueKey, valuesEqual, type Json, type KeyId } from './value-codec.js';

/** Options of the materializer. */
export interface SinkUpsertMaterializerSpec {
  /** The sink's primary key of a row. */
  readonly sinkKey: (row: Row) => unknown;
  /** The input's upsert key of a row, when the input has one: held rows are matched by it. */
  readonly inputKey?: ((row: Row) => unknown) | undefined;
  /** State retention after a key's last write (none when absent). */
  readonly stateTtlMs?: number | undefined;
  /** Processing-time clock for the TTL. */
  readonly clock?: Clock | undefined;
}

interface Held { rows: Row[]; expiresAt: number }

/** Checkpointed state: per sink key (in first-arrival order) its held rows and expiry (null: none). */
export type SinkUpsertMaterializerState = readonly (readonly [readonly Json[][], number | null])[];

/** The materializer operator (one input). */
export class SinkUpsertMaterializer implements Operator<SinkUpsertMaterializerState> {
  readonly #spec: SinkUpsertMaterializerSpec;
  readonly #ttl: number;
  readonly #clock: Clock;
  #rows = new Map<KeyId, Held>();

  constructor(spec: SinkUpsertMaterializerSpec) {
    this.#spec = spec;
    this.#ttl = spec.stateTtlMs !== undefined && spec.stateTtlMs > 0 ? spec.stateTtlMs : Number.POSITIVE_INFINITY;
    this.#clock = spec.clock ?? systemClock;
  }

  /** Number of sink keys held (for tests). */
  get keyCount(): number { return this.#rows.size; }

  onBatch(batch: Batch, _input: number, ctx: OperatorContext): void {
    const { rows, kinds, size } = batch;
    for (let i = 0; i < size; i++) {
      const row = rows[i] as Row;
      const kind = kinds[i] as number;
      const id = valueKey(this.#spec.sinkKey(row));
      if (kind === INSERT || kind === UPDATE_AFTER) this.#accumulate(id, row, ctx);
      else this.#retract(id, row, ctx);
    }
  }

  onBarrier(): void {
    if (this.#ttl === Number.POSITIVE_INFINITY) return;
    const now = this.#clock.now();
    for (const [id, h] of [...this.#rows]) if (h.expiresAt <= now) this.#rows.delete(id);
  }

  snapshot(): SinkUpsertMaterializerState {
    return [...this.#rows.values()].map((h) => [h.rows.map((r) => encodeRow(r)), Number.isFinite(h.expiresAt) ? h.expiresAt : null] as const);
  }

  restore(s: SinkUpsertMaterializerState): void {
    this.#rows = new Map();
    for (const [held, exp] of s) {
      const rows = held.map((r) => decodeRow(r));
      const [first] = rows;
      if (first !== undefined) this.#rows.set(valueKey(this.#spec.sinkKey(first)), { rows, expiresAt: exp ?? Number.POSITIVE_INFINITY });
    }
  }

  close(): void { this.#rows.clear(); }

  /** The live rows of a sink key (an expired key is dropped). */
  #live(id: KeyId): Held | undefined {
    const h = this.#rows.get(id);
    if (h === undefined || h.expiresAt === Number.POSITIVE_INFINITY || h.expiresAt > this.#clock.now()) return h;
    this.#rows.delete(id);
    return undefined;
  }

  #touch(h: Held): void {
    if (this.#ttl !== Number.POSITIVE_INFINITY) h.expiresAt = this.#clock.now() + this.#ttl;
  }

  #accumulate(id: KeyId, row: Row, ctx: OperatorContext): void {
    let h = this.#live(id);
    if (h === undefined) { h = { rows: [], expiresAt: Number.POSITIVE_INFINITY }; this.#rows.set(id, h); }
    this.#touch(h);
    const held = h.rows;
    const i = this.#indexOf(held, row);
    if (i < 0) held.push(row); else held[i] = row;
    ctx.emit(row, held.length === 1 ? INSERT : UPDATE_AFTER, Number.NaN);
  }

  #retract(id: KeyId, row: Row, ctx: OperatorContext): void {
    const h = this.#live(id);
    if (h === undefined) return;
    const held = h.rows;
    const i = this.#indexOf(held, row);
    if (i < 0) return;
    this.#touch(h);
    const wasLast = i === held.length - 1;
    held.splice(i, 1);
    if (held.length === 0) {
      this.#rows.delete(id);
      ctx.emit(row, DELETE, Number.NaN);
    } else if (wasLast) {
      ctx.emit(held[held.length - 1] as Row, UPDATE_AFTER, Number.NaN);
    }
  }

  #indexOf(held: readonly Row[], row: Row): number {
    const key = this.#spec.inputKey;
    if (key === undefined) return held.findIndex((h) => valuesEqual(h, row));
    const k = key(row);
    return held.findIndex((h) => valuesEqual(key(h), k));
  }
}
