/**
 * Test support: runs state-child-fixture.js as a separate process and reads its JSON lines.
 * Used only by the state tests.
 */
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** A running child with a queue of its stdout lines. */
export interface ChildHandle {
  readonly proc: ChildProcess;
  /** The next JSON line printed by the child (rejects if it exits first). */
  next(): Promise<Record<string, unknown>>;
  send(line: string): void;
  /** Resolves with the exit code (or signal) once the child is gone. */
  readonly exited: Promise<number | string>;
}

/** Starts the child fixture with `args`. */
export function startChild(args: readonly string[]): ChildHandle {
  const script = fileURLToPath(new URL('./state-child-fixture.js', import.meta.url));
  const proc = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: string[] = [];
  const waiters: { resolve: (l: string) => void; reject: (e: Error) => void }[] = [];
  let done = false;
  createInterface({ input: proc.stdout as NodeJS.ReadableStream }).on('line', (l) => {
    const w = waiters.shift();
    if (w) w.resolve(l); else lines.push(l);
  });
  const exited = once(proc, 'close').then(([code, signal]) => {
    done = true;
    for (const w of waiters.splice(0)) w.reject(new Error(`child exited (${String(code ?? signal)}) before printing`));
    return (code ?? signal) as number | string;
  });
  return {
    proc,
    exited,
    send: (line) => { proc.stdin?.write(`${line}\n`); },
    next: async () => {
      const l = lines.shift() ?? (done ? undefined : await new Promise<string>((resolve, reject) => { waiters.push({ resolve, reject }); }));
      if (l === undefined) throw new Error('child exited before printing');
      return JSON.parse(l) as Record<string, unknown>;
    },
  };
}
