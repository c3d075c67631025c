/**
 * Idle partitions (confluent-flink.md §3.4). A partition that delivered no record for its timeout
 * is idle and stops holding back the source watermark; a record makes it active again.
 * - progressive (default): the timeout starts at 15 s; each time an idle partition turns active
 *   again its timeout doubles, up to 5 min (Confluent's exact schedule is unpublished; this one
 *   keeps the documented end points and backs off on partitions that flap).
 * - fixed: `sql.tables.scan.idle-timeout`; `0` disables detection (an empty partition then stalls
 *   the watermark forever).
 * Time comes from the injected clock, so tests move it explicitly.
 */
import type { Clock } from '../../../shared/index.js';

/** The idleness setting of a source. */
export type IdlenessSetting =
  | { readonly kind: 'progressive' }
  | { readonly kind: 'fixed'; readonly timeoutMs: number };

/** Progressive detection's first and last timeout. */
export const PROGRESSIVE_START_MS = 15_000;
export const PROGRESSIVE_MAX_MS = 300_000;

/** Reads `sql.tables.scan.idle-timeout` as milliseconds (undefined → progressive). */
export function idlenessFromTimeout(timeoutMs: number | undefined): IdlenessSetting {
  return timeoutMs === undefined ? { kind: 'progressive' } : { kind: 'fixed', timeoutMs };
}

/** Idle flags of a source's partitions. */
export class IdlenessTracker {
  readonly #clock: Clock;
  readonly #setting: IdlenessSetting;
  readonly #lastActive: Float64Array;
  readonly #timeouts: Float64Array;
  readonly #idle: Uint8Array;

  constructor(partitions: number, opts: { readonly clock: Clock; readonly setting: IdlenessSetting }) {
    this.#clock = opts.clock;
    this.#setting = opts.setting;
    const now = opts.clock.now();
    this.#lastActive = new Float64Array(partitions).fill(now);
    const start = opts.setting.kind === 'fixed' ? opts.setting.timeoutMs : PROGRESSIVE_START_MS;
    this.#timeouts = new Float64Array(partitions).fill(start);
    this.#idle = new Uint8Array(partitions);
  }

  /** True when partition `p` is idle. */
  isIdle(p: number): boolean { return this.#idle[p] === 1; }

  /** Partition `p` delivered records now. */
  active(p: number, now: number): void {
    this.#lastActive[p] = now;
    if (this.#idle[p] === 1) {
      this.#idle[p] = 0;
      if (this.#setting.kind === 'progressive') {
        this.#timeouts[p] = Math.min((this.#timeouts[p] as number) * 2, PROGRESSIVE_MAX_MS);
      }
    }
  }

  /** Marks partitions idle whose timeout ran out. */
  check(): void {
    if (this.#setting.kind === 'fixed' && this.#setting.timeoutMs <= 0) return;
    const now = this.#clock.now();
    for (let p = 0; p < this.#idle.length; p++) {
      if (this.#idle[p] === 0 && now - (this.#lastActive[p] as number) >= (this.#timeouts[p] as number)) this.#idle[p] = 1;
    }
  }
}
