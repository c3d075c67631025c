/** `streamform pool usage [--pool <id>] [--environment <env>] [--json]`: CFUs now vs max, CFU-minutes per pool and statement. */
import type { Command } from 'commander';
import { EXIT_OK } from '../exit-codes.js';
import type { Io } from '../terminal.js';
import { fetchUsage } from './metrics-client.js';
import { opsAction } from './ops-frame.js';
import { renderUsage } from './usage-view.js';

/** Adds `usage` to the `pool` command group. */
export function registerPoolUsage(pool: Command, io: Io, dir: string, set: (code: number) => void): void {
  const cmd = pool.command('usage').description('CFUs in use vs max_cfu and CFU-minutes consumed, per compute pool and statement')
    .option('--pool <id>', 'only this compute pool')
    .option('--environment <env>', 'only pools of this environment (id or name)');
  addConnectionOptions(cmd);
  cmd.action(opsAction(io, dir, set, async (client, flags, filter) => {
    const { raw, pools } = await fetchUsage(client, filter);
    if (flags['json'] === true) io.out(JSON.stringify(raw, null, 2) + '\n');
    else io.out(renderUsage(pools));
    return EXIT_OK;
  }));
}

/** The connection flags every command talking to a cloud takes. */
export function addConnectionOptions(cmd: Command): Command {
  return cmd
    .option('--url <url>', 'the cloud to talk to (default: STREAMFORM_CLOUD_URL, else the local cloud of this directory)')
    .option('--api-key <key:secret>', 'API key and secret for a cloud with auth on (or STREAMFORM_API_KEY)')
    .option('--data-dir <dir>', 'the local cloud\'s data directory')
    .option('--json', 'machine-readable output');
}
