/**
 * `streamform pool usage` and `streamform top` against a real in-process cloud over HTTP. The
 * commands are registered on a commander program the way main.ts does (with the inside commands'
 * `pool` group first), and their output is captured.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { Command } from 'commander';
import { registerInsideCommands } from '../../src/cli/inside/index.js';
import { registerOpsCommands } from '../../src/cli/ops/index.js';
import type { Io } from '../../src/cli/terminal.js';
import { fixedClock } from '../../src/shared/index.js';
import { OpsCloud } from './ops-cloud.js';

const clock = fixedClock(Date.parse('2026-03-01T12:00:00Z'));
let c: OpsCloud;

async function run(args: readonly string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  let code = 0;
  const io: Io = { out: (t) => { out += t; }, err: (t) => { err += t; }, isTTY: false, stdinTTY: false, prompt: () => Promise.reject(new Error('no terminal')) };
  const program = new Command().exitOverride().configureOutput({ writeOut: (t) => { out += t; }, writeErr: (t) => { err += t; } });
  const set = (n: number): void => { code = n; };
  registerInsideCommands(program, io, process.cwd(), set);
  registerOpsCommands(program, io, process.cwd(), set);
  await program.parseAsync(['node', 'streamform', ...args, '--url', c.cloud.url]);
  return { code, out, err };
}

before(async () => {
  c = await OpsCloud.start({ clock, maxCfu: 5 });
  await c.run('ddl-src', "CREATE TABLE src (v STRING) DISTRIBUTED INTO 1 BUCKETS WITH ('value.format' = 'raw')");
  await c.run('ddl-dst', "CREATE TABLE dst (v STRING) WITH ('value.format' = 'raw')");
  assert.equal((await c.run('copy', 'INSERT INTO dst SELECT v FROM src')).status.phase, 'RUNNING');
  assert.equal((await c.run('copy-2', 'INSERT INTO dst SELECT v FROM src')).status.phase, 'RUNNING');
  clock.advance(3 * 60_000);
});
after(async () => { await c.close(); });

test('pool usage --json: per pool current CFU / max, CFU-minutes, and per statement CFU-minutes', async () => {
  const r = await run(['pool', 'usage', '--json']);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(JSON.parse(r.out), {
    api_version: 'metrics/v1', kind: 'CfuUsage',
    compute_pools: [{
      id: c.poolId, environment: c.envId, display_name: 'pool-5', current_cfu: 2, max_cfu: 5, cfu_minutes: 6,
      statements: [{ name: 'copy', environment: c.envId, runs: 1, cfu_minutes: 3 }, { name: 'copy-2', environment: c.envId, runs: 1, cfu_minutes: 3 }],
    }],
  });
});

test('pool usage prints a readable summary; --pool filters; pool list still works beside it', async () => {
  const text = await run(['pool', 'usage']);
  assert.equal(text.code, 0, text.err);
  assert.match(text.out, new RegExp(`Compute pool ${c.poolId} \\(pool-5, ${c.envId}\\)`));
  assert.match(text.out, /Current CFU: 2 \/ 5 \[########------------\]/);
  assert.match(text.out, /copy-2 +1 +3\.000/);
  assert.equal(JSON.parse((await run(['pool', 'usage', '--json', '--pool', 'lfcp-other'])).out).compute_pools.length, 0);
  const list = await run(['pool', 'list', '--json']);
  assert.equal(list.code, 0, list.err);
});

test('top --once --json is one metrics snapshot; top --once is one text frame', async () => {
  c.produceRaw('src', ['x', 'y']);
  // Synchronously after the append nothing has been read yet: both statements are 2 records behind.
  const snap = c.cloud.operations.snapshot();
  assert.deepEqual(snap.statements.map((s) => [s.name, s.pendingRecords]), [['copy', 2], ['copy-2', 2]]);
  await c.poll(() => c.cloud.operations.snapshot().statements.every((s) => s.recordsIn === 2), 'both statements to read');
  const j = await run(['top', '--once', '--json']);
  assert.equal(j.code, 0, j.err);
  const body = JSON.parse(j.out) as { statements: Record<string, unknown>[]; compute_pools: Record<string, unknown>[] };
  assert.deepEqual(body.statements.map((s) => [s['name'], s['phase'], s['current_cfus'], s['pending_records'], s['num_records_in']]),
    [['copy', 'RUNNING', 1, 0, 2], ['copy-2', 'RUNNING', 1, 0, 2]]);
  assert.deepEqual(body.compute_pools.map((p) => [p['id'], p['current_cfu'], p['cfu_limit']]), [[c.poolId, 2, 5]]);
  const t = await run(['top', '--once']);
  assert.equal(t.code, 0, t.err);
  assert.match(t.out, /Compute Pool/);
  assert.match(t.out, /2\/5 +\[########------------\]/);
  assert.match(t.out, /^copy-2 +RUNNING +1 +0 /m);
});
