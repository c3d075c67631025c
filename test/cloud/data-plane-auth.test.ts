/** With auth on, the new Kafka routes ask for the right permission: records read → Read, ACL changes → Manage on the cluster. */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startCloud } from '../../src/cloud/index.js';
import type { RunningCloud } from '../../src/cloud/index.js';
import { call, tempDir } from '../../src/cloud/http/test-client.js';

type Key = { apiKey: string; apiSecret: string };
const tmp = tempDir();
let cloud: RunningCloud;
let admin: Key;
let writer: Key;
let reader: Key;
let kafka = '';
const as = (key: Key, method: string, path: string, body?: unknown) => call(cloud.url, method, path, { key, ...(body === undefined ? {} : { body }) });

before(async () => {
  cloud = await startCloud({ dataDir: tmp.dir, port: 0, auth: true });
  assert.ok(cloud.admin !== undefined);
  admin = cloud.admin;
  const org = `crn://confluent.cloud/organization=${cloud.organizationId}`;
  const env = (await as(admin, 'POST', '/org/v2/environments', { display_name: 'auth' })).at('id');
  const lkc = (await as(admin, 'POST', '/cmk/v2/clusters', { spec: { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } })).at('id');
  kafka = `/kafka/v3/clusters/${lkc}`;
  const keyFor = async (name: string, role: string): Promise<Key> => {
    const sa = (await as(admin, 'POST', '/iam/v2/service-accounts', { display_name: name })).at('id');
    assert.equal((await as(admin, 'POST', '/iam/v2/role-bindings', { principal: `User:${sa}`, role_name: role, crn_pattern: `${org}/environment=${env}/cloud-cluster=${lkc}/kafka=${lkc}/topic=*` })).status, 201);
    const k = await as(admin, 'POST', '/iam/v2/api-keys', { spec: { owner: { id: sa } } });
    return { apiKey: k.at('id'), apiSecret: k.at('spec', 'secret') };
  };
  writer = await keyFor('writer', 'DeveloperWrite');
  reader = await keyFor('reader', 'DeveloperRead');
  assert.equal((await as(admin, 'POST', `${kafka}/topics`, { topic_name: 'events', partitions_count: 1 })).status, 201);
});
after(async () => { await cloud.close(); tmp.cleanup(); });

test('reading records needs Read on the topic: DeveloperWrite may produce but not read; DeveloperRead may read', async () => {
  assert.equal((await as(writer, 'POST', `${kafka}/topics/events/records`, { value: { type: 'STRING', data: 'a' } })).status, 200);
  assert.equal((await as(writer, 'GET', `${kafka}/topics/events/partitions/0/records`)).status, 403);
  const read = await as(reader, 'GET', `${kafka}/topics/events/partitions/0/records`);
  assert.equal(read.status, 200);
  assert.equal(read.at('data').length, 1);
  assert.equal((await as(reader, 'POST', `${kafka}/topics/events/records`, { value: { type: 'STRING', data: 'b' } })).status, 403);
});

test('creating ACLs needs Manage on the cluster itself: a topic-level role is refused, the admin is allowed', async () => {
  const acl = { resource_type: 'TOPIC', resource_name: 'events', pattern_type: 'LITERAL', principal: 'User:sa-x', host: '*', operation: 'READ', permission: 'ALLOW' };
  assert.equal((await as(reader, 'POST', `${kafka}/acls`, acl)).status, 403);
  assert.equal((await as(admin, 'POST', `${kafka}/acls`, acl)).status, 201);
  assert.equal((await as(admin, 'GET', `${kafka}/acls`)).at('data').length, 1);
});
