/**
 * A sleep that ends early, with a diagnostic, when the user interrupts: long waits in providers
 * must honour the context's abort signal.
 */
import { DiagnosticsError, errorDiag } from '../../../shared/index.js';

/** Waits `ms` milliseconds; rejects with a `time-sleep-interrupted` diagnostic on abort. */
export function abortableSleep(ms: number, signal: AbortSignal): Promise<void> {
  const interrupted = (): DiagnosticsError => new DiagnosticsError([
    errorDiag('time-sleep-interrupted', 'Sleep interrupted', { detail: 'The operation was cancelled before the duration elapsed.' }),
  ]);
  if (signal.aborted) return Promise.reject(interrupted());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => { clearTimeout(timer); reject(interrupted()); };
    const timer = setTimeout(() => { signal.removeEventListener('abort', onAbort); resolve(); }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
