/**
 * Wakes long-polling Fetch requests when a Produce through this listener appends records.
 * Appends made elsewhere (Kafka REST, Flink sinks) are found by the fetch loop's periodic re-read,
 * since the topic-log store has no append hook.
 */

/** A broadcast "something was appended" signal with timed waits. */
export class AppendSignal {
  readonly #waiters = new Set<() => void>();
  #closed = false;

  /** Resolves on the next notify, after `ms`, or at close, whichever comes first. */
  wait(ms: number): Promise<void> {
    if (this.#closed || ms <= 0) return Promise.resolve();
    return new Promise<void>((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.#waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.#waiters.add(done);
    });
  }

  /** Wakes every waiter. */
  notify(): void {
    for (const w of [...this.#waiters]) w();
  }

  /** True after close. */
  get closed(): boolean {
    return this.#closed;
  }

  /** Wakes every waiter and makes later waits return at once. */
  close(): void {
    this.#closed = true;
    this.notify();
  }
}
