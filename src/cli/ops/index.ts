/**
 * cli/ops: operations commands — `streamform pool usage` (CFUs now vs max_cfu, CFU-minutes per pool
 * and statement) and `streamform top` (live statements and pools). They read the cloud's metrics
 * routes over HTTP (`/metrics/v1/flink`, `/metrics/v1/flink/cfu-usage`), so they work against any
 * streamform cloud. Depends on cli/inside (connection, client, errors), views/ and shared/; nothing
 * depends on it but main.ts.
 */
import type { Command } from 'commander';
import type { Io } from '../terminal.js';
import { registerPoolUsage } from './pool-usage-command.js';
import { registerTopCommand, type TopInput } from './top-command.js';

export type { TopInput } from './top-command.js';
export { renderTop } from './top-view.js';
export { renderUsage } from './usage-view.js';
export type { TopSnapshot, TopStatement, TopPool, UsagePool } from './types.js';

/**
 * Registers `pool usage` (inside an existing `pool` command group when one is registered, e.g. by
 * the inside commands' `pool list`) and `top`.
 */
export function registerOpsCommands(program: Command, io: Io, dir: string, set: (code: number) => void, input: TopInput = {}): void {
  const pool = program.commands.find((c) => c.name() === 'pool') ?? program.command('pool').description('Flink compute pools');
  registerPoolUsage(pool, io, dir, set);
  registerTopCommand(program, io, dir, set, input);
}
