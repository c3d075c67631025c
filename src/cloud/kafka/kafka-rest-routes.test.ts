import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fixedClock } from '../../shared/index.js';
import { Router, createDispatcher, type Logger } from '../http/index.js';
import { ConsumerOffsets, TopicLogStore, kafkaRestRoutes } from './index.js';

const C = 'lkc-abc12';
const T0 = Date.parse('2026-01-02T03:04:05.000Z');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-kafka-rest-'));
const clock = fixedClock(T0);
const store = TopicLogStore.open(path.join(dir, 'cloud.db'), { clock });
const groups = new ConsumerOffsets(store, { clock });
const logged: string[] = [];
const logger: Logger = { info: () => {}, warn: () => {}, error: (msg, fields) => { logged.push(`${msg} ${JSON.stringify(fields)}`); } };
let server: http.Server;
let base = '';

before(async () => {
  const router = new Router(kafkaRestRoutes(store, { clusterExists: (id) => id === C, clock, consumerOffsets: groups }));
  let n = 0;
  server = http.createServer(createDispatcher(router, { logger, requestId: () => `req-${++n}` }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
  assert.deepEqual(logged, [], 'no request failed with an unexpected error');
});

type Json = { [k: string]: unknown };

async function call(method: string, p: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(`${base}/kafka/v3/clusters/${p}`, init);
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Json) };
}

function data(body: Json): Json[] {
  return body['data'] as Json[];
}

test('POST /topics creates a topic and answers with the KafkaTopic shape', async () => {
  const res = await call('POST', `${C}/topics`, { topic_name: 'orders', partitions_count: 3, configs: [{ name: 'retention.ms', value: '3600000' }] });
  assert.equal(res.status, 201);
  const self = `${base}/kafka/v3/clusters/${C}/topics/orders`;
  assert.deepEqual(res.body, {
    kind: 'KafkaTopic',
    metadata: { self, resource_name: `crn:///kafka=${C}/topic=orders` },
    cluster_id: C, topic_name: 'orders', is_internal: false, replication_factor: 3, partitions_count: 3,
    partitions: { related: `${self}/partitions` }, configs: { related: `${self}/configs` },
    partition_reassignments: { related: `${self}/partitions/-/reassignment` }, authorized_operations: [],
  });
  const get = await call('GET', `${C}/topics/orders`);
  assert.equal(get.status, 200);
  assert.equal(get.body['partitions_count'], 3);
});

test('GET /topics lists topics sorted, as a KafkaTopicList', async () => {
  await call('POST', `${C}/topics`, { topic_name: 'a-list-topic', partitions_count: 1 });
  const res = await call('GET', `${C}/topics`);
  assert.equal(res.body['kind'], 'KafkaTopicList');
  assert.deepEqual(res.body['metadata'], { self: `${base}/kafka/v3/clusters/${C}/topics`, next: null });
  const names = data(res.body).map((t) => t['topic_name']);
  assert.deepEqual(names, [...names].sort());
  assert.ok(names.includes('a-list-topic'));
});

test('creating an existing topic is 400 with error_code 40002', async () => {
  await call('POST', `${C}/topics`, { topic_name: 'dup', partitions_count: 1 });
  const res = await call('POST', `${C}/topics`, { topic_name: 'dup', partitions_count: 1 });
  assert.deepEqual(res, { status: 400, body: { error_code: 40002, message: "Topic 'dup' already exists." } });
});

test('validate_only checks without creating; a bad config is 40002 naming it', async () => {
  const ok = await call('POST', `${C}/topics`, { topic_name: 'dry', partitions_count: 1, validate_only: true });
  assert.equal(ok.status, 201);
  assert.equal((await call('GET', `${C}/topics/dry`)).status, 404);
  const bad = await call('POST', `${C}/topics`, { topic_name: 'badcfg', configs: [{ name: 'cleanup.polcy', value: 'compact' }] });
  assert.equal(bad.status, 400);
  assert.equal(bad.body['error_code'], 40002);
  assert.match(String(bad.body['message']), /cleanup\.polcy.*Did you mean 'cleanup\.policy'/);
});

test('a missing topic_name is 400 with error_code 40001', async () => {
  const res = await call('POST', `${C}/topics`, { partitions_count: 1 });
  assert.equal(res.status, 400);
  assert.equal(res.body['error_code'], 40001);
});

test('an unknown topic is 404 with error_code 40403', async () => {
  const res = await call('GET', `${C}/topics/nope`);
  assert.deepEqual(res, { status: 404, body: { error_code: 40403, message: 'This server does not host this topic-partition.' } });
});

test('an unknown cluster is 404 "Cluster lkc-x not found"', async () => {
  const res = await call('GET', 'lkc-nope/topics');
  assert.deepEqual(res, { status: 404, body: { error_code: 404, message: 'Cluster lkc-nope not found' } });
});

test('PATCH grows partitions; shrinking is 400 40002', async () => {
  await call('POST', `${C}/topics`, { topic_name: 'grow', partitions_count: 2 });
  const up = await call('PATCH', `${C}/topics/grow`, { partitions_count: 5 });
  assert.equal(up.status, 200);
  assert.equal(up.body['partitions_count'], 5);
  const down = await call('PATCH', `${C}/topics/grow`, { partitions_count: 1 });
  assert.equal(down.status, 400);
  assert.equal(down.body['error_code'], 40002);
  assert.match(String(down.body['message']), /has 5 partitions.*requested 1/);
});

test('partitions are listed and fetched one by one; an unknown partition is 404', async () => {
  await call('POST', `${C}/topics`, { topic_name: 'parts', partitions_count: 2 });
  const list = await call('GET', `${C}/topics/parts/partitions`);
  assert.equal(list.body['kind'], 'KafkaPartitionList');
  assert.deepEqual(data(list.body).map((p) => p['partition_id']), [0, 1]);
  const one = await call('GET', `${C}/topics/parts/partitions/1`);
  assert.equal(one.body['kind'], 'KafkaPartition');
  assert.deepEqual((one.body['metadata'] as Json)['resource_name'], `crn:///kafka=${C}/topic=parts/partition=1`);
  assert.equal((await call('GET', `${C}/topics/parts/partitions/7`)).status, 404);
});

test('configs list marks dynamic values against defaults', async () => {
  await call('POST', `${C}/topics`, { topic_name: 'cfg', configs: [{ name: 'retention.ms', value: '1000' }] });
  const res = await call('GET', `${C}/topics/cfg/configs`);
  assert.equal(res.body['kind'], 'KafkaTopicConfigList');
  const byName = new Map(data(res.body).map((c) => [c['name'], c]));
  const retention = byName.get('retention.ms');
  assert.equal(retention?.['value'], '1000');
  assert.equal(retention?.['is_default'], false);
  assert.equal(retention?.['source'], 'DYNAMIC_TOPIC_CONFIG');
  const maxBytes = byName.get('max.message.bytes');
  assert.deepEqual([maxBytes?.['value'], maxBytes?.['is_default'], maxBytes?.['source'], maxBytes?.['is_read_only'], maxBytes?.['is_sensitive']], ['2097164', true, 'DEFAULT_CONFIG', false, false]);
  assert.equal((await call('GET', `${C}/topics/cfg`)).body['partitions_count'], 6, 'partitions_count defaults to 6');
});

test('PUT, GET and DELETE one config', async () => {
  await call('POST', `${C}/topics`, { topic_name: 'one-cfg', partitions_count: 1 });
  assert.equal((await call('PUT', `${C}/topics/one-cfg/configs/cleanup.policy`, { value: 'compact' })).status, 204);
  const got = await call('GET', `${C}/topics/one-cfg/configs/cleanup.policy`);
  assert.equal(got.body['kind'], 'KafkaTopicConfig');
  assert.equal(got.body['value'], 'compact');
  assert.equal(got.body['source'], 'DYNAMIC_TOPIC_CONFIG');
  assert.equal((await call('DELETE', `${C}/topics/one-cfg/configs/cleanup.policy`)).status, 204);
  const reset = await call('GET', `${C}/topics/one-cfg/configs/cleanup.policy`);
  assert.deepEqual([reset.body['value'], reset.body['is_default']], ['delete', true]);
  const wrongType = await call('PUT', `${C}/topics/one-cfg/configs/retention.ms`, { value: 'forever' });
  assert.equal(wrongType.status, 400);
  assert.match(String(wrongType.body['message']), /expected a 64-bit integer/);
});

test('configs:alter applies SET and DELETE together', async () => {
  await call('POST', `${C}/topics`, { topic_name: 'alter', partitions_count: 1, configs: [{ name: 'retention.ms', value: '1000' }] });
  const res = await call('POST', `${C}/topics/alter/configs:alter`, { data: [{ name: 'retention.bytes', value: '1048576' }, { name: 'retention.ms', operation: 'DELETE' }] });
  assert.equal(res.status, 204);
  assert.deepEqual(store.describeTopic(C, 'alter').configs, { 'retention.bytes': '1048576' });
});

test('produce writes a record and answers with partition, offset and sizes', async () => {
  await call('POST', `${C}/topics`, { topic_name: 'produce', partitions_count: 1 });
  const res = await call('POST', `${C}/topics/produce/records`, {
    key: { type: 'STRING', data: 'k1' },
    value: { type: 'JSON', data: { amount: 5 } },
    headers: [{ name: 'op', value: Buffer.from([2]).toString('base64') }],
  });
  assert.deepEqual(res, { status: 200, body: {
    error_code: 200, cluster_id: C, topic_name: 'produce', partition_id: 0, offset: 0, timestamp: '2026-01-02T03:04:05.000Z',
    key: { type: 'STRING', size: 2 }, value: { type: 'JSON', size: 12 },
  } });
  const bin = await call('POST', `${C}/topics/produce/records`, { partition_id: 0, value: { type: 'BINARY', data: Buffer.from('raw').toString('base64') }, timestamp: '2025-12-31T00:00:00Z' });
  assert.equal(bin.body['offset'], 1);
  const [first, second] = store.read(C, 'produce', 0, 0, 10).records;
  assert.equal(first?.key?.toString(), 'k1');
  assert.equal(first?.value?.toString(), '{"amount":5}');
  assert.deepEqual(first?.headers.map((h) => [h.key, [...(h.value ?? [])]]), [['op', [2]]]);
  assert.equal(second?.value?.toString(), 'raw');
  assert.equal(second?.timestamp, Date.parse('2025-12-31T00:00:00Z'));
});

test('produce with a schema-based type is 400 "not supported yet"', async () => {
  await call('POST', `${C}/topics`, { topic_name: 'avro', partitions_count: 1 });
  const res = await call('POST', `${C}/topics/avro/records`, { value: { type: 'AVRO', data: {} } });
  assert.equal(res.status, 400);
  assert.match(String(res.body['message']), /not supported yet/);
});

test('produce over max.message.bytes fails naming size and limit', async () => {
  await call('POST', `${C}/topics`, { topic_name: 'small', partitions_count: 1, configs: [{ name: 'max.message.bytes', value: '64' }] });
  const res = await call('POST', `${C}/topics/small/records`, { value: { type: 'STRING', data: 'x'.repeat(100) } });
  assert.equal(res.status, 413);
  assert.match(String(res.body['message']), /122 bytes.*max\.message\.bytes of 64/);
});

test('consumer groups, lags and lag summary reflect committed offsets', async () => {
  await call('POST', `${C}/topics`, { topic_name: 'lagging', partitions_count: 2 });
  store.append(C, 'lagging', Array.from({ length: 10 }, () => ({ partition: 0, value: null })));
  store.append(C, 'lagging', Array.from({ length: 4 }, () => ({ partition: 1, value: null })));
  groups.commitOffsets(C, 'billing', [{ topic: 'lagging', partition: 0, offset: 3 }, { topic: 'lagging', partition: 1, offset: 4 }]);
  const list = await call('GET', `${C}/consumer-groups`);
  assert.equal(list.body['kind'], 'KafkaConsumerGroupList');
  assert.deepEqual(data(list.body).map((g) => [g['consumer_group_id'], g['state']]), [['billing', 'EMPTY']]);
  const one = await call('GET', `${C}/consumer-groups/billing`);
  assert.equal(one.body['kind'], 'KafkaConsumerGroup');
  const lags = await call('GET', `${C}/consumer-groups/billing/lags`);
  assert.deepEqual(data(lags.body).map((l) => [l['kind'], l['topic_name'], l['partition_id'], l['current_offset'], l['log_end_offset'], l['lag']]),
    [['KafkaConsumerLag', 'lagging', 0, 3, 10, 7], ['KafkaConsumerLag', 'lagging', 1, 4, 4, 0]]);
  const summary = await call('GET', `${C}/consumer-groups/billing/lag-summary`);
  assert.deepEqual([summary.body['kind'], summary.body['max_lag_topic_name'], summary.body['max_lag_partition_id'], summary.body['max_lag'], summary.body['total_lag']],
    ['KafkaConsumerGroupLagSummary', 'lagging', 0, 7, 7]);
  assert.equal((await call('GET', `${C}/consumer-groups/nobody/lags`)).status, 404);
  const lagSelf = (data(lags.body)[0]?.['metadata'] as Json)['self'];
  assert.equal(lagSelf, `${base}/kafka/v3/clusters/${C}/consumer-groups/billing/lags/lagging/partitions/0`);
  const single = await call('GET', `${C}/consumer-groups/billing/lags/lagging/partitions/0`);
  assert.deepEqual([single.body['kind'], single.body['lag']], ['KafkaConsumerLag', 7]);
});

test('DELETE /topics/:name is 204 and the topic is gone', async () => {
  await call('POST', `${C}/topics`, { topic_name: 'doomed', partitions_count: 1 });
  assert.equal((await call('DELETE', `${C}/topics/doomed`)).status, 204);
  assert.equal((await call('GET', `${C}/topics/doomed`)).status, 404);
  assert.equal((await call('DELETE', `${C}/topics/doomed`)).status, 404);
});

test('with kafkaCrn, routes carry authz on the topic or group CRN', () => {
  const routes = kafkaRestRoutes(store, { clusterExists: () => true, clock, consumerOffsets: groups, kafkaCrn: (id) => `crn://confluent.cloud/organization=o1/environment=env-1/cloud-cluster=${id}/kafka=${id}` });
  const req = (params: { [k: string]: string }, body?: unknown): Parameters<NonNullable<(typeof routes)[number]['authz']>['crn']>[0] => ({
    method: 'POST', path: '/', params, query: new URLSearchParams(), headers: {}, body, rawBody: Buffer.alloc(0), baseUrl: base,
  });
  const find = (method: string, suffix: string): (typeof routes)[number] | undefined => routes.find((r) => r.method === method && r.pattern.endsWith(suffix));
  const produce = find('POST', '/records');
  assert.equal(produce?.authz?.operation, 'Write');
  assert.equal(produce?.authz?.crn(req({ cluster_id: C, topic_name: 'orders' })), `crn://confluent.cloud/organization=o1/environment=env-1/cloud-cluster=${C}/kafka=${C}/topic=orders`);
  const create = find('POST', '/topics');
  assert.equal(create?.authz?.operation, 'Manage');
  assert.match(create?.authz?.crn(req({ cluster_id: C }, { topic_name: 'new-one' })) ?? '', /\/topic=new-one$/);
  assert.match(find('GET', '/lag-summary')?.authz?.crn(req({ cluster_id: C, group_id: 'g1' })) ?? '', /\/kafka=lkc-abc12\/group=g1$/);
  assert.ok(routes.every((r) => r.authz !== undefined));
  assert.ok(kafkaRestRoutes(store, { clusterExists: () => true, clock }).every((r) => r.authz === undefined));
});
