/**
 * Regular (unbounded) equi-join: INNER, LEFT, RIGHT, FULL OUTER, SEMI and ANTI, over insert-only
 * or updating inputs on both sides, with an optional non-equi residual condition and per-input
 * state TTL. Output changelog (like Flink's streaming join):
 *   inner matches        +I[l, r] when a row arrives, -D[l, r] when either row is retracted;
 *   outer side unmatched +I[l, null]; when its first match appears: -D[l, null] then +I[l, r];
 *                        when its last match goes: -D[l, r] then +I[l, null]. For one incoming
 *                        row, Flink's order: on insert every padding retraction, then every joined
 *                        row; on retraction every joined retraction, then every new padding;
 *   no -U/+U pairs       like Flink's streaming join, updates come out as -D then +I (the
 *                        downstream sink or ChangelogNormalize turns them back into updates);
 *   semi / anti          the left row, +I on arrival / -D on retraction when its verdict holds; a
 *                        right change that flips a verdict emits +I / -D of the left row.
 * Regular joins lose time attributes: output rowtimes are NaN.
 *
 * A retraction's output is computed against the other input's state whether or not this input's
 * state still held the row (it may have expired): downstream saw the joined rows, so they are
 * retracted. With a unique key (upsert input), a +I/+U for a held key first retracts the held row,
 * a -U/-D retracts the held row (a tombstone carries only the key), and a -U/-D for a key not held
 * (never inserted, or expired) does nothing.
 *
 * NULL keys never match (SQL `=`): an outer row with a NULL key is padded at once and needs no
 * state (unless its input has a unique key, for a later upsert to find it). With `nullAware`
 * (NOT IN) NULLs match everything instead, see RegularJoinSpec.
 */
import { systemClock } from '../../../../shared/index.js';
import type { Batch } from '../batch.js';
import type { Operator, OperatorContext } from '../operator.js';
import { DELETE, INSERT, UPDATE_AFTER, type Row } from '../types.js';
import { JoinSideState, NULL_KEY, type JoinEntry, type JoinSideSnapshot } from './join-side-state.js';
import type { JoinCondition, RegularJoinSpec } from './types.js';

/** Checkpointed state of a regular join. */
export interface RegularJoinState {
  readonly left: JoinSideSnapshot;
  readonly right: JoinSideSnapshot;
}

/** The regular join operator; input 0 is the left side, input 1 the right. */
export class RegularJoinOperator implements Operator<RegularJoinState> {
  readonly #spec: RegularJoinSpec;
  readonly #sides: readonly [JoinSideState, JoinSideState];
  readonly #outer: readonly [boolean, boolean];
  readonly #arity: readonly [number, number];
  readonly #semiAnti: boolean;
  readonly #residual: JoinCondition | undefined;

  constructor(spec: RegularJoinSpec) {
    this.#spec = spec;
    const clock = spec.clock ?? systemClock;
    this.#sides = [
      new JoinSideState({ key: spec.left.key, uniqueKey: spec.left.uniqueKey, ttlMs: spec.left.ttlMs, clock }),
      new JoinSideState({ key: spec.right.key, uniqueKey: spec.right.uniqueKey, ttlMs: spec.right.ttlMs, clock }),
    ];
    this.#outer = [spec.kind === 'LEFT' || spec.kind === 'FULL', spec.kind === 'RIGHT' || spec.kind === 'FULL'];
    this.#arity = [spec.left.arity, spec.right.arity];
    this.#semiAnti = spec.kind === 'SEMI' || spec.kind === 'ANTI';
    this.#residual = spec.residual;
  }

  /** Held rows per input (for tests and metrics). */
  get stateSize(): readonly [number, number] { return [this.#sides[0].size, this.#sides[1].size]; }

  onBatch(batch: Batch, input: number, ctx: OperatorContext): void {
    const side = input === 0 ? 0 : 1;
    const state = this.#sides[side];
    const hasUnique = (side === 0 ? this.#spec.left : this.#spec.right).uniqueKey !== undefined;
    const { rows, kinds, size } = batch;
    for (let i = 0; i < size; i++) {
      const row = rows[i] as Row;
      const kind = kinds[i] as number;
      const accumulate = kind === INSERT || kind === UPDATE_AFTER;
      if (hasUnique) {
        const held = state.findByUniqueKey(row);
        if (held !== undefined) this.#process(side, held.entry.row, accumulate ? DELETE : kind, held, ctx);
        if (accumulate) this.#process(side, row, kind, undefined, ctx);
      } else {
        this.#process(side, row, kind, null, ctx);
      }
    }
  }

  onBarrier(): void { this.#sides[0].sweep(); this.#sides[1].sweep(); }

  snapshot(): RegularJoinState {
    return { left: this.#sides[0].snapshot(), right: this.#sides[1].snapshot() };
  }

  restore(s: RegularJoinState): void {
    this.#sides[0].restore(s.left);
    this.#sides[1].restore(s.right);
  }

  close(): void { /* state is garbage collected */ }

  /**
   * One change of one input. `held` is the state entry it retracts when already known (unique
   * key lookups), `undefined` when known absent, `null` when it must be searched.
   */
  #process(side: 0 | 1, row: Row, kind: number, held: { readonly key: unknown; readonly entry: JoinEntry } | undefined | null, ctx: OperatorContext): void {
    const accumulate = kind === INSERT || kind === UPDATE_AFTER;
    const state = this.#sides[side];
    const key = held != null ? held.key : state.keyOf(row);
    if (this.#semiAnti) {
      if (side === 0) this.#semiAntiLeft(row, kind, key, held, ctx); else this.#semiAntiRight(row, accumulate, key, held, ctx);
      return;
    }
    const thisOuter = this.#outer[side];
    if (key === NULL_KEY) {
      if (!thisOuter) return;
      ctx.emit(this.#pad(side, row), accumulate ? INSERT : DELETE, Number.NaN);
      // Kept only so an upsert of the same unique key finds (and retracts) the padded row.
      if (accumulate && this.#hasUnique(side)) state.add(key, row, 0);
      else if (!accumulate && held != null) state.remove(key, held.entry);
      return;
    }
    const other = 1 - side as 0 | 1;
    const otherOuter = this.#outer[other];
    const otherState = this.#sides[other];
    const matches = this.#matches(side, row, otherState.bucket(key));
    if (accumulate) {
      if (thisOuter && matches.length === 0) ctx.emit(this.#pad(side, row), INSERT, Number.NaN);
      if (otherOuter) {
        for (const m of matches) {
          if (m.assoc === 0) ctx.emit(this.#pad(other, m.row), DELETE, Number.NaN);
          m.assoc++;
          otherState.touch(m);
        }
      }
      for (const m of matches) ctx.emit(this.#joined(side, row, m.row), INSERT, Number.NaN);
      state.add(key, row, matches.length);
      return;
    }
    if (thisOuter && matches.length === 0) ctx.emit(this.#pad(side, row), DELETE, Number.NaN);
    for (const m of matches) ctx.emit(this.#joined(side, row, m.row), DELETE, Number.NaN);
    if (otherOuter) {
      for (const m of matches) {
        m.assoc--;
        otherState.touch(m);
        if (m.assoc === 0) ctx.emit(this.#pad(other, m.row), INSERT, Number.NaN);
      }
    }
    const entry = held === null ? state.find(key, row) : held?.entry;
    if (entry !== undefined) state.remove(key, entry);
  }

  /** Semi/anti: a change of the left input. */
  #semiAntiLeft(row: Row, kind: number, key: unknown, held: { readonly key: unknown; readonly entry: JoinEntry } | undefined | null, ctx: OperatorContext): void {
    const accumulate = kind === INSERT || kind === UPDATE_AFTER;
    const state = this.#sides[0];
    const matched = this.#countLeftMatches(row, key);
    const pass = this.#spec.kind === 'SEMI' ? matched > 0 : matched === 0;
    if (pass) ctx.emit(row, accumulate ? INSERT : DELETE, Number.NaN);
    if (accumulate) {
      if (key !== NULL_KEY || this.#spec.nullAware === true || this.#hasUnique(0)) state.add(key, row, matched);
      return;
    }
    const entry = held === null ? state.find(key, row) : held?.entry;
    if (entry !== undefined) state.remove(key, entry);
  }

  /** Semi/anti: a change of the right input flips the verdict of left rows whose count crosses zero. */
  #semiAntiRight(row: Row, accumulate: boolean, key: unknown, held: { readonly key: unknown; readonly entry: JoinEntry } | undefined | null, ctx: OperatorContext): void {
    const state = this.#sides[1];
    const left = this.#sides[0];
    const nullAware = this.#spec.nullAware === true;
    if (key === NULL_KEY && !nullAware) return;
    const semi = this.#spec.kind === 'SEMI';
    const visit = (entries: readonly JoinEntry[]): void => {
      for (const m of this.#matches(1, row, entries)) {
        if (accumulate) {
          m.assoc++;
          left.touch(m);
          if (m.assoc === 1) ctx.emit(m.row, semi ? INSERT : DELETE, Number.NaN);
        } else {
          m.assoc--;
          left.touch(m);
          if (m.assoc === 0) ctx.emit(m.row, semi ? DELETE : INSERT, Number.NaN);
        }
      }
    };
    if (key === NULL_KEY) {
      for (const b of left.buckets()) visit(b);
    } else {
      visit(left.bucket(key));
      if (nullAware) visit(left.bucket(NULL_KEY));
    }
    if (accumulate) { state.add(key, row, 0); return; }
    const entry = held === null ? state.find(key, row) : held?.entry;
    if (entry !== undefined) state.remove(key, entry);
  }

  /** Right rows a left row matches (semi/anti), NULL-aware when asked. */
  #countLeftMatches(row: Row, key: unknown): number {
    const right = this.#sides[1];
    if (this.#spec.nullAware !== true) return key === NULL_KEY ? 0 : this.#matches(0, row, right.bucket(key)).length;
    if (key === NULL_KEY) {
      let n = 0;
      for (const b of right.buckets()) n += this.#matches(0, row, b).length;
      return n;
    }
    return this.#matches(0, row, right.bucket(key)).length + this.#matches(0, row, right.bucket(NULL_KEY)).length;
  }

  /** The entries of the other side that pass the residual condition with `row`. */
  #matches(side: 0 | 1, row: Row, entries: readonly JoinEntry[]): readonly JoinEntry[] {
    const residual = this.#residual;
    if (residual === undefined || entries.length === 0) return entries;
    return entries.filter((e) => (side === 0 ? residual(row, e.row) : residual(e.row, row)) === true);
  }

  #hasUnique(side: 0 | 1): boolean {
    return (side === 0 ? this.#spec.left : this.#spec.right).uniqueKey !== undefined;
  }

  #joined(side: 0 | 1, row: Row, other: Row): Row {
    return side === 0 ? [...row, ...other] : [...other, ...row];
  }

  #pad(side: 0 | 1, row: Row): Row {
    const nulls = new Array<unknown>(this.#arity[1 - side] as number).fill(null);
    return side === 0 ? [...row, ...nulls] : [...nulls, ...row];
  }
}
