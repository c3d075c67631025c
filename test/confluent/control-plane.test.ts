import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoChange, converge, destroy, importById, plan, readData, refresh, startHarness } from './provider-harness.js';
import type { Harness } from './provider-harness.js';

describe('confluent provider: control plane against the local cloud', () => {
  let h: Harness;
  before(async () => { h = await startHarness(); });
  after(() => h.close());

  it('creates, updates, refreshes, imports and deletes an environment', async () => {
    const env = await converge(h, 'confluent_environment', null, { display_name: 'dev' });
    assert.match(String(env.id), /^env-/);
    await assertNoChange(h, 'confluent_environment', env, { display_name: 'dev' });
    assert.match(String(env.resource_name), /^crn:\/\/confluent\.cloud\/organization=.*\/environment=env-/);
    const renamed = await converge(h, 'confluent_environment', env, { display_name: 'dev2', stream_governance: { package: 'ADVANCED' } });
    assert.equal(renamed.display_name, 'dev2');
    assert.deepEqual(renamed.stream_governance, { package: 'ADVANCED' });
    assert.deepEqual(await importById(h, 'confluent_environment', String(env.id)), renamed);
    const byName = await readData(h, 'confluent_environment', { display_name: 'dev2' });
    assert.equal(byName.id, env.id);
    await destroy(h, 'confluent_environment', renamed);
    assert.equal(await refresh(h, 'confluent_environment', renamed), null);
  });

  it('creates a Basic cluster, upgrades it to Standard in place and imports it', async () => {
    const env = await converge(h, 'confluent_environment', null, { display_name: 'clusters' });
    const cfg = { display_name: 'k1', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', environment: { id: env.id ?? null }, basic: {} };
    const cluster = await converge(h, 'confluent_kafka_cluster', null, cfg);
    await assertNoChange(h, 'confluent_kafka_cluster', cluster, cfg);
    assert.match(String(cluster.id), /^lkc-/);
    assert.match(String(cluster.rest_endpoint), /^http/);
    assert.equal(cluster.api_version, 'cmk/v2');
    const low = await plan(h, 'confluent_kafka_cluster', cluster, { ...cfg, availability: 'LOW' });
    assert.equal(low.requiresReplace, undefined);
    const standard = await converge(h, 'confluent_kafka_cluster', cluster, { ...cfg, basic: null, standard: {} });
    assert.equal(standard.id, cluster.id);
    assert.ok(standard.standard !== null && standard.basic === null);
    const imported = await importById(h, 'confluent_kafka_cluster', `${String(env.id)}/${String(cluster.id)}`);
    assert.equal(imported.display_name, 'k1');
    const ds = await readData(h, 'confluent_kafka_cluster', { environment: { id: env.id ?? null }, display_name: 'k1' });
    assert.equal(ds.id, cluster.id);
    await destroy(h, 'confluent_kafka_cluster', standard);
    assert.equal(await refresh(h, 'confluent_kafka_cluster', standard), null);
  });

  it('manages service accounts, role bindings and API keys', async () => {
    const env = await converge(h, 'confluent_environment', null, { display_name: 'iam' });
    const sa = await converge(h, 'confluent_service_account', null, { display_name: 'runner', description: 'runs statements' });
    assert.match(String(sa.id), /^sa-/);
    await assertNoChange(h, 'confluent_service_account', sa, { display_name: 'runner', description: 'runs statements' });
    const sa2 = await converge(h, 'confluent_service_account', sa, { display_name: 'runner', description: 'changed' });
    assert.equal(sa2.description, 'changed');
    assert.equal((await readData(h, 'confluent_service_account', { display_name: 'runner' })).id, sa.id);
    const rb = await converge(h, 'confluent_role_binding', null, { principal: `User:${String(sa.id)}`, role_name: 'EnvironmentAdmin', crn_pattern: String(env.resource_name) });
    assert.match(String(rb.id), /^rb-/);
    await assertNoChange(h, 'confluent_role_binding', rb, { principal: `User:${String(sa.id)}`, role_name: 'EnvironmentAdmin', crn_pattern: String(env.resource_name) });
    assert.deepEqual(await importById(h, 'confluent_role_binding', String(rb.id)), rb);
    const key = await converge(h, 'confluent_api_key', null, {
      display_name: 'cloud-key', owner: { id: sa.id ?? null, api_version: 'iam/v2', kind: 'ServiceAccount' },
    });
    assert.ok(typeof key.secret === 'string' && key.secret.length > 0);
    await assertNoChange(h, 'confluent_api_key', key, { display_name: 'cloud-key', owner: { id: sa.id ?? null, api_version: 'iam/v2', kind: 'ServiceAccount' } });
    assert.equal((await importById(h, 'confluent_service_account', String(sa.id))).display_name, 'runner');
    const { confluentProvider } = await import('../../src/provisioner/providers/confluent/index.js');
    const withSecret = confluentProvider({ env: (n) => (n === 'API_KEY_SECRET' ? String(key.secret) : undefined) });
    assert.deepEqual(await withSecret.configure({ endpoint: h.url }, h.ctx), []);
    const importedKey = await importById({ ...h, provider: withSecret }, 'confluent_api_key', String(key.id));
    assert.equal(importedKey.secret, key.secret);
    assert.deepEqual(importedKey.owner, key.owner);
    const renamed = await converge(h, 'confluent_api_key', key, { display_name: 'cloud-key-2', owner: { id: sa.id ?? null, api_version: 'iam/v2', kind: 'ServiceAccount' } });
    assert.equal(renamed.secret, key.secret);
    await destroy(h, 'confluent_api_key', renamed);
    assert.equal(await refresh(h, 'confluent_api_key', renamed), null);
    await destroy(h, 'confluent_role_binding', rb);
    assert.equal(await refresh(h, 'confluent_role_binding', rb), null);
    await destroy(h, 'confluent_service_account', sa2);
  });

  it('reads the organization, a Flink region and manages a compute pool', async () => {
    const org = await readData(h, 'confluent_organization', {});
    assert.equal(org.id, h.orgId);
    const region = await readData(h, 'confluent_flink_region', { cloud: 'AWS', region: 'us-east-2' });
    assert.equal(region.id, 'aws.us-east-2');
    assert.match(String(region.rest_endpoint), /^http/);
    const env = await converge(h, 'confluent_environment', null, { display_name: 'flink' });
    const cfg = { display_name: 'pool', cloud: 'AWS', region: 'us-east-2', max_cfu: 5, environment: { id: env.id ?? null } };
    const pool = await converge(h, 'confluent_flink_compute_pool', null, cfg);
    assert.match(String(pool.id), /^lfcp-/);
    await assertNoChange(h, 'confluent_flink_compute_pool', pool, cfg);
    const bigger = await converge(h, 'confluent_flink_compute_pool', pool, { ...cfg, max_cfu: 10 });
    assert.equal(bigger.max_cfu, 10);
    assert.equal((await importById(h, 'confluent_flink_compute_pool', `${String(env.id)}/${String(pool.id)}`)).max_cfu, 10);
    assert.equal((await readData(h, 'confluent_flink_compute_pool', { environment: { id: env.id ?? null }, id: pool.id ?? null })).display_name, 'pool');
    await destroy(h, 'confluent_flink_compute_pool', bigger);
    assert.equal(await refresh(h, 'confluent_flink_compute_pool', bigger), null);
  });
});
