import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { converge, startHarness } from './provider-harness.js';
import type { Harness } from './provider-harness.js';
import { confluentProvider } from '../../src/provisioner/providers/confluent/index.js';

describe('the confluent provider against the local cloud with auth on', () => {
  let h: Harness;
  before(async () => { h = await startHarness({}, { auth: true }); });
  after(() => h.close());

  it('uses a Kafka API key it created (readiness observed, no sleep) to manage a topic', async () => {
    const env = await converge(h, 'confluent_environment', null, { display_name: 'secure' });
    const cluster = await converge(h, 'confluent_kafka_cluster', null, { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', environment: { id: env.id ?? null }, basic: {} });
    const sa = await converge(h, 'confluent_service_account', null, { display_name: 'app' });
    await converge(h, 'confluent_role_binding', null, { principal: `User:${String(sa.id)}`, role_name: 'CloudClusterAdmin', crn_pattern: String(cluster.rbac_crn) });
    const key = await converge(h, 'confluent_api_key', null, {
      owner: { id: sa.id ?? null, api_version: 'iam/v2', kind: 'ServiceAccount' },
      managed_resource: { id: cluster.id ?? null, api_version: 'cmk/v2', kind: 'Cluster', environment: { id: env.id ?? null } },
    });
    const topic = await converge(h, 'confluent_kafka_topic', null, {
      topic_name: 'secure-orders', kafka_cluster: { id: cluster.id ?? null }, rest_endpoint: cluster.rest_endpoint ?? null,
      credentials: { key: key.id ?? null, secret: key.secret ?? null },
    });
    assert.equal(topic.partitions_count, 6);
  });

  it('turns a 401 into a diagnostic naming the request and status', async () => {
    const p = confluentProvider({ env: () => undefined });
    assert.deepEqual(await p.configure({ endpoint: h.url, cloud_api_key: 'nope', cloud_api_secret: 'bad' }, h.ctx), []);
    const r = await p.applyResource({ type: 'confluent_service_account', action: 'create', prior: null, planned: { display_name: 'x', description: null, id: null, api_version: null, kind: null }, config: null }, h.ctx);
    assert.equal(r.state, null);
    assert.match(r.diagnostics?.[0]?.summary ?? '', /POST \/iam\/v2\/service-accounts: 401/);
  });
});
