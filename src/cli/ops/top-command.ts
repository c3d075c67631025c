/**
 * `streamform top [--once] [--json] [--environment <env>] [--pool <id>] [--interval <ms>]`: a live
 * view of statements and compute pools, redrawn every second (ANSI clear + home on a terminal,
 * successive frames otherwise). `q` or Ctrl-C quits. `--once` prints one frame; `--json` one JSON
 * snapshot (the body of `GET /metrics/v1/flink`).
 */
import type { Command } from 'commander';
import { EXIT_OK } from '../exit-codes.js';
import { InsideError } from '../inside/index.js';
import type { CloudClient } from '../inside/index.js';
import type { Io } from '../terminal.js';
import { fetchSnapshot, type MetricsFilter } from './metrics-client.js';
import { opsAction } from './ops-frame.js';
import { addConnectionOptions } from './pool-usage-command.js';
import { renderTop } from './top-view.js';

/** Where the live view reads keys (process.stdin unless a caller passes another stream). */
export interface TopInput {
  readonly stdin?: NodeJS.ReadStream;
}

const CLEAR = '\x1b[H\x1b[2J';
const HIDE_CURSOR = '\x1b[?25l';
const SHOW_CURSOR = '\x1b[?25h';

/** Registers `top`. */
export function registerTopCommand(program: Command, io: Io, dir: string, set: (code: number) => void, input: TopInput = {}): void {
  const cmd = program.command('top').description('Live view of Flink statements (pending records, rates, watermark lag, state, CFUs) and compute pools')
    .option('--once', 'print one snapshot and exit')
    .option('--interval <ms>', 'refresh interval in milliseconds', '1000')
    .option('--pool <id>', 'only this compute pool')
    .option('--environment <env>', 'only this environment (id or name)');
  addConnectionOptions(cmd);
  cmd.action(opsAction(io, dir, set, async (client, flags, filter) => {
    if (flags['json'] === true) {
      io.out(JSON.stringify((await fetchSnapshot(client, filter)).raw, null, 2) + '\n');
      return EXIT_OK;
    }
    if (flags['once'] === true) {
      io.out(renderTop((await fetchSnapshot(client, filter)).snapshot));
      return EXIT_OK;
    }
    const interval = Number(flags['interval']);
    if (!Number.isInteger(interval) || interval < 100) throw new InsideError('invalid-flag', `--interval must be an integer of at least 100 (milliseconds), got "${String(flags['interval'])}".`);
    await live(client, io, filter, { intervalMs: interval, stdin: input.stdin ?? process.stdin });
    return EXIT_OK;
  }));
}

async function live(client: CloudClient, io: Io, filter: MetricsFilter, o: { readonly intervalMs: number; readonly stdin: NodeJS.ReadStream }): Promise<void> {
  let quit = false;
  let wake: (() => void) | undefined;
  const stop = (): void => { quit = true; wake?.(); };
  const onKey = (data: Buffer | string): void => {
    const s = data.toString();
    if (s === 'q' || s === 'Q' || s.includes('\u0003')) stop();
  };
  const keys = io.isTTY && o.stdin.isTTY === true;
  if (keys) {
    o.stdin.setRawMode(true);
    o.stdin.resume();
    o.stdin.on('data', onKey);
    io.out(HIDE_CURSOR);
  }
  process.once('SIGINT', stop);
  try {
    while (!quit) {
      const { snapshot } = await fetchSnapshot(client, filter);
      const rows = process.stdout.rows;
      const frame = renderTop(snapshot, rows === undefined ? {} : { maxStatements: Math.max(1, rows - snapshot.pools.length - 9) });
      io.out(io.isTTY ? CLEAR + frame + (keys ? '\nq: quit\n' : '') : frame + '\n');
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => { wake = undefined; resolve(); }, o.intervalMs);
        wake = () => { clearTimeout(t); wake = undefined; resolve(); };
      });
    }
  } finally {
    process.off('SIGINT', stop);
    if (keys) {
      o.stdin.off('data', onKey);
      o.stdin.setRawMode(false);
      o.stdin.pause();
      io.out(SHOW_CURSOR);
    }
  }
}
