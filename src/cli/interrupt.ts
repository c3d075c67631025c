/** Ctrl-C handling: the first interrupt stops gracefully (state stays consistent), the second exits. */
import type { Io } from './terminal.js';

export function interruptController(io: Io): { signal: AbortSignal; dispose(): void } {
  const ac = new AbortController();
  let count = 0;
  const onSig = (): void => {
    count++;
    if (count === 1) {
      io.err('\nInterrupt received.\nPlease wait for streamform to exit or data loss may occur.\nGracefully shutting down...\n\n');
      ac.abort();
    } else {
      io.err('\nTwo interrupts received. Exiting immediately. Note that data loss may have occurred.\n');
      process.exit(130);
    }
  };
  process.on('SIGINT', onSig);
  process.on('SIGTERM', onSig);
  return { signal: ac.signal, dispose: () => { process.off('SIGINT', onSig); process.off('SIGTERM', onSig); } };
}
