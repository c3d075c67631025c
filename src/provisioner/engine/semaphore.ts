/** Bounds how many provider operations run at once (-parallelism). */
export class Semaphore {
  #free: number;
  readonly #waiters: (() => void)[] = [];
  constructor(size: number) { this.#free = Math.max(1, size); }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#free > 0) this.#free--;
    else await new Promise<void>((r) => this.#waiters.push(r));
    try {
      return await fn();
    } finally {
      const next = this.#waiters.shift();
      if (next) next(); else this.#free++;
    }
  }
}
