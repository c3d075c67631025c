/**
 * Top-N: ROW_NUMBER/RANK/DENSE_RANK over (PARTITION BY … ORDER BY …) with a rank filter
 * rankStart..rankEnd, over an insert-only or updating input (-U/-D remove an equal row; one that
 * is not held — never seen — is ignored, as in Flink). Each partition keeps its rows sorted (ties in
 * arrival order); with `insertOnly` only rows that can still rank are kept.
 *
 * Output (mini-batch: one diff per touched partition per batch, in first-touch order), compared
 * against what downstream holds:
 * - without the rank number: rows leaving the Top-N emit -D, rows entering emit +I;
 * - with the rank number (appended as BIGINT): a rank whose row changed emits -U old/+U new, a rank
 *   that disappeared -D, a new rank +I (as Flink's retractable Top-N does with rank output).
 * Output rows carry no rowtime. Deduplication (N = 1 on a time attribute) is deduplicate-operator.ts.
 */
import type { Batch } from '../batch.js';
import type { Operator, OperatorContext } from '../operator.js';
import { DELETE, INSERT, UPDATE_AFTER, UPDATE_BEFORE, type Row } from '../types.js';
import { insertSorted, pruneBeyond, rankNumbers } from './rank-numbers.js';
import type { KeyExtractor, RankFunction, RowComparator } from './types.js';
import { decodeRow, entriesOf, multisetMinus, rowText, tupleKey, valueKey, valuesEqual, type Json, type KeyId } from './value-codec.js';

/** What a planner hands to a Top-N. */
export interface RankSpec {
  readonly partitionKey?: KeyExtractor;
  readonly order: RowComparator;
  readonly rankFunction?: RankFunction;
  /** First rank kept (default 1). */
  readonly rankStart?: number;
  /** Last rank kept (`rn <= N`). */
  readonly rankEnd: number;
  /** Append the rank number to output rows. */
  readonly outputRank?: boolean;
  /** The input is insert-only: rows beyond the Top-N can be dropped from state. */
  readonly insertOnly?: boolean;
}

/** One partition in a snapshot: [key, sorted rows, emitted rows]. */
/**
 * One partition in a snapshot: [key, sorted rows] — what downstream holds is the partition's
 * visible rows (true after every batch), so it is recomputed on restore; older snapshots also
 * carry it as a third element.
 */
type PartitionEntry = readonly [Json, readonly Json[], (readonly Json[])?];

/** Checkpointed state: the partitions, each as its JSON text (see `entriesOf`). */
export interface RankState {
  readonly partitions: readonly (string | PartitionEntry)[];
}

interface Partition {
  readonly key: unknown[];
  readonly rows: Row[];
  emitted: Row[];
  epoch: number;
  /** Snapshot text of each row of `rows` (same positions), once rendered. */
  readonly texts: (string | undefined)[];
  /** The partition's snapshot text while its rows are unchanged. */
  text: string | undefined;
}

const NO_KEY: KeyExtractor = () => [];

/** Top-N; see the file header. */
export class RankOperator implements Operator<RankState> {
  readonly #spec: RankSpec;
  readonly #fn: RankFunction;
  readonly #key: KeyExtractor;
  readonly #parts = new Map<KeyId, Partition>();
  #epoch = 0;

  constructor(spec: RankSpec) {
    this.#spec = spec;
    this.#fn = spec.rankFunction ?? 'ROW_NUMBER';
    this.#key = spec.partitionKey ?? NO_KEY;
  }

  onBatch(batch: Batch, _input: number, ctx: OperatorContext): void {
    const epoch = ++this.#epoch;
    const { order, rankEnd, insertOnly = false } = this.#spec;
    const touched: [KeyId, Partition][] = [];
    const { rows, kinds, size } = batch;
    for (let i = 0; i < size; i++) {
      const row = rows[i] as Row;
      const add = kinds[i] === INSERT || kinds[i] === UPDATE_AFTER;
      const key = this.#key(row);
      const id = tupleKey(key);
      let p = this.#parts.get(id);
      if (p === undefined) {
        if (!add) continue;
        p = { key, rows: [], texts: [], emitted: [], epoch: 0, text: undefined };
        this.#parts.set(id, p);
      }
      if (p.epoch !== epoch) { p.epoch = epoch; touched.push([id, p]); }
      if (add) {
        const at = insertSorted(p.rows, row, order);
        p.texts.splice(at, 0, undefined);
        if (insertOnly) { pruneBeyond(p.rows, this.#fn, rankEnd, order); p.texts.length = p.rows.length; }
        if (at < p.rows.length) p.text = undefined; // else the row ranked too low to be kept
      } else {
        const j = p.rows.findIndex((r) => order(r, row) === 0 && valuesEqual(r, row));
        if (j >= 0) { p.rows.splice(j, 1); p.texts.splice(j, 1); p.text = undefined; }
      }
    }
    for (const [id, p] of touched) this.#diff(id, p, ctx);
  }

  /**
   * The visible output of a partition now. With the rank number, a row that downstream already
   * holds at the same position with the same rank is reused as is (no new array).
   */
  #visible(p: Partition): Row[] {
    const { rankStart = 1, rankEnd, outputRank = false, order } = this.#spec;
    const ranks = rankNumbers(p.rows, this.#fn, order);
    const out: Row[] = [];
    for (let j = 0; j < p.rows.length; j++) {
      const row = p.rows[j] as Row;
      const r = ranks[j] as number;
      if (r < rankStart || r > rankEnd) continue;
      if (!outputRank) { out.push(row); continue; }
      const held = p.emitted[out.length];
      out.push(held !== undefined && held[row.length] === BigInt(r) && sameValues(held, row, row.length) ? held : [...row, BigInt(r)]);
    }
    return out;
  }

  #diff(id: KeyId, p: Partition, ctx: OperatorContext): void {
    const next = this.#visible(p);
    // Leading rows that downstream already holds in place change nothing: skip them (exact — the
    // multiset differences of the rest are those of the whole lists).
    let same = 0;
    const emitted = p.emitted;
    while (same < emitted.length && same < next.length && sameRow(emitted[same] as Row, next[same] as Row)) same++;
    if (same === emitted.length && same === next.length) {
      if (p.rows.length === 0 && next.length === 0) this.#parts.delete(id);
      return;
    }
    if (this.#fn === 'ROW_NUMBER' && this.#spec.outputRank === true) this.#diffByRank(emitted, next, same, ctx);
    else this.#diffRows(same === 0 ? emitted : emitted.slice(same), same === 0 ? next : next.slice(same), ctx);
    p.emitted = next;
    if (p.rows.length === 0 && next.length === 0) this.#parts.delete(id);
  }

  /**
   * ROW_NUMBER with the rank number: both lists hold ranks rankStart, rankStart + 1, … in order, and
   * rows with different ranks are never equal, so the multiset differences pair up by position:
   * a changed rank emits -U/+U, ranks that disappeared -D, new ranks +I — what #diffRows emits.
   */
  #diffByRank(held: readonly Row[], now: readonly Row[], from: number, ctx: OperatorContext): void {
    const common = Math.min(held.length, now.length);
    for (let j = from; j < common; j++) {
      const old = held[j] as Row;
      const row = now[j] as Row;
      if (sameEncoding(old, row)) continue;
      ctx.emit(old, UPDATE_BEFORE, Number.NaN);
      ctx.emit(row, UPDATE_AFTER, Number.NaN);
    }
    for (let j = common; j < held.length; j++) ctx.emit(held[j] as Row, DELETE, Number.NaN);
    for (let j = common; j < now.length; j++) ctx.emit(now[j] as Row, INSERT, Number.NaN);
  }

  /** Emits the change from `held` to `now` (the rows after their common prefix). */
  #diffRows(held: readonly Row[], now: readonly Row[], ctx: OperatorContext): void {
    const removed = multisetMinus(held, now);
    const added = multisetMinus(now, held);
    if (this.#spec.outputRank === true) {
      // Pair a removed and an added row of the same rank number into an update of that rank.
      const rankOf = (r: Row): unknown => r[r.length - 1];
      for (const old of removed) {
        const k = added.findIndex((n) => rankOf(n) === rankOf(old));
        if (k >= 0) {
          ctx.emit(old, UPDATE_BEFORE, Number.NaN);
          ctx.emit(added[k] as Row, UPDATE_AFTER, Number.NaN);
          added.splice(k, 1);
        } else {
          ctx.emit(old, DELETE, Number.NaN);
        }
      }
    } else {
      for (const old of removed) ctx.emit(old, DELETE, Number.NaN);
    }
    for (const row of added) ctx.emit(row, INSERT, Number.NaN);
  }

  snapshot(): RankState {
    const parts: string[] = [];
    for (const p of this.#parts.values()) {
      if (p.text === undefined) {
        const { rows, texts } = p;
        let s = '';
        for (let i = 0; i < rows.length; i++) s += `${i === 0 ? '' : ','}${texts[i] ??= rowText(rows[i] as Row)}`;
        p.text = `[${rowText(p.key)},[${s}]]`;
      }
      parts.push(p.text);
    }
    return { partitions: parts };
  }

  restore(s: RankState): void {
    this.#parts.clear();
    for (const [k, rows, emitted] of entriesOf<PartitionEntry>(s.partitions)) {
      const key = decodeRow(k);
      const p: Partition = { key, rows: rows.map(decodeRow), texts: new Array<string | undefined>(rows.length).fill(undefined), emitted: [], epoch: 0, text: undefined };
      p.emitted = emitted === undefined ? this.#visible(p) : emitted.map(decodeRow);
      this.#parts.set(tupleKey(key), p);
    }
    this.#epoch = 0;
  }

  close(): void { this.#parts.clear(); }
}

/** The first `n` values of `a` and `b` are identical (`Object.is`: the same encoding in snapshots and keys). */
function sameValues(a: Row, b: Row, n: number): boolean {
  for (let i = 0; i < n; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

/** Two rows of one operator whose values encode alike (what `multisetMinus` matches: its `rowKey`s are equal). */
function sameEncoding(a: Row, b: Row): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (Object.is(x, y) || (x == null && y == null)) continue;
    if (typeof x === 'object' && x !== null && typeof y === 'object' && y !== null && valueKey(x) === valueKey(y)) continue;
    return false;
  }
  return true;
}

/** Two rows of one operator with identical values. */
function sameRow(a: Row, b: Row): boolean {
  return a === b || (a.length === b.length && sameValues(a, b, a.length));
}
