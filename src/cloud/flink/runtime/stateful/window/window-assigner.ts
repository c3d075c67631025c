/**
 * Window assignment for TUMBLE, HOP and CUMULATE (SESSION merges, see session-windows.ts): the
 * [start, end) windows a rowtime (epoch millis) falls into, aligned to the epoch plus `offset`.
 * A window is complete once the watermark reaches `end - 1` (its window_time).
 */
import { invariant } from '../../../../../shared/index.js';
import type { TimeWindow, WindowSpec } from '../types.js';

/** Start of the window of `size` containing `t`, aligned to `offset` (works for negative times). */
export function windowStart(t: number, size: number, offset = 0): number {
  const r = (t - offset) % size;
  return t - (r < 0 ? r + size : r);
}

/** Checks a window spec's sizes (the binder reports user errors; a bad spec here is a bug). */
export function checkWindowSpec(spec: WindowSpec): void {
  switch (spec.kind) {
    case 'tumble': invariant(spec.size > 0, 'TUMBLE size must be positive'); return;
    case 'hop': invariant(spec.slide > 0 && spec.size > 0, 'HOP slide and size must be positive'); return;
    case 'cumulate':
      invariant(spec.step > 0 && spec.maxSize > 0 && spec.maxSize % spec.step === 0, 'CUMULATE max size must be a positive multiple of the step');
      return;
    case 'session': invariant(spec.gap > 0, 'SESSION gap must be positive'); return;
  }
}

/** The windows of a non-session spec containing rowtime `t`, ascending by end. */
export function assignWindows(spec: WindowSpec, t: number): TimeWindow[] {
  switch (spec.kind) {
    case 'tumble': {
      const start = windowStart(t, spec.size, spec.offset ?? 0);
      return [{ start, end: start + spec.size }];
    }
    case 'hop': {
      const out: TimeWindow[] = [];
      const last = windowStart(t, spec.slide, spec.offset ?? 0);
      for (let start = last; start > t - spec.size; start -= spec.slide) out.push({ start, end: start + spec.size });
      return out.reverse();
    }
    case 'cumulate': {
      const out: TimeWindow[] = [];
      const start = windowStart(t, spec.maxSize, spec.offset ?? 0);
      for (let end = start + spec.step; end <= start + spec.maxSize; end += spec.step) if (end > t) out.push({ start, end });
      return out;
    }
    case 'session': invariant(false, 'session windows are merged, not assigned');
  }
}
