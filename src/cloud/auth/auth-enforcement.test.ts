import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCloud } from '../server.js';
import type { RunningCloud } from '../server.js';
import { call, tempDir } from '../http/test-client.js';

type Key = { apiKey: string; apiSecret: string };
const tmp = tempDir();
let cloud: RunningCloud;
let admin: Key;
let weak: Key;
let dev: Key;
let env = '';
let cluster = '';
let sr = '';
let pool = '';
let runner = '';
let devSa = '';
let orgCrn = '';
const as = (key: Key | undefined, method: string, path: string, body?: unknown) =>
  call(cloud.url, method, path, { ...(key === undefined ? {} : { key }), ...(body === undefined ? {} : { body }) });

async function keyFor(owner: string, resource?: Record<string, unknown>): Promise<Key> {
  const r = await as(admin, 'POST', '/iam/v2/api-keys', { spec: { owner: { id: owner }, ...(resource === undefined ? {} : { resource }) } });
  assert.equal(r.status, 202);
  return { apiKey: r.at('id'), apiSecret: r.at('spec', 'secret') };
}
async function bind(principal: string, role: string, crn: string): Promise<void> {
  assert.equal((await as(admin, 'POST', '/iam/v2/role-bindings', { principal: `User:${principal}`, role_name: role, crn_pattern: crn })).status, 201);
}

before(async () => {
  cloud = await startCloud({ dataDir: tmp.dir, port: 0, auth: true });
  assert.ok(cloud.admin !== undefined);
  admin = cloud.admin;
  orgCrn = `crn://confluent.cloud/organization=${cloud.organizationId}`;
  env = (await as(admin, 'POST', '/org/v2/environments', { display_name: 'dev' })).at('id');
  cluster = (await as(admin, 'POST', '/cmk/v2/clusters', { spec: { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } })).at('id');
  sr = (await as(admin, 'GET', `/srcm/v3/clusters?environment=${env}`)).at('data', 0, 'id');
  pool = (await as(admin, 'POST', '/fcpm/v2/compute-pools', { spec: { display_name: 'p', cloud: 'AWS', region: 'us-east-2', max_cfu: 10, environment: { id: env } } })).at('id');
  const weakSa = (await as(admin, 'POST', '/iam/v2/service-accounts', { display_name: 'weak' })).at('id');
  devSa = (await as(admin, 'POST', '/iam/v2/service-accounts', { display_name: 'dev' })).at('id');
  runner = (await as(admin, 'POST', '/iam/v2/service-accounts', { display_name: 'runner' })).at('id');
  weak = await keyFor(weakSa);
  dev = await keyFor(devSa);
  await bind(devSa, 'FlinkDeveloper', `${orgCrn}/environment=${env}`);
  await bind(devSa, 'DeveloperWrite', `${orgCrn}/environment=${env}/cloud-cluster=${cluster}/kafka=${cluster}/topic=shoe_*`);
  for (const t of ['shoe_orders', 'orders']) assert.equal((await as(admin, 'POST', `/kafka/v3/clusters/${cluster}/topics`, { topic_name: t, partitions_count: 1 })).status, 201);
});
after(async () => { await cloud.close(); tmp.cleanup(); });

const families = (): { name: string; method: string; path: string; body?: unknown; envelope: 'confluent' | 'code' }[] => [
  { name: 'environments', method: 'POST', path: '/org/v2/environments', body: { display_name: 'x' }, envelope: 'confluent' },
  { name: 'clusters', method: 'GET', path: `/cmk/v2/clusters?environment=${env}`, envelope: 'confluent' },
  { name: 'compute pools', method: 'DELETE', path: `/fcpm/v2/compute-pools/${pool}?environment=${env}`, envelope: 'confluent' },
  { name: 'service accounts', method: 'POST', path: '/iam/v2/service-accounts', body: { display_name: 'y' }, envelope: 'confluent' },
  { name: 'role bindings', method: 'POST', path: '/iam/v2/role-bindings', body: { principal: `User:${runner}`, role_name: 'OrganizationAdmin', crn_pattern: orgCrn }, envelope: 'confluent' },
  { name: 'statements', method: 'POST', path: `/sql/v1/organizations/${cloud.organizationId}/environments/${env}/statements`, body: { name: 's', spec: { statement: 'SELECT 1' } }, envelope: 'confluent' },
  { name: 'connectors', method: 'GET', path: `/connect/v1/environments/${env}/clusters/${cluster}/connectors`, envelope: 'confluent' },
  { name: 'kafka rest', method: 'POST', path: `/kafka/v3/clusters/${cluster}/topics`, body: { topic_name: 'new_topic' }, envelope: 'code' },
  { name: 'schema registry', method: 'POST', path: `/sr/${sr}/subjects/orders-value/versions`, body: { schema: '"string"' }, envelope: 'code' },
];

test('health and version need no key', async () => {
  assert.equal((await as(undefined, 'GET', '/health')).status, 200);
  assert.equal((await as(undefined, 'GET', '/version')).status, 200);
});

test('every family answers 401 without a key, in its own envelope', async () => {
  for (const f of families()) {
    const r = await as(undefined, f.method, f.path, f.body);
    assert.equal(r.status, 401, f.name);
    if (f.envelope === 'confluent') {
      assert.equal(r.at('errors', 0, 'status'), '401', f.name);
      assert.match(r.at('errors', 0, 'detail'), /^Unauthorized/, f.name);
    } else {
      assert.equal(r.at('error_code'), 40101, f.name);
    }
  }
  assert.equal((await as({ apiKey: admin.apiKey, apiSecret: 'wrong' }, 'GET', '/org/v2/environments')).status, 401);
});

test('every family answers 403 to a key without roles, naming roles and scope', async () => {
  for (const f of families()) {
    const r = await as(weak, f.method, f.path, f.body);
    assert.equal(r.status, 403, f.name);
    const msg = f.envelope === 'confluent' ? r.at('errors', 0, 'detail') : r.at('message');
    assert.match(msg, /requires one of the roles \[.*OrganizationAdmin.*\]/, f.name);
    assert.match(msg, /crn:\/\/confluent\.cloud\/organization=/, f.name);
  }
});

test('the admin key passes on every family', async () => {
  for (const f of families().filter((x) => x.method === 'GET')) assert.equal((await as(admin, f.method, f.path)).status, 200, f.name);
});

test('lists show only what the caller may describe', async () => {
  assert.equal((await as(weak, 'GET', '/org/v2/environments')).status, 403);
  const seen = await as(dev, 'GET', '/org/v2/environments');
  assert.deepEqual((seen.at('data') as unknown as { id: string }[]).map((e) => e.id), [env]);
  assert.equal((await as(admin, 'GET', '/iam/v2/service-accounts')).at('data').length, 3);
  assert.equal((await as(dev, 'GET', '/iam/v2/service-accounts')).at('data').length, 0);
});

test('FlinkDeveloper runs statements as itself but cannot manage pools', async () => {
  const base = `/sql/v1/organizations/${cloud.organizationId}/environments/${env}/statements`;
  const mine = await as(dev, 'POST', base, { name: 'mine', spec: { statement: 'SELECT 1', compute_pool_id: pool } });
  assert.equal(mine.status, 201);
  assert.equal(mine.at('spec', 'principal'), devSa);
  const poolCreate = await as(dev, 'POST', '/fcpm/v2/compute-pools', { spec: { display_name: 'q', cloud: 'AWS', region: 'us-east-2', max_cfu: 5, environment: { id: env } } });
  assert.equal(poolCreate.status, 403);
  assert.match(poolCreate.at('errors', 0, 'detail'), /FlinkAdmin/);
  assert.equal((await as(dev, 'GET', `/org/v2/environments/${env}`)).status, 200);
});

test('running a statement as another principal needs Assigner on it', async () => {
  const base = `/sql/v1/organizations/${cloud.organizationId}/environments/${env}/statements`;
  const body = { name: 'as-runner', spec: { statement: 'INSERT INTO a SELECT * FROM b', compute_pool_id: pool, principal: runner } };
  const denied = await as(dev, 'POST', base, body);
  assert.equal(denied.status, 403);
  assert.match(denied.at('errors', 0, 'detail'), new RegExp(`Assigner.*service-account=${runner}|service-account=${runner}.*Assigner`));
  await bind(devSa, 'Assigner', `${orgCrn}/service-account=${runner}`);
  assert.equal((await as(dev, 'POST', base, body)).status, 201);
});

test('topic wildcard bindings: shoe_* is writable, orders is not', async () => {
  const produce = (t: string) => as(dev, 'POST', `/kafka/v3/clusters/${cluster}/topics/${t}/records`, { value: { type: 'JSON', data: { a: 1 } } });
  assert.equal((await produce('shoe_orders')).status, 200);
  const denied = await produce('orders');
  assert.equal(denied.status, 403);
  assert.equal(denied.at('error_code'), 40301);
});

test('a cluster-scoped key cannot call the control plane; its cluster works', async () => {
  await bind(devSa, 'CloudClusterAdmin', `${orgCrn}/environment=${env}/cloud-cluster=${cluster}`);
  const kafkaKey = await keyFor(devSa, { id: cluster, api_version: 'cmk/v2', kind: 'Cluster', environment: { id: env } });
  assert.equal((await as(kafkaKey, 'GET', `/cmk/v2/clusters?environment=${env}`)).status, 401);
  assert.equal((await as(kafkaKey, 'GET', `/kafka/v3/clusters/${cluster}/topics`)).status, 200);
});

test('the bootstrap admin key keeps working after a restart', async () => {
  await cloud.close();
  cloud = await startCloud({ dataDir: tmp.dir, port: 0, auth: true });
  assert.deepEqual(cloud.admin, admin);
  assert.equal((await as(admin, 'GET', `/org/v2/environments/${env}`)).status, 200);
  assert.equal((await as(weak, 'GET', `/org/v2/environments/${env}`)).status, 403);
});
