/**
 * Interval join (event time): `l.k = r.k AND l.time BETWEEN r.time + lower AND r.time + upper`,
 * i.e. `l.time - r.time ∈ [lower, upper]`. Inputs are insert-only and the output is append-only:
 * a pair is emitted (rowtime = the later of the two times) as soon as both rows are there.
 *
 * State expiry follows the combined watermark W. Rows arriving later have time > W, so a left row
 * (time lt) can still meet a right row only while lt - lower > W, and a right row (time rt) a left
 * row only while rt + upper > W. Past that a row leaves the state; for an outer side a row that
 * never matched is then emitted padded with NULLs (at its own time), which is why the output stays
 * append-only. A row that is already past that point on arrival (late) is joined with what the state
 * still holds and, for an outer side, padded at once when unmatched. Expired rows go out in time
 * order (then arrival order), left input first. An empty interval (lower > upper, e.g. from strict
 * bounds on equal times) is valid SQL: nothing matches and outer joins pad every row.
 */
import { invariant } from '../../../../shared/index.js';
import type { Batch } from '../batch.js';
import type { Operator, OperatorContext } from '../operator.js';
import { decodeRow, encodeRow, type Json } from '../stateful/value-codec.js';
import { INSERT, NO_WATERMARK, type Row } from '../types.js';
import type { IntervalJoinSpec } from './types.js';

/**
 * Inclusive millisecond bounds of `l.time - r.time` from the SQL form: `l.time BETWEEN r.time - a AND
 * r.time + b` is lower -a, upper b; a strict `>`/`<` moves its bound by one millisecond inward.
 */
export function intervalJoinBounds(opts: {
  readonly lower: number; readonly lowerInclusive: boolean; readonly upper: number; readonly upperInclusive: boolean;
}): { readonly lower: number; readonly upper: number } {
  return { lower: opts.lowerInclusive ? opts.lower : opts.lower + 1, upper: opts.upperInclusive ? opts.upper : opts.upper - 1 };
}

interface Entry {
  readonly row: Row;
  readonly time: number;
  readonly seq: number;
  matched: boolean;
}

/** Checkpointed state: watermark, arrival counter and both sides' rows `[row, time, seq, matched]`. */
export interface IntervalJoinState {
  readonly watermark: number | null;
  readonly seq: number;
  readonly sides: readonly (readonly (readonly [Json, number, number, boolean])[])[];
}

/** The interval join operator; input 0 is the left side, input 1 the right. */
export class IntervalJoinOperator implements Operator<IntervalJoinState> {
  readonly #spec: IntervalJoinSpec;
  readonly #outer: readonly [boolean, boolean];
  #state: [Map<unknown, Entry[]>, Map<unknown, Entry[]>] = [new Map(), new Map()];
  #wm = NO_WATERMARK;
  #seq = 0;
  /** Per side, the earliest watermark at which some held row expires (a lower bound): skips idle scans. */
  #nextExpiry: [number, number] = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];

  constructor(spec: IntervalJoinSpec) {
    this.#spec = spec;
    this.#outer = [spec.kind === 'LEFT' || spec.kind === 'FULL', spec.kind === 'RIGHT' || spec.kind === 'FULL'];
  }

  /** Held rows per input (for tests). */
  get stateSize(): readonly [number, number] {
    return [count(this.#state[0]), count(this.#state[1])];
  }

  onBatch(batch: Batch, input: number, ctx: OperatorContext): void {
    const side = input === 0 ? 0 : 1;
    const other = 1 - side as 0 | 1;
    const sideSpec = side === 0 ? this.#spec.left : this.#spec.right;
    const { lower, upper } = this.#spec;
    for (let i = 0; i < batch.size; i++) {
      invariant(batch.kinds[i] === INSERT, 'interval join inputs are insert-only');
      const row = batch.rows[i] as Row;
      const key = sideSpec.key(row);
      const time = sideSpec.time(row);
      if (key === null || key === undefined || time === null) {
        if (this.#outer[side]) ctx.emit(this.#pad(side, row), INSERT, time ?? Number.NaN);
        continue;
      }
      let matched = false;
      for (const e of this.#state[other].get(key) ?? []) {
        const lt = side === 0 ? time : e.time;
        const rt = side === 0 ? e.time : time;
        const d = lt - rt;
        if (d < lower || d > upper) continue;
        const l = side === 0 ? row : e.row;
        const r = side === 0 ? e.row : row;
        if (this.#spec.residual !== undefined && this.#spec.residual(l, r) !== true) continue;
        matched = true;
        e.matched = true;
        ctx.emit([...l, ...r], INSERT, Math.max(lt, rt));
      }
      if (this.#expired(side, time, this.#wm)) {
        if (this.#outer[side] && !matched) ctx.emit(this.#pad(side, row), INSERT, time);
        continue;
      }
      const entry: Entry = { row, time, seq: this.#seq++, matched };
      this.#nextExpiry[side] = Math.min(this.#nextExpiry[side], this.#expiryOf(side, time));
      const bucket = this.#state[side].get(key);
      if (bucket === undefined) this.#state[side].set(key, [entry]); else bucket.push(entry);
    }
  }

  onWatermark(time: number, ctx: OperatorContext): void {
    if (time <= this.#wm) return;
    this.#wm = time;
    for (const side of [0, 1] as const) {
      if (time < this.#nextExpiry[side]) continue;
      const gone: Entry[] = [];
      let next = Number.POSITIVE_INFINITY;
      for (const [key, bucket] of [...this.#state[side]]) {
        const kept = bucket.filter((e) => {
          if (!this.#expired(side, e.time, time)) { next = Math.min(next, this.#expiryOf(side, e.time)); return true; }
          gone.push(e);
          return false;
        });
        if (kept.length === 0) this.#state[side].delete(key); else if (kept.length !== bucket.length) this.#state[side].set(key, kept);
      }
      this.#nextExpiry[side] = next;
      if (!this.#outer[side]) continue;
      gone.sort((a, b) => a.time - b.time || a.seq - b.seq);
      for (const e of gone) if (!e.matched) ctx.emit(this.#pad(side, e.row), INSERT, e.time);
    }
  }

  snapshot(): IntervalJoinState {
    const sides = this.#state.map((m) => {
      const out: (readonly [Json, number, number, boolean])[] = [];
      for (const b of m.values()) for (const e of b) out.push([encodeRow(e.row), e.time, e.seq, e.matched]);
      return out;
    });
    return { watermark: Number.isFinite(this.#wm) ? this.#wm : null, seq: this.#seq, sides };
  }

  restore(s: IntervalJoinState): void {
    this.#wm = s.watermark ?? NO_WATERMARK;
    this.#seq = s.seq;
    this.#state = [new Map(), new Map()];
    this.#nextExpiry = [Number.POSITIVE_INFINITY, Number.POSITIVE_INFINITY];
    s.sides.forEach((entries, side) => {
      const spec = side === 0 ? this.#spec.left : this.#spec.right;
      const m = this.#state[side === 0 ? 0 : 1];
      for (const [row, time, seq, matched] of entries) {
        const r = decodeRow(row);
        const key = spec.key(r);
        const b = m.get(key);
        const e: Entry = { row: r, time, seq, matched };
        if (b === undefined) m.set(key, [e]); else b.push(e);
        const sd = side === 0 ? 0 : 1;
        this.#nextExpiry[sd] = Math.min(this.#nextExpiry[sd], this.#expiryOf(sd, time));
      }
    });
  }

  close(): void { /* nothing held outside the heap */ }

  /** True once no future row of the other input can match a row of `side` at `time`. */
  #expired(side: 0 | 1, time: number, wm: number): boolean {
    return this.#expiryOf(side, time) <= wm;
  }

  /** The watermark from which a row of `side` at `time` can meet no future row. */
  #expiryOf(side: 0 | 1, time: number): number {
    return side === 0 ? time - this.#spec.lower : time + this.#spec.upper;
  }

  #pad(side: 0 | 1, row: Row): Row {
    const nulls = new Array<unknown>(side === 0 ? this.#spec.right.arity : this.#spec.left.arity).fill(null);
    return side === 0 ? [...row, ...nulls] : [...nulls, ...row];
  }
}

function count(m: Map<unknown, Entry[]>): number {
  let n = 0;
  for (const b of m.values()) n += b.length;
  return n;
}
