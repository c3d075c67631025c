/**
 * /metrics with auth on needs an API key like every non-public route; a cloud restart resumes
 * running statements, counts that as a restart and bills the new run separately.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCloud } from '../../src/cloud/index.js';
import { fixedClock } from '../../src/shared/index.js';
import { OpsCloud } from './ops-cloud.js';

test('with auth on, /metrics and /metrics/v1/flink answer 401 without a key and 200 with the admin key', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'streamform-ops-auth-'));
  const cloud = await startCloud({ dataDir: dir, port: 0, auth: true, runConnectors: false, runStatements: false });
  try {
    for (const path of ['/metrics', '/metrics/v1/flink', '/metrics/v1/flink/cfu-usage']) {
      assert.equal((await fetch(`${cloud.url}${path}`)).status, 401, path);
    }
    const admin = cloud.admin;
    assert.ok(admin !== undefined);
    const authorization = `Basic ${Buffer.from(`${admin.apiKey}:${admin.apiSecret}`).toString('base64')}`;
    const res = await fetch(`${cloud.url}/metrics`, { headers: { authorization } });
    assert.equal(res.status, 200);
    assert.match(await res.text(), /^# HELP confluent_flink_pending_records /);
  } finally {
    await cloud.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a statement resumed by a cloud restart counts one restart and a second billed run', async () => {
  const clock = fixedClock(Date.parse('2026-03-01T12:00:00Z'));
  let c = await OpsCloud.start({ clock });
  try {
    await c.run('ddl-src', "CREATE TABLE src (v STRING) WITH ('value.format' = 'raw')");
    await c.run('ddl-dst', "CREATE TABLE dst (v STRING) WITH ('value.format' = 'raw')");
    assert.equal((await c.run('copy', 'INSERT INTO dst SELECT v FROM src')).status.phase, 'RUNNING');
    clock.advance(120_000);
    c = await c.restart();
    await c.poll(() => c.cloud.operations.currentCfu(c.poolId) === 1, 'the resumed job to hold its CFU');
    clock.advance(30_000);
    const m = c.cloud.operations.snapshot().statements.find((s) => s.name === 'copy');
    assert.deepEqual({ phase: m?.phase, restarts: m?.restarts, cfus: m?.cfus, cfuMinutes: m?.cfuMinutes }, { phase: 'RUNNING', restarts: 1, cfus: 1, cfuMinutes: 2 + 1 });
  } finally {
    await c.close();
  }
});

test("a finished statement's records in and out survive a cloud restart, until it is deleted", async () => {
  let c = await OpsCloud.start();
  try {
    await c.run('ddl-src', "CREATE TABLE src (v STRING) WITH ('value.format' = 'raw')");
    await c.run('ddl-dst', "CREATE TABLE dst (v STRING) WITH ('value.format' = 'raw')");
    c.cloud.topics.append(c.clusterId, 'src', Array.from({ length: 25 }, (_, i) => ({ value: Buffer.from(`v${i}`) })));
    const sql = "INSERT INTO dst SELECT v FROM src /*+ OPTIONS('scan.bounded.mode' = 'latest-offset') */";
    assert.equal((await c.run('bounded', sql, (s) => s.status.phase === 'COMPLETED')).status.phase, 'COMPLETED');
    const gauges = (): unknown => {
      const m = c.cloud.operations.snapshot().statements.find((s) => s.name === 'bounded');
      return m === undefined ? undefined : { phase: m.phase, recordsIn: m.recordsIn, recordsOut: m.recordsOut };
    };
    assert.deepEqual(gauges(), { phase: 'COMPLETED', recordsIn: 25, recordsOut: 25 });
    c = await c.restart();
    assert.deepEqual(gauges(), { phase: 'COMPLETED', recordsIn: 25, recordsOut: 25 }, 'kept across the restart');
    assert.equal((await c.request('DELETE', `${c.statementsPath}/bounded`)).status, 202);
    await c.poll(() => c.cloud.statements.get(c.envId, 'bounded') === undefined, 'the statement to be deleted');
    c = await c.restart();
    assert.equal(gauges(), undefined, 'forgotten with the statement');
  } finally {
    await c.close();
  }
});
