/**
 * Backoff and polling. No fixed waits anywhere: the local cloud is ready when it answers, so
 * every wait starts at 50 ms and doubles up to a 2 s cap, and is cut short by the abort signal.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';
import type { ResourceContext } from './types.js';

const FIRST_DELAY_MS = 50;
const MAX_DELAY_MS = 2000;

/** Delay before retry/poll number `attempt` (0-based): 50, 100, 200, ... capped at 2 s. */
export function backoffDelay(attempt: number): number {
  return Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** Math.min(attempt, 16));
}

/** Waits `ms`; resolves false when aborted first. */
export function sleep(ms: number, signal?: AbortSignal): Promise<boolean> {
  if (signal?.aborted === true) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = (): void => { clearTimeout(timer); resolve(false); };
    const timer = setTimeout(() => { signal?.removeEventListener('abort', onAbort); resolve(true); }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** One observation while polling: finished with a value, or still in `status`. */
export type PollStep<T> = { readonly done: true; readonly value: T } | { readonly done: false; readonly status: string };

/** Options of pollUntil. */
export interface PollOptions {
  /** What is awaited, for progress and errors: "cluster lkc-1 to be PROVISIONED". */
  readonly what: string;
  /** Upper bound in ms (the real provider's timeouts are hours). */
  readonly timeoutMs?: number;
}

/** Polls `step` with backoff until done; reports each new status via ctx.progress. */
export async function pollUntil<T>(rc: ResourceContext, step: () => Promise<PollStep<T>>, opts: PollOptions): Promise<T> {
  const start = rc.ctx.now();
  const limit = opts.timeoutMs ?? 6 * 3600 * 1000;
  let last: string | undefined;
  for (let attempt = 0; ; attempt++) {
    const r = await step();
    if (r.done) return r.value;
    if (r.status !== last) {
      rc.ctx.progress(`waiting for ${opts.what} (now ${r.status})`);
      last = r.status;
    }
    if (rc.ctx.now() - start > limit) {
      throw new DiagnosticsError([errorDiag('confluent-wait-timeout', `Timed out waiting for ${opts.what}`, { detail: `Last seen: ${r.status}.` })]);
    }
    if (!(await sleep(backoffDelay(attempt), rc.ctx.signal))) {
      throw new DiagnosticsError([errorDiag('confluent-interrupted', `Interrupted while waiting for ${opts.what}`)]);
    }
  }
}
