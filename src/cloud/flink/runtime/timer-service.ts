/**
 * Event-time timers of one node: (time, key) pairs, deduplicated, fired in time order (then key
 * order, for determinism) once the watermark reaches them. Part of the node's checkpointed state.
 */

/** A registered timer. */
export interface Timer {
  readonly time: number;
  readonly key: string;
}

/** The timers of one node. */
export class TimerService {
  #timers = new Map<string, Timer>();
  #earliest = Number.POSITIVE_INFINITY;

  /** Number of pending timers. */
  get size(): number { return this.#timers.size; }

  /** Registers a timer (idempotent). */
  register(time: number, key: string): void {
    this.#timers.set(`${time}\u0000${key}`, { time, key });
    if (time < this.#earliest) this.#earliest = time;
  }

  /** Deletes a timer. */
  delete(time: number, key: string): void {
    this.#timers.delete(`${time}\u0000${key}`);
  }

  /** Removes and returns the timers due at `watermark`, sorted by time then key. */
  due(watermark: number): Timer[] {
    if (watermark < this.#earliest) return [];
    const out: Timer[] = [];
    let next = Number.POSITIVE_INFINITY;
    for (const [id, t] of this.#timers) {
      if (t.time <= watermark) {
        out.push(t);
        this.#timers.delete(id);
      } else if (t.time < next) {
        next = t.time;
      }
    }
    this.#earliest = next;
    return out.sort((a, b) => a.time - b.time || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  /** The timers as plain data, for a checkpoint. */
  snapshot(): Timer[] {
    return [...this.#timers.values()];
  }

  /** Replaces the timers with a snapshot. */
  restore(timers: readonly Timer[]): void {
    this.#timers = new Map();
    this.#earliest = Number.POSITIVE_INFINITY;
    for (const t of timers) this.register(t.time, t.key);
  }
}
