/** Control-plane fields Confluent documents and the provider reads: max_ecku, endpoints, SR regional endpoints, pool config. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCloud } from '../../src/cloud/index.js';
import type { RunningCloud } from '../../src/cloud/index.js';
import { call, tempDir } from '../../src/cloud/http/test-client.js';

const tmp = tempDir();
let cloud: RunningCloud;
let env = '';
const req = (method: string, path: string, body?: unknown) => call(cloud.url, method, path, body === undefined ? {} : { body });
const cluster = (config: Record<string, unknown>, availability = 'SINGLE_ZONE') =>
  req('POST', '/cmk/v2/clusters', { spec: { display_name: 'k', availability, cloud: 'AWS', region: 'us-east-2', config, environment: { id: env } } });

before(async () => {
  cloud = await startCloud({ dataDir: tmp.dir, port: 0 });
  env = (await req('POST', '/org/v2/environments', { display_name: 'f', stream_governance_config: { package: 'ESSENTIALS' } })).at('id');
});
after(async () => { await cloud.close(); tmp.cleanup(); });

test('elastic clusters report spec.config.max_ecku (asked for, or the type default); Dedicated reports cku only', async () => {
  const basic = await cluster({ kind: 'Basic' });
  assert.equal(basic.status, 202);
  assert.equal(typeof basic.at('spec', 'config', 'max_ecku'), 'number');
  const standard = await cluster({ kind: 'Standard', max_ecku: 4 }, 'MULTI_ZONE');
  assert.equal(standard.at('spec', 'config', 'max_ecku'), 4);
  const got = await req('GET', `/cmk/v2/clusters/${standard.at('id')}?environment=${env}`);
  assert.equal(got.at('spec', 'config', 'max_ecku'), 4);
  const patched = await req('PATCH', `/cmk/v2/clusters/${standard.at('id')}`, { spec: { config: { kind: 'Standard', max_ecku: 8 }, environment: { id: env } } });
  assert.equal(patched.at('spec', 'config', 'max_ecku'), 8);
  assert.equal((await cluster({ kind: 'Standard', max_ecku: 1 }, 'MULTI_ZONE')).at('errors', 0, 'source', 'pointer'), '/spec/config/max_ecku');
  const dedicated = await cluster({ kind: 'Dedicated', cku: 1 });
  assert.deepEqual(dedicated.at('spec', 'config'), { kind: 'Dedicated', cku: 1 });
});

test('clusters list their endpoints by access point id (PUBLIC), matching the top-level endpoints', async () => {
  const c = await cluster({ kind: 'Basic' });
  assert.deepEqual(c.at('spec', 'endpoints'), {
    PUBLIC: { kafka_bootstrap_endpoint: c.at('spec', 'kafka_bootstrap_endpoint'), http_endpoint: c.at('spec', 'http_endpoint'), connection_type: 'PUBLIC' },
  });
  assert.equal(c.at('spec', 'http_endpoint'), cloud.url);
});

test('the SR cluster reports private_networking_config.regional_endpoints (and the older private_regional_http_endpoints)', async () => {
  const list = await req('GET', `/srcm/v3/clusters?environment=${env}`);
  assert.equal(list.at('data').length, 1);
  assert.deepEqual(list.at('data', 0, 'spec', 'private_networking_config'), { regional_endpoints: {} });
  assert.deepEqual(list.at('data', 0, 'spec', 'private_regional_http_endpoints'), {});
  assert.equal(list.at('data', 0, 'spec', 'http_endpoint'), `${cloud.url}/sr/${list.at('data', 0, 'id')}`);
});

test('fcpm/v2/compute-pool-config reads and patches the organization default pool settings', async () => {
  const got = await req('GET', '/fcpm/v2/compute-pool-config');
  assert.equal(got.status, 200);
  assert.equal(got.at('kind'), 'OrgComputePoolConfig');
  const patched = await req('PATCH', '/fcpm/v2/compute-pool-config', { spec: { default_pool_enabled: false, default_pool_max_cfu: 20 } });
  assert.deepEqual(patched.at('spec'), { default_pool_enabled: false, default_pool_max_cfu: 20 });
  assert.deepEqual((await req('GET', '/fcpm/v2/compute-pool-config')).at('spec'), { default_pool_enabled: false, default_pool_max_cfu: 20 });
});

test('deleting a Kafka cluster deletes its ACL bindings', async () => {
  const c = await cluster({ kind: 'Basic' });
  const lkc = c.at('id');
  const acl = { resource_type: 'TOPIC', resource_name: 't', pattern_type: 'LITERAL', principal: 'User:sa-1', host: '*', operation: 'READ', permission: 'ALLOW' };
  assert.equal((await req('POST', `/kafka/v3/clusters/${lkc}/acls`, acl)).status, 201);
  assert.equal(cloud.acls.list(lkc).length, 1);
  assert.equal((await req('DELETE', `/cmk/v2/clusters/${lkc}?environment=${env}`)).status, 204);
  assert.deepEqual(cloud.acls.list(lkc), []);
});
