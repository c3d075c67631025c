import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SchemaRegistry, SchemaType } from '@kafkajs/confluent-schema-registry';
import { SchemaRegistryStore } from './schema-registry-store.js';
import { schemaRegistryRoutes } from './schema-registry-routes.js';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Router, createDispatcher } from '../http/index.js';

const SR = 'lsrc-abc12';
let dir: string;
let db: Database.Database;
let store: SchemaRegistryStore;
let server: Server;
let root: string;
let base: string;

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-routes-'));
  db = new Database(path.join(dir, 'meta.db'));
  store = new SchemaRegistryStore(db);
  const router = new Router(schemaRegistryRoutes(store, { registryExists: (id) => id === SR }));
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  let n = 0;
  server = createServer(createDispatcher(router, { logger: quiet, requestId: () => `req-${++n}` }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  root = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  base = `${root}/sr/${SR}`;
});

after(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly text: string;
  readonly type: string | null;
}

async function call(method: string, p: string, body?: unknown, root = base): Promise<Reply> {
  const init: RequestInit = { method, headers: { 'Content-Type': 'application/vnd.schemaregistry.v1+json', Accept: 'application/vnd.schemaregistry.v1+json' } };
  if (body !== undefined) init.body = JSON.stringify(body);
  const res = await fetch(`${root}${p}`, init);
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text) as unknown;
  } catch {
    parsed = undefined;
  }
  return { status: res.status, body: parsed, text, type: res.headers.get('content-type') };
}

function errorCode(r: Reply): unknown {
  return (r.body as { error_code?: unknown }).error_code;
}

const orderV1 = JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'long' }] });
const orderV2 = JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'long' }, { name: 'note', type: 'string', default: '' }] });

describe('Schema Registry REST API', () => {
  it('registers and reads back subjects, versions and schemas', async () => {
    const reg = await call('POST', '/subjects/orders-value/versions', { schema: orderV1 });
    assert.equal(reg.status, 200);
    assert.equal(reg.type, 'application/vnd.schemaregistry.v1+json');
    const id = (reg.body as { id: number }).id;
    assert.equal(typeof id, 'number');
    assert.deepEqual((await call('GET', '/subjects')).body, ['orders-value']);
    assert.deepEqual((await call('GET', '/subjects/orders-value/versions')).body, [1]);
    assert.deepEqual((await call('GET', '/subjects/orders-value/versions/latest')).body, { subject: 'orders-value', version: 1, id, schema: orderV1 });
    assert.equal((await call('GET', '/subjects/orders-value/versions/1/schema')).text, orderV1);
    assert.deepEqual((await call('GET', `/schemas/ids/${id}`)).body, { schema: orderV1 });
    assert.equal((await call('GET', `/schemas/ids/${id}/schema`)).text, orderV1);
    assert.deepEqual((await call('GET', `/schemas/ids/${id}/versions`)).body, [{ subject: 'orders-value', version: 1 }]);
    assert.deepEqual((await call('GET', '/schemas/types')).body, ['JSON', 'PROTOBUF', 'AVRO']);
    const lookup = await call('POST', '/subjects/orders-value', { schema: orderV1 });
    assert.deepEqual(lookup.body, { subject: 'orders-value', version: 1, id, schema: orderV1 });
  });

  it('answers with Confluent error codes', async () => {
    assert.equal(errorCode(await call('GET', '/subjects/nope/versions')), 40401);
    assert.equal(errorCode(await call('GET', '/subjects/orders-value/versions/99')), 40402);
    assert.equal(errorCode(await call('GET', '/subjects/orders-value/versions/abc')), 42202);
    assert.equal(errorCode(await call('GET', '/schemas/ids/999')), 40403);
    const bad = await call('POST', '/subjects/x-value/versions', { schema: '{"type":"record","name":"R","fields":[{"name":"a","type":"nope"}]}' });
    assert.equal(bad.status, 422);
    assert.equal(errorCode(bad), 42201);
    assert.match((bad.body as { message: string }).message, /'\/fields\/0\/type'/);
    assert.equal(errorCode(await call('PUT', '/config', { compatibility: 'SIDEWAYS' })), 42203);
    assert.equal(errorCode(await call('PUT', '/mode', { mode: 'WRITEONLY' })), 42204);
    assert.equal(errorCode(await call('GET', '/config/orders-value')), 40408);
    assert.equal(errorCode(await call('GET', '/mode/orders-value')), 40409);
    const unknownCluster = await call('GET', '/subjects', undefined, `${root}/sr/lsrc-nope`);
    assert.equal(unknownCluster.status, 404);
  });

  it('rejects an incompatible schema with 409 and explains why', async () => {
    const r = await call('POST', '/subjects/orders-value/versions', { schema: JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'long' }, { name: 'email', type: 'string' }] }) });
    assert.equal(r.status, 409);
    assert.equal(errorCode(r), 409);
    assert.match((r.body as { message: string }).message, /READER_FIELD_MISSING_DEFAULT_VALUE/);
  });

  it('tests compatibility with verbose messages', async () => {
    const incompatible = JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'string' }] });
    const r = await call('POST', '/compatibility/subjects/orders-value/versions/latest?verbose=true', { schema: incompatible });
    assert.equal(r.status, 200);
    const body = r.body as { is_compatible: boolean; messages: string[] };
    assert.equal(body.is_compatible, false);
    assert.ok(body.messages.some((m) => m.includes("errorType:'TYPE_MISMATCH'")));
    assert.deepEqual((await call('POST', '/compatibility/subjects/orders-value/versions', { schema: orderV2 })).body, { is_compatible: true });
  });

  it('sets, reads and deletes config and mode', async () => {
    assert.deepEqual((await call('GET', '/config')).body, { compatibilityLevel: 'BACKWARD' });
    assert.deepEqual((await call('PUT', '/config/orders-value', { compatibility: 'full' })).body, { compatibility: 'FULL' });
    assert.deepEqual((await call('GET', '/config/orders-value')).body, { compatibilityLevel: 'FULL' });
    assert.deepEqual((await call('GET', '/config/other?defaultToGlobal=true')).body, { compatibilityLevel: 'BACKWARD' });
    assert.deepEqual((await call('DELETE', '/config/orders-value')).body, { compatibilityLevel: 'FULL' });
    assert.equal(errorCode(await call('GET', '/config/orders-value')), 40408);
    assert.deepEqual((await call('PUT', '/mode/orders-value', { mode: 'READONLY' })).body, { mode: 'READONLY' });
    const denied = await call('POST', '/subjects/orders-value/versions', { schema: orderV2 });
    assert.equal(errorCode(denied), 42205);
    assert.deepEqual((await call('DELETE', '/mode/orders-value')).body, { mode: 'READONLY' });
    assert.deepEqual((await call('GET', '/mode')).body, { mode: 'READWRITE' });
  });

  it('soft and hard deletes versions and subjects', async () => {
    await call('POST', '/subjects/tmp-value/versions', { schema: orderV1 });
    await call('POST', '/subjects/tmp-value/versions', { schema: orderV2 });
    assert.equal(errorCode(await call('DELETE', '/subjects/tmp-value/versions/1?permanent=true')), 40407);
    assert.deepEqual((await call('DELETE', '/subjects/tmp-value/versions/1')).body, 1);
    assert.equal(errorCode(await call('DELETE', '/subjects/tmp-value/versions/1')), 40406);
    assert.deepEqual((await call('GET', '/subjects/tmp-value/versions?deleted=true')).body, [1, 2]);
    assert.equal(errorCode(await call('DELETE', '/subjects/tmp-value?permanent=true')), 40405);
    assert.deepEqual((await call('DELETE', '/subjects/tmp-value')).body, [2]);
    assert.equal(errorCode(await call('DELETE', '/subjects/tmp-value')), 40404);
    assert.deepEqual((await call('DELETE', '/subjects/tmp-value?permanent=true')).body, [1, 2]);
    assert.equal(errorCode(await call('GET', '/subjects/tmp-value/versions?deleted=true')), 40401);
  });

  it('serves references and referencedby, refusing to delete a referenced version', async () => {
    const addr = JSON.stringify({ type: 'record', name: 'Address', namespace: 'acme', fields: [{ name: 'city', type: 'string' }] });
    await call('POST', '/subjects/address/versions', { schema: addr });
    const cust = await call('POST', '/subjects/customer-value/versions', {
      schema: JSON.stringify({ type: 'record', name: 'Customer', namespace: 'acme', fields: [{ name: 'home', type: 'acme.Address' }] }),
      references: [{ name: 'acme.Address', subject: 'address', version: 1 }],
    });
    const id = (cust.body as { id: number }).id;
    assert.deepEqual((await call('GET', '/subjects/address/versions/1/referencedby')).body, [id]);
    assert.deepEqual(((await call('GET', `/schemas/ids/${id}`)).body as { references: unknown }).references, [{ name: 'acme.Address', subject: 'address', version: 1 }]);
    assert.equal(errorCode(await call('DELETE', '/subjects/address/versions/1')), 42206);
  });

  it('accepts subjects with a context prefix and percent-encoded characters', async () => {
    const subject = ':.staging:orders-value';
    const r = await call('POST', `/subjects/${encodeURIComponent(subject)}/versions`, { schema: orderV1 });
    assert.equal(r.status, 200);
    assert.deepEqual((await call('GET', '/subjects?subjectPrefix=:.staging:')).body, [subject]);
  });
});

describe('interop with @kafkajs/confluent-schema-registry (unmodified)', () => {
  const client = (): SchemaRegistry => new SchemaRegistry({ host: base }, { [SchemaType.PROTOBUF]: {} });

  it('Avro: register, getLatestSchemaId, encode, decode', async () => {
    const registry = client();
    const schema = JSON.stringify({ type: 'record', name: 'Payment', namespace: 'shop', fields: [{ name: 'id', type: 'string' }, { name: 'amount', type: 'double' }] });
    const { id } = await registry.register({ type: SchemaType.AVRO, schema }, { subject: 'payments-value' });
    assert.equal(await registry.getLatestSchemaId('payments-value'), id);
    const buf = await registry.encode(id, { id: 'p1', amount: 9.5 });
    assert.deepEqual({ ...(await registry.decode(buf)) }, { id: 'p1', amount: 9.5 });
    // our codec reads what the client wrote, and the client reads what our codec wrote
    assert.deepEqual({ ...(store.codec(SR).decode(buf).value as object) }, { id: 'p1', amount: 9.5 });
    assert.deepEqual({ ...(await registry.decode(store.codec(SR).encode(id, { id: 'p2', amount: 1 }))) }, { id: 'p2', amount: 1 });
    // the client set the subject's compatibility on first registration
    assert.deepEqual((await call('GET', '/config/payments-value')).body, { compatibilityLevel: 'BACKWARD' });
  });

  it('JSON Schema: register, getLatestSchemaId, encode, decode', async () => {
    const registry = client();
    const schema = JSON.stringify({ type: 'object', properties: { sku: { type: 'string' }, qty: { type: 'integer' } }, required: ['sku'] });
    const { id } = await registry.register({ type: SchemaType.JSON, schema }, { subject: 'stock-value' });
    assert.equal(await registry.getLatestSchemaId('stock-value'), id);
    const buf = await registry.encode(id, { sku: 'a', qty: 3 });
    assert.deepEqual(await registry.decode(buf), { sku: 'a', qty: 3 });
    assert.deepEqual(store.codec(SR).decode(buf).value, { sku: 'a', qty: 3 });
    assert.deepEqual(await registry.decode(store.codec(SR).encode(id, { sku: 'b' })), { sku: 'b' });
  });

  it('Protobuf: register, getLatestSchemaId, encode, decode', async () => {
    const registry = client();
    const schema = 'syntax = "proto3";\npackage shop;\n\nmessage Shipment {\n  string tracking = 1;\n  int32 parcels = 2;\n}\n';
    const { id } = await registry.register({ type: SchemaType.PROTOBUF, schema }, { subject: 'shipments-value' });
    assert.equal(await registry.getLatestSchemaId('shipments-value'), id);
    const buf = await registry.encode(id, { tracking: 'T1', parcels: 2 });
    const decoded = (await registry.decode(buf)) as { tracking: string; parcels: number };
    assert.equal(decoded.tracking, 'T1');
    assert.equal(decoded.parcels, 2);
    // the client writes no message-index list; our lenient decoder reads it as the first message
    assert.deepEqual(store.codec(SR).decode(buf).value, { tracking: 'T1', parcels: 2 });
    const ours = store.codec(SR).encode(id, { tracking: 'T2', parcels: 5 });
    assert.equal(ours[5], 0);
    const back = (await registry.decode(ours)) as { tracking: string; parcels: number };
    assert.equal(back.tracking, 'T2');
    assert.equal(back.parcels, 5);
  });
});
