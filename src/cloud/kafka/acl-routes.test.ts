import { test, after, before } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { fixedClock } from '../../shared/index.js';
import { Router, createDispatcher } from '../http/index.js';
import { AclStore, TopicLogStore, kafkaRestRoutes } from './index.js';

const C = 'lkc-acl01';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'streamform-acls-'));
const file = path.join(dir, 'cloud.db');
const clock = fixedClock(Date.parse('2026-01-02T03:04:05.000Z'));
let store = TopicLogStore.open(file, { clock });
let server: http.Server;
let base = '';

async function serve(): Promise<void> {
  const router = new Router(kafkaRestRoutes(store, { clusterExists: (id) => id === C, clock, acls: new AclStore(store.database) }));
  server = http.createServer(createDispatcher(router, { logger: { info: () => {}, warn: () => {}, error: () => {} }, requestId: () => 'r' }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/kafka/v3/clusters/${C}`;
}
async function stop(): Promise<void> {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  store.close();
}

before(serve);
after(async () => { await stop(); fs.rmSync(dir, { recursive: true, force: true }); });

type Json = { [k: string]: unknown };
async function call(method: string, p: string, body?: unknown): Promise<{ status: number; body: Json }> {
  const init: RequestInit = { method, headers: { 'content-type': 'application/json' } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(`${base}${p}`, init);
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Json) };
}
const names = (body: Json): string[] => (body['data'] as Json[]).map((a) => `${String(a['resource_type'])}:${String(a['resource_name'])}:${String(a['pattern_type'])}:${String(a['principal'])}:${String(a['operation'])}:${String(a['permission'])}`);
const acl = (over: Json = {}): Json => ({ resource_type: 'TOPIC', resource_name: 'orders', pattern_type: 'LITERAL', principal: 'User:sa-1', host: '*', operation: 'READ', permission: 'ALLOW', ...over });
const q = (o: Json): string => `?${new URLSearchParams(o as Record<string, string>).toString()}`;

test('POST /acls creates a binding (201, no body); GET lists it in the KafkaAcl shape', async () => {
  const created = await call('POST', '/acls', acl());
  assert.equal(created.status, 201);
  const listed = await call('GET', `/acls${q(acl())}`);
  assert.equal(listed.status, 200);
  assert.equal(listed.body['kind'], 'KafkaAclList');
  const one = (listed.body['data'] as Json[])[0];
  assert.deepEqual({ ...one, metadata: undefined }, { kind: 'KafkaAcl', metadata: undefined, cluster_id: C, ...acl() });
  assert.match(String((one?.['metadata'] as Json)['self']), /\/acls\?resource_type=TOPIC&resource_name=orders&pattern_type=LITERAL/);
  assert.equal((await call('POST', '/acls', acl())).status, 201, 'creating an existing binding is a no-op');
  assert.equal(names((await call('GET', '/acls')).body).length, 1);
});

test('acls:batch creates many; filters: ANY, absent fields, MATCH against literal, wildcard and prefixed bindings', async () => {
  const batch = await call('POST', '/acls:batch', { data: [
    acl({ resource_name: 'orders-', pattern_type: 'PREFIXED', operation: 'WRITE' }),
    acl({ resource_name: '*', principal: 'User:sa-2' }),
    acl({ resource_type: 'GROUP', resource_name: 'app', principal: 'User:sa-2', permission: 'DENY' }),
    acl({ resource_type: 'CLUSTER', resource_name: 'kafka-cluster', operation: 'DESCRIBE' }),
  ] });
  assert.equal(batch.status, 201);
  assert.equal(names((await call('GET', '/acls')).body).length, 5);
  assert.deepEqual(names((await call('GET', '/acls?resource_type=GROUP')).body), ['GROUP:app:LITERAL:User:sa-2:READ:DENY']);
  assert.deepEqual(names((await call('GET', '/acls?principal=User:sa-2&resource_type=ANY&pattern_type=ANY')).body), ['GROUP:app:LITERAL:User:sa-2:READ:DENY', 'TOPIC:*:LITERAL:User:sa-2:READ:ALLOW']);
  assert.deepEqual(names((await call('GET', '/acls?resource_type=TOPIC&resource_name=orders-eu&pattern_type=MATCH')).body), [
    'TOPIC:*:LITERAL:User:sa-2:READ:ALLOW', 'TOPIC:orders-:PREFIXED:User:sa-1:WRITE:ALLOW',
  ]);
  assert.deepEqual(names((await call('GET', '/acls?resource_type=TOPIC&resource_name=orders&pattern_type=LITERAL')).body), ['TOPIC:orders:LITERAL:User:sa-1:READ:ALLOW']);
  assert.deepEqual(names((await call('GET', '/acls?operation=WRITE&permission=ALLOW')).body), ['TOPIC:orders-:PREFIXED:User:sa-1:WRITE:ALLOW']);
});

test('bad bindings and filters are 400 with Kafka REST error codes; nothing is stored from a bad batch', async () => {
  for (const [bad, field] of [
    [acl({ resource_type: 'ANY' }), 'resource_type'], [acl({ pattern_type: 'MATCH' }), 'pattern_type'], [acl({ operation: 'FLY' }), 'operation'],
    [acl({ permission: 'MAYBE' }), 'permission'], [acl({ principal: 'sa-1' }), 'principal'], [acl({ resource_name: '' }), 'resource_name'],
    [acl({ resource_type: 'CLUSTER', resource_name: 'other' }), 'kafka-cluster'],
  ] as const) {
    const r = await call('POST', '/acls', bad);
    assert.equal(r.status, 400, field);
    assert.equal(r.body['error_code'], 40002);
    assert.match(String(r.body['message']), new RegExp(field));
  }
  const before = names((await call('GET', '/acls')).body).length;
  assert.equal((await call('POST', '/acls:batch', { data: [acl({ resource_name: 'fresh' }), acl({ operation: 'NOPE' })] })).status, 400);
  assert.equal(names((await call('GET', '/acls')).body).length, before);
  assert.equal((await call('GET', '/acls?pattern_type=SOMETIMES')).status, 400);
  assert.equal((await call('DELETE', '/acls')).status, 400, 'a delete must name resource_type');
});

test('DELETE /acls removes the matching bindings and answers them; others stay', async () => {
  const gone = await call('DELETE', `/acls${q(acl({ resource_name: 'orders-', pattern_type: 'PREFIXED', operation: 'WRITE' }))}`);
  assert.equal(gone.status, 200);
  assert.deepEqual(names(gone.body), ['TOPIC:orders-:PREFIXED:User:sa-1:WRITE:ALLOW']);
  assert.deepEqual(names((await call('DELETE', `/acls${q(acl({ resource_name: 'orders-', pattern_type: 'PREFIXED', operation: 'WRITE' }))}`)).body), []);
  const byPrincipal = await call('DELETE', '/acls?resource_type=ANY&principal=User:sa-2');
  assert.equal(names(byPrincipal.body).length, 2);
  assert.deepEqual(names((await call('GET', '/acls')).body), ['CLUSTER:kafka-cluster:LITERAL:User:sa-1:DESCRIBE:ALLOW', 'TOPIC:orders:LITERAL:User:sa-1:READ:ALLOW']);
});

test('ACLs of an unknown cluster are 404; bindings survive a reopen of the database', async () => {
  const other = await fetch(base.replace(C, 'lkc-nope') + '/acls');
  assert.equal(other.status, 404);
  await stop();
  store = TopicLogStore.open(file, { clock });
  await serve();
  assert.equal(names((await call('GET', '/acls')).body).length, 2);
});
