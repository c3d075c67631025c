import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { call, tempDir } from '../http/test-client.js';
import { findRunningCloud, spawnBackground, stopCloud, BIN_PATH } from './background-cloud.js';
import { readCloudState, stateFilePath } from './cloud-state-file.js';
import { isProcessAlive } from './process-probe.js';

const MAIN = fileURLToPath(new URL('./cloud-process-main.js', import.meta.url));
const tmp = tempDir();
const spawned: number[] = [];
after(() => {
  for (const pid of spawned) if (isProcessAlive(pid)) process.kill(pid, 'SIGKILL');
  tmp.cleanup();
});

test('the CLI bin path resolves to bin/streamform.js of the package', () => {
  assert.ok(BIN_PATH.endsWith('/bin/streamform.js'));
  assert.ok(existsSync(BIN_PATH));
});

test('background start writes cloud.json, answers /health, and stops gracefully on SIGTERM', async () => {
  const dir = `${tmp.dir}/graceful`;
  const c = await spawnBackground(dir, { args: [MAIN, '--data-dir', dir, '--port', '0'] });
  spawned.push(c.pid);
  const state = readCloudState(dir);
  assert.equal(state?.pid, c.pid);
  assert.equal(state?.url, c.url);
  assert.equal((await findRunningCloud(dir))?.pid, c.pid);
  await assert.rejects(spawnBackground(dir, { args: [MAIN, '--data-dir', dir, '--port', '0'] }), /already served by a local cloud \(pid \d+\)/);
  assert.equal((await findRunningCloud(dir))?.pid, c.pid, 'the refused second start leaves the first in place');
  const stopped = await stopCloud(dir);
  assert.deepEqual(stopped, { stopped: true, pid: c.pid, forced: false });
  assert.equal(existsSync(stateFilePath(dir)), false);
  assert.equal(await findRunningCloud(dir), undefined);
  assert.deepEqual(await stopCloud(dir), { stopped: false, forced: false });
});

test('kill -9 loses nothing that was acknowledged', async () => {
  const dir = `${tmp.dir}/crash`;
  const first = await spawnBackground(dir, { args: [MAIN, '--data-dir', dir, '--port', '0'] });
  spawned.push(first.pid);
  const env = (await call(first.url, 'POST', '/org/v2/environments', { body: { display_name: 'crash' } })).at('id');
  const cluster = (await call(first.url, 'POST', '/cmk/v2/clusters', { body: { spec: { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } } })).at('id');
  assert.equal((await call(first.url, 'POST', `/kafka/v3/clusters/${cluster}/topics`, { body: { topic_name: 'orders', partitions_count: 1 } })).status, 201);
  const org = (await call(first.url, 'GET', '/org/v2/organizations')).at('data', 0, 'id');
  const stmt = await call(first.url, 'POST', `/sql/v1/organizations/${org}/environments/${env}/statements`, { body: { name: 'after-crash', spec: { statement: 'SELECT 1' } } });
  assert.equal(stmt.status, 201);
  process.kill(first.pid, 'SIGKILL');
  while (isProcessAlive(first.pid)) await new Promise((r) => setImmediate(r));
  assert.equal(await findRunningCloud(dir), undefined, 'a stale cloud.json must not count as running');

  const second = await spawnBackground(dir, { args: [MAIN, '--data-dir', dir, '--port', '0'] });
  spawned.push(second.pid);
  assert.equal((await call(second.url, 'GET', `/org/v2/environments/${env}`)).at('display_name'), 'crash');
  assert.equal((await call(second.url, 'GET', `/cmk/v2/clusters/${cluster}?environment=${env}`)).status, 200);
  assert.equal((await call(second.url, 'GET', `/kafka/v3/clusters/${cluster}/topics/orders`)).status, 200);
  // The statement survived; the executor runs it (SELECT 1 is bounded, so it completes).
  const after = await call(second.url, 'GET', `/sql/v1/organizations/${org}/environments/${env}/statements/after-crash`);
  assert.equal(after.status, 200);
  assert.ok(['PENDING', 'RUNNING', 'COMPLETED'].includes(after.at('status', 'phase')));
  assert.equal((await stopCloud(dir)).stopped, true);
});
