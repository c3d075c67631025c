/**
 * Combines the watermarks of a node's inputs: the combined watermark is the minimum over inputs that
 * are neither idle nor ended, and never goes back. An ended input counts as +∞. When every open
 * input is idle the combined watermark holds and the node itself reports idle downstream.
 */
import { NO_WATERMARK } from './types.js';

/** Per-input watermark and idleness bookkeeping for one node. */
export class WatermarkCombiner {
  readonly #wms: Float64Array;
  readonly #idle: Uint8Array;
  readonly #ended: Uint8Array;
  #combined = NO_WATERMARK;

  constructor(inputs: number) {
    this.#wms = new Float64Array(inputs).fill(NO_WATERMARK);
    this.#idle = new Uint8Array(inputs);
    this.#ended = new Uint8Array(inputs);
  }

  /** The combined watermark so far. */
  get current(): number { return this.#combined; }

  /** True when every input that has not ended is idle (and at least one has not ended). */
  get idle(): boolean {
    let open = 0;
    for (let i = 0; i < this.#idle.length; i++) {
      if (this.#ended[i] === 1) continue;
      open++;
      if (this.#idle[i] === 0) return false;
    }
    return open > 0;
  }

  /** True when every input ended. */
  get ended(): boolean { return this.#ended.every((e) => e === 1); }

  /**
   * Records input `i`'s watermark; returns the new combined watermark when it advanced, else null.
   * Idleness is only changed by `setIdle` (an idle input's watermark is kept but not counted).
   */
  watermark(i: number, time: number): number | null {
    if (time > (this.#wms[i] ?? NO_WATERMARK)) this.#wms[i] = time;
    return this.#recompute();
  }

  /** Marks input `i` idle or active; returns the new combined watermark when it advanced, else null. */
  setIdle(i: number, idle: boolean): number | null {
    this.#idle[i] = idle ? 1 : 0;
    return this.#recompute();
  }

  /** Input `i` ended; returns the new combined watermark when it advanced, else null. */
  end(i: number): number | null {
    this.#ended[i] = 1;
    this.#wms[i] = Number.POSITIVE_INFINITY;
    return this.#recompute();
  }

  #recompute(): number | null {
    let min = Number.POSITIVE_INFINITY;
    let active = 0;
    for (let i = 0; i < this.#wms.length; i++) {
      if (this.#idle[i] === 1 && this.#ended[i] === 0) continue;
      active++;
      const w = this.#wms[i] ?? NO_WATERMARK;
      if (w < min) min = w;
    }
    if (active === 0 || min <= this.#combined) return null;
    this.#combined = min;
    return min;
  }
}
