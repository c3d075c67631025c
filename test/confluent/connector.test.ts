import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster } from './cluster-fixture.js';
import type { ClusterFixture } from './cluster-fixture.js';
import { assertNoChange, converge, destroy, importById, plan, refresh, startHarness } from './provider-harness.js';
import type { Harness } from './provider-harness.js';
import type { ObjectValue } from '../../src/provisioner/lang/index.js';

describe('confluent_connector against the local cloud', () => {
  let h: Harness;
  let f: ClusterFixture;
  before(async () => { h = await startHarness(); f = await createCluster(h, 'connect'); });
  after(() => h.close());

  it('creates, pauses, resumes, reconfigures, imports and deletes a connector', async () => {
    const cfg = (over: ObjectValue = {}, config: Record<string, string> = {}): ObjectValue => ({
      environment: { id: f.env.id ?? null }, kafka_cluster: { id: f.cluster.id ?? null },
      config_nonsensitive: { name: 'orders-gen', 'connector.class': 'DatagenSource', 'kafka.topic': 'orders', 'output.data.format': 'JSON', quickstart: 'ORDERS', ...config },
      config_sensitive: { 'kafka.api.secret': 'shh' },
      ...over,
    });
    const c = await converge(h, 'confluent_connector', null, cfg());
    assert.match(String(c.id), /^lcc-/);
    assert.equal(c.status, 'RUNNING');
    await assertNoChange(h, 'confluent_connector', c, cfg());
    assert.equal((c.config_nonsensitive as ObjectValue)['kafka.api.secret'], undefined);
    const paused = await converge(h, 'confluent_connector', c, cfg({ status: 'PAUSED' }));
    assert.equal(paused.status, 'PAUSED');
    const running = await converge(h, 'confluent_connector', paused, cfg({ status: 'RUNNING' }, { 'output.data.format': 'AVRO' }));
    assert.equal(running.status, 'RUNNING');
    assert.equal((running.config_nonsensitive as ObjectValue)['output.data.format'], 'AVRO');
    const withOffsets = await converge(h, 'confluent_connector', running, cfg({ status: 'RUNNING', offsets: [{ partition: { 'kafka_partition': '0', 'kafka_topic': 'orders' }, offset: { 'kafka_offset': '10' } }] }, { 'output.data.format': 'AVRO' }));
    assert.equal(withOffsets.offsets instanceof Array ? withOffsets.offsets.length : 0, 1);
    const live = await fetch(`${h.url}/connect/v1/environments/${String(f.env.id)}/clusters/${String(f.cluster.id)}/connectors/orders-gen/offsets`);
    assert.deepEqual(((await live.json()) as { offsets: unknown }).offsets, [{ partition: { kafka_partition: '0', kafka_topic: 'orders' }, offset: { kafka_offset: '10' } }]);
    const rename = await plan(h, 'confluent_connector', running, cfg({}, { name: 'other' }));
    assert.ok(rename.diagnostics?.some((d) => d.code === 'confluent-connector-rename'));
    const imported = await importById(h, 'confluent_connector', `${String(f.env.id)}/${String(f.cluster.id)}/orders-gen`);
    assert.equal(imported.id, c.id);
    await destroy(h, 'confluent_connector', withOffsets);
    assert.equal(await refresh(h, 'confluent_connector', withOffsets), null);
  });
});
