import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster } from './cluster-fixture.js';
import type { ClusterFixture } from './cluster-fixture.js';
import { assertNoChange, converge, destroy, importById, plan, refresh, startHarness } from './provider-harness.js';
import type { Harness } from './provider-harness.js';
import type { ObjectValue } from '../../src/provisioner/lang/index.js';

describe('confluent_kafka_topic against the local cloud', () => {
  let h: Harness;
  let f: ClusterFixture;
  let topicCfg: (name: string, over?: ObjectValue) => ObjectValue;
  before(async () => {
    h = await startHarness();
    f = await createCluster(h, 'topics');
    topicCfg = (name, over = {}) => ({ topic_name: name, kafka_cluster: { id: f.cluster.id ?? null }, rest_endpoint: f.cluster.rest_endpoint ?? null, ...over });
  });
  after(() => h.close());

  async function kafka(method: string, path: string, body?: unknown): Promise<Response> {
    const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
    if (body !== undefined) init.body = JSON.stringify(body);
    return fetch(`${String(f.cluster.rest_endpoint)}/kafka/v3/clusters/${String(f.cluster.id)}${path}`, init);
  }

  it('creates with configs, grows partitions in place, edits configs and deletes', async () => {
    const t = await converge(h, 'confluent_kafka_topic', null, topicCfg('orders', { partitions_count: 3, config: { 'retention.ms': '60000' } }));
    assert.equal(t.id, `${String(f.cluster.id)}/orders`);
    assert.equal(t.partitions_count, 3);
    assert.equal((t.config as ObjectValue)['retention.ms'], '60000');
    await assertNoChange(h, 'confluent_kafka_topic', t, topicCfg('orders', { partitions_count: 3, config: { 'retention.ms': '60000' } }));
    await assertNoChange(h, 'confluent_kafka_topic', t, topicCfg('orders', { partitions_count: 3 }));
    const grown = await converge(h, 'confluent_kafka_topic', t, topicCfg('orders', { partitions_count: 5, config: { 'retention.ms': '120000', 'cleanup.policy': 'compact' } }));
    assert.equal(grown.partitions_count, 5);
    assert.deepEqual(grown.config, { 'cleanup.policy': 'compact', 'retention.ms': '120000' });
    const shrunk = await converge(h, 'confluent_kafka_topic', grown, topicCfg('orders', { partitions_count: 2 }));
    assert.equal(shrunk.partitions_count, 2);
    await destroy(h, 'confluent_kafka_topic', shrunk);
    assert.equal(await refresh(h, 'confluent_kafka_topic', shrunk), null);
  });

  it('rejects a non-editable config change at plan', async () => {
    const t = await converge(h, 'confluent_kafka_topic', null, topicCfg('strict'));
    const p = await plan(h, 'confluent_kafka_topic', t, topicCfg('strict', { config: { 'compression.type': 'zstd' } }));
    assert.ok(p.diagnostics?.some((d) => d.code === 'confluent-topic-config-not-editable'));
    await destroy(h, 'confluent_kafka_topic', t);
  });

  it('sees drift: partitions raised elsewhere, then the topic deleted elsewhere', async () => {
    const t = await converge(h, 'confluent_kafka_topic', null, topicCfg('drifty', { partitions_count: 2 }));
    assert.equal((await kafka('PATCH', '/topics/drifty', { partitions_count: 4 })).status, 200);
    const seen = await refresh(h, 'confluent_kafka_topic', t);
    assert.equal(seen?.partitions_count, 4);
    assert.ok([200, 204].includes((await kafka('DELETE', '/topics/drifty')).status));
    assert.equal(await refresh(h, 'confluent_kafka_topic', t), null);
  });

  it('imports lkc-x/<topic> with the IMPORT_KAFKA_* variables', async () => {
    const t = await converge(h, 'confluent_kafka_topic', null, topicCfg('imported', { partitions_count: 1 }));
    const h2 = await startHarnessFor(h, { IMPORT_KAFKA_REST_ENDPOINT: String(f.cluster.rest_endpoint), IMPORT_KAFKA_API_KEY: 'k', IMPORT_KAFKA_API_SECRET: 's' });
    const imported = await importById(h2, 'confluent_kafka_topic', `${String(f.cluster.id)}/imported`);
    assert.equal(imported.partitions_count, 1);
    assert.equal(imported.rest_endpoint, f.cluster.rest_endpoint);
    assert.deepEqual(imported.credentials, { key: 'k', secret: 's' });
    await destroy(h, 'confluent_kafka_topic', t);
  });
});

/** A second provider instance on the same cloud with extra environment variables. */
async function startHarnessFor(h: Harness, env: Record<string, string>): Promise<Harness> {
  const { confluentProvider } = await import('../../src/provisioner/providers/confluent/index.js');
  const provider = confluentProvider({ env: (n) => env[n] });
  assert.deepEqual(await provider.configure({ endpoint: h.url }, h.ctx), []);
  return { ...h, provider };
}

describe('confluent_kafka_acl against the local cloud', () => {
  it('creates, refreshes and deletes an ACL (kept in state while the server has no /acls route)', async () => {
    const h = await startHarness();
    try {
      const f = await createCluster(h, 'acls');
      const cfg: ObjectValue = {
        kafka_cluster: { id: f.cluster.id ?? null }, rest_endpoint: f.cluster.rest_endpoint ?? null,
        resource_type: 'TOPIC', resource_name: 'orders', pattern_type: 'LITERAL', principal: 'User:sa-1', host: '*', operation: 'READ', permission: 'ALLOW',
      };
      const acl = await converge(h, 'confluent_kafka_acl', null, cfg);
      assert.equal(acl.id, `${String(f.cluster.id)}/TOPIC#orders#LITERAL#User:sa-1#*#READ#ALLOW`);
      assert.deepEqual(await refresh(h, 'confluent_kafka_acl', acl), acl);
      const p = await plan(h, 'confluent_kafka_acl', acl, { ...cfg, operation: 'WRITE' });
      assert.ok(p.requiresReplace?.some((r) => r.path === 'operation'));
      await destroy(h, 'confluent_kafka_acl', acl);
    } finally {
      await h.close();
    }
  });
});

describe('single-cluster mode (provider-level kafka_* settings)', () => {
  it('manages a topic without kafka_cluster, rest_endpoint or credentials in the resource', async () => {
    const h = await startHarness();
    try {
      const f = await createCluster(h, 'option2');
      const provider = (await import('../../src/provisioner/providers/confluent/index.js')).confluentProvider({ env: () => undefined });
      assert.deepEqual(await provider.configure({
        endpoint: h.url, kafka_id: String(f.cluster.id), kafka_rest_endpoint: String(f.cluster.rest_endpoint), kafka_api_key: 'k', kafka_api_secret: 's',
      }, h.ctx), []);
      const h2 = { ...h, provider };
      const t = await converge(h2, 'confluent_kafka_topic', null, { topic_name: 'single', partitions_count: 2 });
      assert.equal(t.id, `${String(f.cluster.id)}/single`);
      assert.equal(t.kafka_cluster, null);
      assert.equal(t.rest_endpoint, null);
      assert.equal(t.credentials, null);
      await destroy(h2, 'confluent_kafka_topic', t);
    } finally {
      await h.close();
    }
  });
});
