import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock, seededIds } from '../../shared/index.js';
import { startCloud } from '../server.js';
import type { RunningCloud } from '../server.js';
import { call, tempDir } from '../http/test-client.js';

const tmp = tempDir();
let cloud: RunningCloud;
const req = (method: string, path: string, body?: unknown) => call(cloud.url, method, path, body === undefined ? {} : { body });
const clusterBody = (env: string, extra: Record<string, unknown> = {}) => ({ spec: { display_name: 'k1', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env }, ...extra } });
const poolBody = (env: string, maxCfu: unknown = 10) => ({ spec: { display_name: 'pool-1', cloud: 'AWS', region: 'us-east-2', max_cfu: maxCfu, environment: { id: env } } });

before(async () => { cloud = await startCloud({ dataDir: tmp.dir, port: 0, clock: fixedClock(Date.UTC(2026, 0, 1)), ids: seededIds(7) }); });
after(async () => { await cloud.close(); tmp.cleanup(); });

test('health and version', async () => {
  assert.deepEqual((await req('GET', '/health')).body, { status: 'ok' });
  const v = await req('GET', '/version');
  assert.equal(v.status, 200);
  assert.equal(v.at('api_versions', 'sql'), 'v1');
});

test('organization: one UUID per data dir with its CRN', async () => {
  const list = await req('GET', '/org/v2/organizations');
  assert.equal(list.at('data').length, 1);
  const org = (k: string): string => list.at('data', 0, k);
  assert.match(org('id'), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.equal(list.at('data', 0, 'metadata', 'resource_name'), `crn://confluent.cloud/organization=${org('id')}`);
  assert.equal((await req('GET', `/org/v2/organizations/${cloud.organizationId}`)).status, 200);
  assert.equal((await req('GET', '/org/v2/organizations/nope')).status, 404);
});

test('environment: create with governance creates its SR cluster at <url>/sr/<id>', async () => {
  const env = await req('POST', '/org/v2/environments', { display_name: 'dev', stream_governance_config: { package: 'ADVANCED' } });
  assert.equal(env.status, 201);
  assert.match(env.at('id'), /^env-[a-z0-9]{5,6}$/);
  assert.equal(env.at('metadata', 'resource_name'), `crn://confluent.cloud/organization=${cloud.organizationId}/environment=${env.at('id')}`);
  const srs = await req('GET', `/srcm/v3/clusters?environment=${env.at('id')}`);
  assert.equal(srs.at('data').length, 1);
  const sr = (...k: string[]): string => srs.at('data', 0, ...k);
  assert.match(sr('id'), /^lsrc-[a-z0-9]{5,6}$/);
  assert.equal(sr('spec', 'package'), 'ADVANCED');
  assert.equal(sr('spec', 'http_endpoint'), `${cloud.url}/sr/${sr('id')}`);
  assert.equal(sr('metadata', 'resource_name'), `${env.at('metadata', 'resource_name')}/schema-registry=${sr('id')}`);
  assert.equal((await req('GET', `/srcm/v3/clusters/${sr('id')}?environment=${env.at('id')}`)).status, 200);
});

test('environment: validation names the field; downgrade rejected; upgrade allowed', async () => {
  const bad = await req('POST', '/org/v2/environments', { display_name: '' });
  assert.equal(bad.status, 400);
  assert.equal(bad.at('errors', 0, 'source', 'pointer'), '/display_name');
  const badPkg = await req('POST', '/org/v2/environments', { display_name: 'x', stream_governance_config: { package: 'GOLD' } });
  assert.equal(badPkg.at('errors', 0, 'source', 'pointer'), '/stream_governance_config/package');
  const env = await req('POST', '/org/v2/environments', { display_name: 'e2', stream_governance_config: { package: 'ESSENTIALS' } });
  const id = env.at('id');
  const up = await req('PATCH', `/org/v2/environments/${id}`, { stream_governance_config: { package: 'ADVANCED' } });
  assert.equal(up.at('stream_governance_config', 'package'), 'ADVANCED');
  const down = await req('PATCH', `/org/v2/environments/${id}`, { stream_governance_config: { package: 'ESSENTIALS' } });
  assert.equal(down.status, 400);
  assert.equal(down.at('errors', 0, 'source', 'pointer'), '/stream_governance_config/package');
  const renamed = await req('PATCH', `/org/v2/environments/${id}`, { display_name: 'renamed' });
  assert.equal(renamed.at('display_name'), 'renamed');
  assert.equal((await req('GET', '/org/v2/environments/env-zzzzz')).status, 404);
});

test('environment: delete with a cluster inside is 409, then works once empty', async () => {
  const env = (await req('POST', '/org/v2/environments', { display_name: 'del' })).at('id');
  const c = await req('POST', '/cmk/v2/clusters', clusterBody(env));
  assert.equal((await req('DELETE', `/org/v2/environments/${env}`)).status, 409);
  assert.equal((await req('DELETE', `/cmk/v2/clusters/${c.at('id')}?environment=${env}`)).status, 204);
  assert.equal((await req('DELETE', `/org/v2/environments/${env}`)).status, 204);
  assert.equal((await req('GET', `/org/v2/environments/${env}`)).status, 404);
  assert.equal((await req('GET', `/srcm/v3/clusters?environment=${env}`)).status, 404);
});

test('environments list pages with page_size and page_token', async () => {
  const first = await req('GET', '/org/v2/environments?page_size=1');
  assert.equal(first.at('kind'), 'EnvironmentList');
  assert.equal(first.at('data').length, 1);
  const next = new URL(first.at('metadata', 'next'));
  const second = await req('GET', `${next.pathname}${next.search}`);
  assert.equal(second.at('data').length, 1);
  assert.notEqual(second.at('data', 0, 'id'), first.at('data', 0, 'id'));
});

test('kafka cluster: shapes, endpoints, upgrade Basic→Standard only, delete drops topics', async () => {
  const env = (await req('POST', '/org/v2/environments', { display_name: 'k' })).at('id');
  const c = await req('POST', '/cmk/v2/clusters', clusterBody(env));
  assert.equal(c.status, 202);
  const id = c.at('id');
  assert.match(id, /^lkc-[a-z0-9]{5,6}$/);
  assert.equal(c.at('status', 'phase'), 'PROVISIONED');
  assert.equal(c.at('spec', 'http_endpoint'), cloud.url);
  assert.equal(c.at('spec', 'kafka_bootstrap_endpoint'), `SASL_PLAINTEXT://127.0.0.1:${cloud.kafkaPort}`, 'the bootstrap endpoint is the Kafka wire listener');
  assert.equal(c.at('metadata', 'resource_name'), `crn://confluent.cloud/organization=${cloud.organizationId}/environment=${env}/cloud-cluster=${id}`);
  const topic = await req('POST', `/kafka/v3/clusters/${id}/topics`, { topic_name: 'orders', partitions_count: 1 });
  assert.equal(topic.status, 201);
  const up = await req('PATCH', `/cmk/v2/clusters/${id}`, { spec: { config: { kind: 'Standard' }, environment: { id: env } } });
  assert.equal(up.at('spec', 'config', 'kind'), 'Standard');
  const back = await req('PATCH', `/cmk/v2/clusters/${id}`, { spec: { config: { kind: 'Basic' }, environment: { id: env } } });
  assert.equal(back.status, 400);
  assert.equal(back.at('errors', 0, 'source', 'pointer'), '/spec/config/kind');
  const rename = await req('PATCH', `/cmk/v2/clusters/${id}`, { spec: { display_name: 'k2', environment: { id: env } } });
  assert.equal(rename.at('spec', 'display_name'), 'k2');
  assert.equal((await req('GET', `/cmk/v2/clusters?environment=${env}`)).at('data').length, 1);
  assert.equal((await req('DELETE', `/cmk/v2/clusters/${id}?environment=${env}`)).status, 204);
  assert.deepEqual(cloud.topics.listTopics(id), []);
  assert.equal((await req('GET', `/cmk/v2/clusters/${id}?environment=${env}`)).status, 404);
});

test('kafka cluster: validation names the field', async () => {
  const env = (await req('POST', '/org/v2/environments', { display_name: 'kv' })).at('id');
  const r1 = await req('POST', '/cmk/v2/clusters', clusterBody(env, { availability: 'SOMETIMES' }));
  assert.equal(r1.at('errors', 0, 'source', 'pointer'), '/spec/availability');
  const r2 = await req('POST', '/cmk/v2/clusters', clusterBody(env, { config: { kind: 'Dedicated' } }));
  assert.equal(r2.at('errors', 0, 'source', 'pointer'), '/spec/config/cku');
  const r3 = await req('POST', '/cmk/v2/clusters', clusterBody('env-nope0'));
  assert.equal(r3.status, 404);
  assert.equal((await req('GET', '/cmk/v2/clusters')).status, 400);
});

test('compute pools: allowed max_cfu values, no decrease, regions catalog', async () => {
  const env = (await req('POST', '/org/v2/environments', { display_name: 'f' })).at('id');
  const bad = await req('POST', '/fcpm/v2/compute-pools', poolBody(env, 7));
  assert.equal(bad.status, 400);
  assert.equal(bad.at('errors', 0, 'source', 'pointer'), '/spec/max_cfu');
  const p = await req('POST', '/fcpm/v2/compute-pools', poolBody(env, 20));
  assert.equal(p.status, 202);
  const id = p.at('id');
  assert.match(id, /^lfcp-[a-z0-9]{5,6}$/);
  assert.deepEqual(p.at('status'), { phase: 'PROVISIONED', current_cfu: 0 });
  assert.equal(p.at('metadata', 'resource_name'), `crn://confluent.cloud/organization=${cloud.organizationId}/environment=${env}/flink-region=aws.us-east-2/compute-pool=${id}`);
  const down = await req('PATCH', `/fcpm/v2/compute-pools/${id}`, { spec: { max_cfu: 10, environment: { id: env } } });
  assert.equal(down.status, 400);
  assert.match(down.at('errors', 0, 'detail'), /Decreasing max_cfu/);
  const upd = await req('PATCH', `/fcpm/v2/compute-pools/${id}`, { spec: { max_cfu: 50, display_name: 'bigger', environment: { id: env } } });
  assert.equal(upd.at('spec', 'max_cfu'), 50);
  const badRegion = await req('POST', '/fcpm/v2/compute-pools', { spec: { ...poolBody(env).spec, region: 'mars-1' } });
  assert.equal(badRegion.at('errors', 0, 'source', 'pointer'), '/spec/region');
  const regions = await req('GET', '/fcpm/v2/regions?cloud=AWS&region_name=us-east-2');
  assert.equal(regions.at('data').length, 1);
  assert.equal(regions.at('data', 0, 'id'), 'aws.us-east-2');
  assert.equal(regions.at('data', 0, 'http_endpoint'), cloud.url);
  assert.equal((await req('DELETE', `/fcpm/v2/compute-pools/${id}?environment=${env}`)).status, 204);
  assert.equal((await req('GET', `/fcpm/v2/compute-pools/${id}?environment=${env}`)).status, 404);
});

test('compute pool config: GET and PATCH', async () => {
  assert.equal((await req('GET', '/fcpm/v2/compute-pool-config')).at('spec', 'default_pool_enabled'), true);
  const p = await req('PATCH', '/fcpm/v2/compute-pool-config', { spec: { default_pool_enabled: false, default_pool_max_cfu: 20 } });
  assert.deepEqual(p.at('spec'), { default_pool_enabled: false, default_pool_max_cfu: 20 });
  assert.equal((await req('PATCH', '/fcpm/v2/compute-pool-config', { spec: { default_pool_max_cfu: 3 } })).status, 400);
});

test('service accounts: unique display name, CRUD', async () => {
  const sa = await req('POST', '/iam/v2/service-accounts', { display_name: 'runner', description: 'runs things' });
  assert.equal(sa.status, 201);
  assert.match(sa.at('id'), /^sa-[a-z0-9]{5,6}$/);
  assert.equal(sa.at('metadata', 'resource_name'), `crn://confluent.cloud/organization=${cloud.organizationId}/service-account=${sa.at('id')}`);
  assert.equal((await req('POST', '/iam/v2/service-accounts', { display_name: 'runner' })).status, 409);
  const patched = await req('PATCH', `/iam/v2/service-accounts/${sa.at('id')}`, { description: 'new' });
  assert.equal(patched.at('description'), 'new');
  assert.equal((await req('DELETE', `/iam/v2/service-accounts/${sa.at('id')}`)).status, 204);
  assert.equal((await req('GET', `/iam/v2/service-accounts/${sa.at('id')}`)).status, 404);
});

test('api keys: secret once, owner and resource, patch, delete', async () => {
  const env = (await req('POST', '/org/v2/environments', { display_name: 'keys' })).at('id');
  const c = (await req('POST', '/cmk/v2/clusters', clusterBody(env))).at('id');
  const sa = (await req('POST', '/iam/v2/service-accounts', { display_name: 'key-owner' })).at('id');
  const k = await req('POST', '/iam/v2/api-keys', { spec: { display_name: 'kafka', owner: { id: sa, api_version: 'iam/v2', kind: 'ServiceAccount' }, resource: { id: c, api_version: 'cmk/v2', kind: 'Cluster', environment: { id: env } } } });
  assert.equal(k.status, 202);
  assert.match(k.at('id'), /^[A-Z0-9]{16}$/);
  assert.equal(k.at('spec', 'secret').length, 64);
  assert.equal(k.at('spec', 'resource', 'environment'), env);
  assert.equal(k.at('spec', 'owner', 'kind'), 'ServiceAccount');
  const got = await req('GET', `/iam/v2/api-keys/${k.at('id')}`);
  assert.equal(got.at('spec', 'secret'), undefined);
  const flink = await req('POST', '/iam/v2/api-keys', { spec: { owner: { id: sa }, resource: { id: 'aws.us-east-2', api_version: 'fcpm/v2', kind: 'Region', environment: { id: env } } } });
  assert.equal(flink.at('spec', 'resource', 'kind'), 'Region');
  const noOwner = await req('POST', '/iam/v2/api-keys', { spec: { owner: { id: 'sa-zzzzz' } } });
  assert.equal(noOwner.status, 404);
  assert.equal(noOwner.at('errors', 0, 'source', 'pointer'), '/spec/owner/id');
  const patched = await req('PATCH', `/iam/v2/api-keys/${k.at('id')}`, { spec: { description: 'rotated' } });
  assert.equal(patched.at('spec', 'description'), 'rotated');
  assert.equal((await req('GET', `/iam/v2/api-keys?spec.owner=${sa}`)).at('data').length, 2);
  assert.equal((await req('DELETE', `/iam/v2/api-keys/${k.at('id')}`)).status, 204);
  assert.equal((await req('GET', `/iam/v2/api-keys/${k.at('id')}`)).status, 404);
});

test('role bindings: create, filter, known roles only, delete', async () => {
  const sa = (await req('POST', '/iam/v2/service-accounts', { display_name: 'rb-owner' })).at('id');
  const crn = `crn://confluent.cloud/organization=${cloud.organizationId}/environment=env-abcde`;
  const rb = await req('POST', '/iam/v2/role-bindings', { principal: `User:${sa}`, role_name: 'FlinkDeveloper', crn_pattern: crn });
  assert.equal(rb.status, 201);
  assert.match(rb.at('id'), /^rb-[a-z0-9]{5,6}$/);
  assert.equal((await req('POST', '/iam/v2/role-bindings', { principal: `User:${sa}`, role_name: 'FlinkDeveloper', crn_pattern: crn })).status, 409);
  const bad = await req('POST', '/iam/v2/role-bindings', { principal: `User:${sa}`, role_name: 'Wizard', crn_pattern: crn });
  assert.equal(bad.at('errors', 0, 'source', 'pointer'), '/role_name');
  const badPrincipal = await req('POST', '/iam/v2/role-bindings', { principal: sa, role_name: 'FlinkDeveloper', crn_pattern: crn });
  assert.equal(badPrincipal.at('errors', 0, 'source', 'pointer'), '/principal');
  const list = await req('GET', `/iam/v2/role-bindings?principal=User:${sa}&role_name=FlinkDeveloper`);
  assert.equal(list.at('data').length, 1);
  assert.equal((await req('DELETE', `/iam/v2/role-bindings/${rb.at('id')}`)).status, 204);
  assert.equal((await req('GET', `/iam/v2/role-bindings/${rb.at('id')}`)).status, 404);
});

test('unknown paths are 404 and wrong methods 405, in the control-plane envelope', async () => {
  const nf = await req('GET', '/cmk/v2/nothing');
  assert.equal(nf.status, 404);
  assert.equal(nf.at('errors', 0, 'status'), '404');
  const na = await req('PUT', '/org/v2/environments');
  assert.equal(na.status, 405);
  assert.equal(na.at('errors', 0, 'code'), 'method_not_allowed');
});

test('malformed JSON is a 400', async () => {
  const r = await call(cloud.url, 'POST', '/org/v2/environments', { raw: '{nope' });
  assert.equal(r.status, 400);
});

test('restart on the same data dir keeps everything', async () => {
  const env = (await req('POST', '/org/v2/environments', { display_name: 'persist' })).at('id');
  const c = (await req('POST', '/cmk/v2/clusters', clusterBody(env))).at('id');
  const orgId = cloud.organizationId;
  await cloud.close();
  cloud = await startCloud({ dataDir: tmp.dir, port: 0 });
  assert.equal(cloud.organizationId, orgId);
  assert.equal((await req('GET', `/org/v2/environments/${env}`)).at('display_name'), 'persist');
  assert.equal((await req('GET', `/cmk/v2/clusters/${c}?environment=${env}`)).status, 200);
});
