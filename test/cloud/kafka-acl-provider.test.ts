/** The provider's `confluent_kafka_acl` against the local cloud's real `/acls` routes. */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster } from '../confluent/cluster-fixture.js';
import type { ClusterFixture } from '../confluent/cluster-fixture.js';
import { converge, destroy, importById, refresh, startHarness } from '../confluent/provider-harness.js';
import type { Harness } from '../confluent/provider-harness.js';
import type { ObjectValue } from '../../src/provisioner/lang/index.js';

describe('confluent_kafka_acl over Kafka REST /acls', () => {
  let h: Harness;
  let f: ClusterFixture;
  const fields = { resource_type: 'TOPIC', resource_name: 'orders-', pattern_type: 'PREFIXED', principal: 'User:sa-1', host: '*', operation: 'WRITE', permission: 'ALLOW' };
  let cfg: ObjectValue;
  // Filled once the cluster exists: the provider reads env lazily (import needs the endpoint).
  const env: Record<string, string> = {};
  before(async () => {
    h = await startHarness(env);
    f = await createCluster(h, 'acl-provider');
    env['IMPORT_KAFKA_REST_ENDPOINT'] = String(f.cluster.rest_endpoint);
    cfg = { kafka_cluster: { id: f.cluster.id ?? null }, rest_endpoint: f.cluster.rest_endpoint ?? null, ...fields };
  });
  after(() => h.close());

  const listAcls = async (query = ''): Promise<ObjectValue[]> => {
    const res = await fetch(`${String(f.cluster.rest_endpoint)}/kafka/v3/clusters/${String(f.cluster.id)}/acls${query}`, { method: 'GET' });
    assert.equal(res.status, 200);
    return ((await res.json()) as { data: ObjectValue[] }).data;
  };

  it('create stores the binding on the server; destroy removes it', async () => {
    const acl = await converge(h, 'confluent_kafka_acl', null, cfg);
    assert.equal(acl.id, `${String(f.cluster.id)}/TOPIC#orders-#PREFIXED#User:sa-1#*#WRITE#ALLOW`);
    const stored = await listAcls();
    assert.equal(stored.length, 1);
    assert.deepEqual({ ...stored[0], kind: undefined, metadata: undefined, cluster_id: undefined }, { kind: undefined, metadata: undefined, cluster_id: undefined, ...fields });
    assert.ok(!h.progress.some((m) => m.includes('kept in state only')), 'no state-only fallback');
    assert.deepEqual(await refresh(h, 'confluent_kafka_acl', acl), acl);
    await destroy(h, 'confluent_kafka_acl', acl);
    assert.deepEqual(await listAcls(), []);
  });

  it('an ACL deleted outside streamform is drift (refresh answers null); import finds an existing one', async () => {
    const acl = await converge(h, 'confluent_kafka_acl', null, cfg);
    const q = `?${new URLSearchParams(fields).toString()}`;
    const res = await fetch(`${String(f.cluster.rest_endpoint)}/kafka/v3/clusters/${String(f.cluster.id)}/acls${q}`, { method: 'DELETE' });
    assert.equal(res.status, 200);
    assert.equal(await refresh(h, 'confluent_kafka_acl', acl), null);
    const again = await converge(h, 'confluent_kafka_acl', null, cfg);
    const imported = await importById(h, 'confluent_kafka_acl', String(again.id));
    assert.equal(imported.id, again.id);
    await destroy(h, 'confluent_kafka_acl', again);
  });
});
