/**
 * The Autopilot policy (confluent-flink.md §6 [DOC-AP]): keep "messages behind" (pending records)
 * near zero. Every evaluation samples each scalable job's pending records; the job scales up
 * (doubling, at most to its max parallelism) when the backlog was at least `scaleUpPendingRecords`
 * in each of the last `scaleUpAfterSamples` samples and did not shrink meanwhile (the newest is at
 * least `SHRINKING` × the oldest: a draining backlog needs no more subtasks), and down (halving)
 * when it was at most `scaleDownPendingRecords` in each of the last `scaleDownAfterSamples`
 * samples. After a rescale nothing changes for `cooldownMs` and the samples start over
 * (hysteresis). Confluent's exact thresholds and cadence are unpublished; these are ours.
 */

/** Autopilot tuning (an internal cloud option; tests use small values). */
export interface AutopilotOptions {
  /** false: every job runs at parallelism 1 (default true). */
  readonly enabled?: boolean;
  /** How often jobs are evaluated, wall ms (default 5000). */
  readonly intervalMs?: number;
  /** Backlog that counts as large (default 1000 records). */
  readonly scaleUpPendingRecords?: number;
  /** Consecutive large, not-shrinking samples before a scale-up (default 3). */
  readonly scaleUpAfterSamples?: number;
  /** Backlog that counts as near zero (default 10 records). */
  readonly scaleDownPendingRecords?: number;
  /** Consecutive near-zero samples before a scale-down (default 12). */
  readonly scaleDownAfterSamples?: number;
  /** No decision for this long after a rescale (default 30 000 ms, on the executor's clock). */
  readonly cooldownMs?: number;
  /** Benchmarks: every scalable job runs at this parallelism (capped at its max) and is never rescaled. */
  readonly fixedParallelism?: number;
}

/** A backlog that fell below this share of the window's oldest sample is draining on its own. */
const SHRINKING = 0.8;

interface History {
  readonly samples: number[];
  lastRescaleAt: number;
}

/** What one evaluation of a job sees. */
export interface JobObservation {
  readonly parallelism: number;
  readonly maxParallelism: number;
  readonly pendingRecords: number;
  readonly now: number;
}

/** See the file header. */
export class AutopilotPolicy {
  readonly #up: number;
  readonly #upSamples: number;
  readonly #down: number;
  readonly #downSamples: number;
  readonly #cooldown: number;
  readonly #jobs = new Map<string, History>();

  constructor(o: AutopilotOptions = {}) {
    this.#up = o.scaleUpPendingRecords ?? 1000;
    this.#upSamples = Math.max(1, o.scaleUpAfterSamples ?? 3);
    this.#down = o.scaleDownPendingRecords ?? 10;
    this.#downSamples = Math.max(1, o.scaleDownAfterSamples ?? 12);
    this.#cooldown = o.cooldownMs ?? 30_000;
  }

  /** Records a sample; returns the parallelism the job should run at when it should change. */
  observe(key: string, o: JobObservation): number | undefined {
    let h = this.#jobs.get(key);
    if (h === undefined) {
      h = { samples: [], lastRescaleAt: Number.NEGATIVE_INFINITY };
      this.#jobs.set(key, h);
    }
    h.samples.push(o.pendingRecords);
    const keep = Math.max(this.#upSamples, this.#downSamples);
    while (h.samples.length > keep) h.samples.shift();
    if (o.now - h.lastRescaleAt < this.#cooldown) return undefined;
    const target = this.#target(h.samples, o);
    return target === o.parallelism ? undefined : target;
  }

  /** Whether the newest samples call for more subtasks (also when the job is at its max). */
  wantsMore(key: string): boolean {
    const s = this.#jobs.get(key)?.samples ?? [];
    return this.#backlogGrowing(s);
  }

  /** A rescale happened (or was refused): samples start over and the cool-down begins. */
  rescaled(key: string, now: number): void {
    this.#jobs.set(key, { samples: [], lastRescaleAt: now });
  }

  /** The job ended. */
  forget(key: string): void {
    this.#jobs.delete(key);
  }

  #target(s: readonly number[], o: JobObservation): number {
    const p = Math.min(o.parallelism, o.maxParallelism);
    if (o.parallelism > o.maxParallelism) return Math.max(1, o.maxParallelism);
    if (p < o.maxParallelism && this.#backlogGrowing(s)) return Math.min(o.maxParallelism, p * 2);
    if (p > 1 && s.length >= this.#downSamples && s.slice(-this.#downSamples).every((x) => x <= this.#down)) return Math.max(1, Math.ceil(p / 2));
    return p;
  }

  #backlogGrowing(s: readonly number[]): boolean {
    if (s.length < this.#upSamples) return false;
    const w = s.slice(-this.#upSamples);
    return w.every((x) => x >= this.#up) && (w[w.length - 1] as number) >= SHRINKING * (w[0] as number);
  }
}
