/**
 * Window join: two windowed, insert-only inputs (each row carries its window_start/window_end)
 * join on equal windows and equal keys. A window's rows are buffered until the combined watermark
 * reaches the window's last millisecond (window_end - 1); then its pairs go out (left rows in
 * arrival order, each with its matches in arrival order), then — for outer joins — the unmatched
 * rows padded with NULLs (left first, then right), all with rowtime window_end - 1. Windows fire
 * in (window_end, window_start) order. Rows of an already fired window (late) are dropped.
 */
import { invariant } from '../../../../shared/index.js';
import type { Batch } from '../batch.js';
import type { Operator, OperatorContext } from '../operator.js';
import { decodeRow, encodeRow, type Json } from '../stateful/value-codec.js';
import { INSERT, NO_WATERMARK, type Row } from '../types.js';
import type { WindowJoinSpec } from './types.js';

interface Win {
  readonly start: number;
  readonly end: number;
  readonly rows: readonly [Row[], Row[]];
}

/** Checkpointed state: open windows `[start, end, leftRows, rightRows]`. */
export interface WindowJoinState {
  readonly watermark: number | null;
  readonly windows: readonly (readonly [number, number, readonly Json[], readonly Json[]])[];
}

/** The window join operator; input 0 is the left side, input 1 the right. */
export class WindowJoinOperator implements Operator<WindowJoinState> {
  readonly #spec: WindowJoinSpec;
  readonly #outer: readonly [boolean, boolean];
  #windows = new Map<string, Win>();
  #wm = NO_WATERMARK;

  constructor(spec: WindowJoinSpec) {
    this.#spec = spec;
    this.#outer = [spec.kind === 'LEFT' || spec.kind === 'FULL', spec.kind === 'RIGHT' || spec.kind === 'FULL'];
  }

  /** Open windows (for tests). */
  get openWindows(): number { return this.#windows.size; }

  onBatch(batch: Batch, input: number, _ctx: OperatorContext): void {
    const side = input === 0 ? 0 : 1;
    const spec = side === 0 ? this.#spec.left : this.#spec.right;
    for (let i = 0; i < batch.size; i++) {
      invariant(batch.kinds[i] === INSERT, 'window join inputs are insert-only');
      const row = batch.rows[i] as Row;
      const start = spec.windowStart(row);
      const end = spec.windowEnd(row);
      if (start === null || end === null || end - 1 <= this.#wm) continue;
      const id = `${start}/${end}`;
      let w = this.#windows.get(id);
      if (w === undefined) { w = { start, end, rows: [[], []] }; this.#windows.set(id, w); }
      w.rows[side].push(row);
    }
  }

  onWatermark(time: number, ctx: OperatorContext): void {
    if (time <= this.#wm) return;
    this.#wm = time;
    const due = [...this.#windows].filter(([, w]) => w.end - 1 <= time).sort(([, a], [, b]) => a.end - b.end || a.start - b.start);
    for (const [id, w] of due) {
      this.#windows.delete(id);
      this.#fire(w, ctx);
    }
  }

  snapshot(): WindowJoinState {
    return {
      watermark: Number.isFinite(this.#wm) ? this.#wm : null,
      windows: [...this.#windows.values()].map((w) => [w.start, w.end, w.rows[0].map(encodeRow), w.rows[1].map(encodeRow)] as const),
    };
  }

  restore(s: WindowJoinState): void {
    this.#wm = s.watermark ?? NO_WATERMARK;
    this.#windows = new Map(s.windows.map(([start, end, l, r]) => [`${start}/${end}`, { start, end, rows: [l.map(decodeRow), r.map(decodeRow)] as const }]));
  }

  close(): void { /* nothing held outside the heap */ }

  #fire(w: Win, ctx: OperatorContext): void {
    const { left, right, residual } = this.#spec;
    const time = w.end - 1;
    const byKey = new Map<unknown, number[]>();
    w.rows[1].forEach((r, i) => {
      const k = right.key(r);
      if (k === null || k === undefined) return;
      const b = byKey.get(k);
      if (b === undefined) byKey.set(k, [i]); else b.push(i);
    });
    const rightMatched = new Uint8Array(w.rows[1].length);
    const unmatchedLeft: Row[] = [];
    for (const l of w.rows[0]) {
      const k = left.key(l);
      let matched = false;
      for (const i of k === null || k === undefined ? [] : byKey.get(k) ?? []) {
        const r = w.rows[1][i] as Row;
        if (residual !== undefined && residual(l, r) !== true) continue;
        matched = true;
        rightMatched[i] = 1;
        ctx.emit([...l, ...r], INSERT, time);
      }
      if (!matched) unmatchedLeft.push(l);
    }
    if (this.#outer[0]) for (const l of unmatchedLeft) ctx.emit([...l, ...new Array<unknown>(right.arity).fill(null)], INSERT, time);
    if (this.#outer[1]) {
      w.rows[1].forEach((r, i) => { if (rightMatched[i] === 0) ctx.emit([...new Array<unknown>(left.arity).fill(null), ...r], INSERT, time); });
    }
  }
}
