/** The server runs topic maintenance (retention, compaction, merging) on a timer and logs it at debug level. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../src/shared/index.js';
import { startCloud } from '../../src/cloud/index.js';
import { call, tempDir } from '../../src/cloud/http/test-client.js';

test('a maintenance pass enforces retention.ms on its own and reports it to logger.debug', async () => {
  const tmp = tempDir();
  const clock = fixedClock(Date.parse('2026-03-01T00:00:00.000Z'));
  const reports: Record<string, unknown>[] = [];
  let onDeleted: () => void = () => undefined;
  const deleted = new Promise<void>((resolve) => { onDeleted = resolve; });
  const cloud = await startCloud({
    dataDir: tmp.dir, port: 0, clock, maintenanceIntervalMs: 5,
    logger: {
      info: () => undefined, warn: () => undefined, error: () => undefined,
      debug: (msg, fields = {}) => {
        if (msg !== 'topic maintenance') return;
        reports.push(fields);
        if (fields['recordsDeleted'] === 3) onDeleted();
      },
    },
  });
  try {
    const env = (await call(cloud.url, 'POST', '/org/v2/environments', { body: { display_name: 'm' } })).at('id');
    const lkc = (await call(cloud.url, 'POST', '/cmk/v2/clusters', { body: { spec: { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } } })).at('id');
    const kafka = `/kafka/v3/clusters/${lkc}`;
    assert.equal((await call(cloud.url, 'POST', `${kafka}/topics`, { body: { topic_name: 'short', partitions_count: 1, configs: [{ name: 'retention.ms', value: '60000' }] } })).status, 201);
    for (let i = 0; i < 3; i++) assert.equal((await call(cloud.url, 'POST', `${kafka}/topics/short/records`, { body: { value: { type: 'STRING', data: `v${i}` } } })).status, 200);
    assert.equal((await call(cloud.url, 'GET', `${kafka}/topics/short/partitions/0/records`)).at('data').length, 3);
    clock.advance(120_000);
    await deleted;
    const after = await call(cloud.url, 'GET', `${kafka}/topics/short/partitions/0/records`);
    assert.equal(after.at('log_start_offset'), 3);
    assert.equal(after.at('data').length, 0);
    assert.ok(reports.every((r) => typeof r['recordsCompacted'] === 'number' && typeof r['batchesMerged'] === 'number'));
  } finally {
    await cloud.close();
    tmp.cleanup();
  }
});
