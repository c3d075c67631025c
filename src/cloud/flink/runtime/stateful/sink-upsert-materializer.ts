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
 */
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
}

/** Checkpointed state: per sink key (in first-arrival order) its held rows. */
export type SinkUpsertMaterializerState = readonly (readonly Json[])[][];

/** The materializer operator (one input). */
export class SinkUpsertMaterializer implements Operator<SinkUpsertMaterializerState> {
  readonly #spec: SinkUpsertMaterializerSpec;
  #rows = new Map<KeyId, Row[]>();

  constructor(spec: SinkUpsertMaterializerSpec) { this.#spec = spec; }

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

  snapshot(): SinkUpsertMaterializerState {
    return [...this.#rows.values()].map((held) => held.map((r) => encodeRow(r)));
  }

  restore(s: SinkUpsertMaterializerState): void {
    this.#rows = new Map();
    for (const held of s) {
      const rows = held.map((r) => decodeRow(r));
      const [first] = rows;
      if (first !== undefined) this.#rows.set(valueKey(this.#spec.sinkKey(first)), rows);
    }
  }

  close(): void { this.#rows.clear(); }

  #accumulate(id: KeyId, row: Row, ctx: OperatorContext): void {
    let held = this.#rows.get(id);
    if (held === undefined) { held = []; this.#rows.set(id, held); }
    const i = this.#indexOf(held, row);
    if (i < 0) held.push(row); else held[i] = row;
    ctx.emit(row, held.length === 1 ? INSERT : UPDATE_AFTER, Number.NaN);
  }

  #retract(id: KeyId, row: Row, ctx: OperatorContext): void {
    const held = this.#rows.get(id);
    if (held === undefined) return;
    const i = this.#indexOf(held, row);
    if (i < 0) return;
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
