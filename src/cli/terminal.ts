/**
 * The CLI's one door to the terminal: output streams, colour decision, prompts. Commands write
 * through an Io so tests can run them in-process and capture what they print.
 */
import { createInterface } from 'node:readline';

export interface Io {
  out(text: string): void;
  err(text: string): void;
  readonly isTTY: boolean;
  readonly stdinTTY: boolean;
  /** Reads one line after printing `question` (only on a terminal). */
  prompt(question: string): Promise<string>;
}

export const processIo: Io = {
  out: (t) => { process.stdout.write(t); },
  err: (t) => { process.stderr.write(t); },
  get isTTY() { return !!process.stdout.isTTY; },
  get stdinTTY() { return !!process.stdin.isTTY; },
  prompt: (question) => new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout });
    rl.question(question, (answer) => { rl.close(); resolve(answer); });
  }),
};

/** Colour on a terminal unless -no-color or NO_COLOR is set. */
export function useColor(io: Io, noColor: boolean | undefined): boolean {
  return !noColor && io.isTTY && !process.env.NO_COLOR;
}
