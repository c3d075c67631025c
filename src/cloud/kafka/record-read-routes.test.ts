import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fixedClock } from '../../shared/index.js';
import { Router, createDispatcher } from '../http/index.js';
import { ConsumerOffsets, TopicLogStore, kafkaRestRoutes } from './index.js';

const C = 'lkc-read1';
const T0 = Date.parse('2026-01-02T03:04:05.000Z');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-records-'));
const clock = fixedClock(T0);
const store = TopicLogStore.open(path.join(dir, 'cloud.db'), { clock });
const groups = new ConsumerOffsets(store, { clock });
let server: http.Server;
let base = '';

before(async () => {
  const router = new Router(kafkaRestRoutes(store, { clusterExists: (id) => id === C, clock, consumerOffsets: groups }));
  server = http.createServer(createDispatcher(router, { logger: { info: () => {}, warn: () => {}, error: () => {} }, requestId: () => 'r' }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kafka/v3/clusters/${C}`;
  store.createTopic(C, 'events', { partitionsCount: 2 });
});
after(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  store.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

type Json = { [k: string]: unknown };
async function call(method: string, p: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(`${base}${p}`, init);
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Json) };
}

test('records produced over REST read back with offsets, timestamps, base64 key/value and headers', async () => {
  const produced: number[] = [];
  for (let i = 0; i < 5; i++) {
    const r = await call('POST', '/topics/events/records', {
      partition_id: 1, key: { type: 'STRING', data: `k${i}` }, value: { type: 'JSON', data: { n: i } },
      headers: [{ name: 'trace', value: Buffer.from(`t${i}`).toString('base64') }],
    });
    assert.equal(r.status, 200);
    produced.push(Number(r.body['offset']));
  }
  await call('POST', '/topics/events/records', { partition_id: 1, value: null });
  const page = await call('GET', '/topics/events/partitions/1/records?offset=1&max=3');
  assert.equal(page.status, 200);
  assert.equal(page.body['kind'], 'StreamformRecordList');
  assert.equal(page.body['high_watermark'], 6);
  assert.equal(page.body['log_start_offset'], 0);
  assert.equal(page.body['next_offset'], 4);
  const data = page.body['data'] as Json[];
  assert.deepEqual(data.map((r) => r['offset']), [1, 2, 3]);
  assert.deepEqual(data[0], {
    partition_id: 1, offset: 1, timestamp: new Date(T0).toISOString(), timestamp_type: 'CreateTime',
    key: Buffer.from('k1').toString('base64'), value: Buffer.from('{"n":1}').toString('base64'),
    headers: [{ name: 'trace', value: Buffer.from('t1').toString('base64') }],
  });
  const rest = await call('GET', '/topics/events/partitions/1/records?offset=4');
  assert.deepEqual((rest.body['data'] as Json[]).map((r) => [r['offset'], r['key'], r['value']]), [[4, Buffer.from('k4').toString('base64'), Buffer.from('{"n":4}').toString('base64')], [5, null, null]]);
  assert.equal(rest.body['next_offset'], 6);
  const atEnd = await call('GET', '/topics/events/partitions/1/records?offset=6');
  assert.deepEqual(atEnd.body['data'], []);
  assert.equal(atEnd.body['next_offset'], 6);
  assert.deepEqual(produced, [0, 1, 2, 3, 4]);
  const probe = await call('GET', '/topics/events/partitions/1/records?max=0');
  assert.deepEqual([probe.body['log_start_offset'], probe.body['high_watermark'], probe.body['data']], [0, 6, []]);
  assert.deepEqual((await call('GET', '/topics/events/partitions/0/records')).body['data'], []);
});

test('bad reads: unknown topic or partition is 404, offsets past the end or malformed are 400', async () => {
  assert.equal((await call('GET', '/topics/nope/partitions/0/records')).body['error_code'], 40403);
  assert.equal((await call('GET', '/topics/events/partitions/9/records')).body['error_code'], 40402);
  assert.equal((await call('GET', '/topics/events/partitions/1/records?offset=7')).status, 400);
  assert.equal((await call('GET', '/topics/events/partitions/1/records?offset=-1')).status, 400);
  assert.equal((await call('GET', '/topics/events/partitions/1/records?max=lots')).status, 400);
});

test('POST consumer-groups/:gid/offsets commits offsets that the lag routes then report', async () => {
  const r = await call('POST', '/consumer-groups/console/offsets', { data: [{ topic_name: 'events', partition_id: 1, offset: 4 }, { topic_name: 'events', partition_id: 0, offset: 0, metadata: 'cli' }] });
  assert.equal(r.status, 204);
  assert.deepEqual(groups.fetchOffsets(C, 'console').map((o) => [o.partition, o.offset, o.metadata]), [[0, 0, 'cli'], [1, 4, '']]);
  const lag = await call('GET', '/consumer-groups/console/lag-summary');
  assert.equal(lag.body['total_lag'], 2);
  assert.equal((await call('POST', '/consumer-groups/console/offsets', { data: [{ topic_name: 'events', partition_id: 7, offset: 0 }] })).status, 404);
  assert.equal((await call('POST', '/consumer-groups/console/offsets', { data: [{ topic_name: 'events', partition_id: 0 }] })).status, 400);
  assert.equal((await call('POST', '/consumer-groups/console/offsets', {})).status, 400);
});
