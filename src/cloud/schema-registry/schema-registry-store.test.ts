import { afterEach, beforeEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { SchemaRegistryStore } from './schema-registry-store.js';
import { SchemaRegistryError } from './registry-errors.js';
import type { SchemaInput } from './types.js';

const SR = 'lsrc-abc12';
let dir: string;
let db: Database.Database;
let store: SchemaRegistryStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sr-store-'));
  db = new Database(path.join(dir, 'meta.db'));
  db.pragma('journal_mode = WAL');
  store = new SchemaRegistryStore(db);
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const avro = (fields: readonly unknown[], name = 'Order'): SchemaInput => ({
  schemaType: 'AVRO', references: [], schema: JSON.stringify({ type: 'record', name, fields }),
});
const v1 = avro([{ name: 'id', type: 'long' }]);
const v2 = avro([{ name: 'id', type: 'long' }, { name: 'note', type: 'string', default: '' }]);

function code(fn: () => unknown): number {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof SchemaRegistryError, String(e));
    return e.code;
  }
  assert.fail('expected a SchemaRegistryError');
}

describe('registration and ids', () => {
  it('numbers versions per subject and hands out global ids from 100001', () => {
    assert.deepEqual(store.register(SR, 'orders-value', v1), { id: 100001, version: 1 });
    assert.deepEqual(store.register(SR, 'orders-value', v2), { id: 100002, version: 2 });
    assert.deepEqual(store.listVersions(SR, 'orders-value'), [1, 2]);
    assert.equal(store.getVersion(SR, 'orders-value', 'latest').id, 100002);
  });

  it('returns the existing id and version for an identical schema, ignoring whitespace', () => {
    store.register(SR, 'orders-value', v1);
    const pretty = { ...v1, schema: JSON.stringify(JSON.parse(v1.schema), null, 4) };
    assert.deepEqual(store.register(SR, 'orders-value', pretty), { id: 100001, version: 1 });
    assert.deepEqual(store.listVersions(SR, 'orders-value'), [1]);
  });

  it('reuses the id when the same schema is registered under another subject', () => {
    store.register(SR, 'a-value', v1);
    assert.deepEqual(store.register(SR, 'b-value', v1), { id: 100001, version: 1 });
    assert.deepEqual(store.versionsOfSchema(SR, 100001), [{ subject: 'a-value', version: 1 }, { subject: 'b-value', version: 1 }]);
  });

  it('keeps SR clusters apart', () => {
    store.register(SR, 'a-value', v1);
    assert.deepEqual(store.listSubjects('lsrc-other'), []);
    assert.equal(code(() => store.schemaById('lsrc-other', 100001)), 40403);
  });

  it('with normalize, key order does not create a new version', () => {
    store.register(SR, 's', v1, { normalize: true });
    const reordered: SchemaInput = { ...v1, schema: JSON.stringify({ fields: [{ type: 'long', name: 'id' }], name: 'Order', type: 'record' }) };
    assert.deepEqual(store.register(SR, 's', reordered, { normalize: true }), { id: 100001, version: 1 });
    assert.deepEqual(store.register(SR, 's', reordered).version, 2);
  });

  it('rejects an incompatible schema with 409 and the reasons', () => {
    store.register(SR, 's', v1);
    const bad = avro([{ name: 'id', type: 'long' }, { name: 'email', type: 'string' }]);
    try {
      store.register(SR, 's', bad);
      assert.fail('expected 409');
    } catch (e) {
      assert.ok(e instanceof SchemaRegistryError);
      assert.equal(e.code, 409);
      assert.equal(e.status, 409);
      assert.match(e.message, /READER_FIELD_MISSING_DEFAULT_VALUE.*'email'/);
    }
    store.settings.setConfig(SR, 's', { compatibility: 'NONE' });
    assert.equal(store.register(SR, 's', bad).version, 2);
  });

  it('rejects an invalid schema with 42201 pointing at the problem', () => {
    const e = (() => { try { store.register(SR, 's', avro([{ name: 'id', type: 'lng' }])); } catch (x) { return x; } return undefined; })();
    assert.ok(e instanceof SchemaRegistryError);
    assert.equal(e.code, 42201);
    assert.match(e.message, /'\/fields\/0\/type'/);
  });

  it('looks up the version holding a schema', () => {
    store.register(SR, 's', v1);
    store.register(SR, 's', v2);
    assert.equal(store.lookup(SR, 's', v1).version, 1);
    assert.equal(code(() => store.lookup(SR, 's', avro([{ name: 'x', type: 'int' }]))), 40403);
    assert.equal(code(() => store.lookup(SR, 'nope', v1)), 40401);
  });

  it('survives a reopen of the database file', () => {
    store.register(SR, 's', v1);
    store.settings.setConfig(SR, 's', { compatibility: 'FULL' });
    db.close();
    db = new Database(path.join(dir, 'meta.db'));
    store = new SchemaRegistryStore(db);
    assert.equal(store.getVersion(SR, 's', 1).id, 100001);
    assert.equal(store.settings.getConfig(SR, 's').compatibilityLevel, 'FULL');
    assert.equal(store.register(SR, 's', v2).id, 100002);
  });
});

describe('soft and hard delete', () => {
  beforeEach(() => {
    store.register(SR, 's', v1);
    store.register(SR, 's', v2);
  });

  it('soft-deleted versions are hidden unless deleted=true', () => {
    assert.equal(store.deleteVersion(SR, 's', 1), 1);
    assert.deepEqual(store.listVersions(SR, 's'), [2]);
    assert.deepEqual(store.listVersions(SR, 's', { deleted: true }), [1, 2]);
    assert.equal(code(() => store.getVersion(SR, 's', 1)), 40402);
    assert.equal(store.getVersion(SR, 's', 1, { deleted: true }).deleted, true);
    assert.equal(code(() => store.deleteVersion(SR, 's', 1)), 40406);
  });

  it('hard delete of a version needs a soft delete first (40407)', () => {
    assert.equal(code(() => store.deleteVersion(SR, 's', 2, { permanent: true })), 40407);
    store.deleteVersion(SR, 's', 2);
    assert.equal(store.deleteVersion(SR, 's', 2, { permanent: true }), 2);
    assert.deepEqual(store.listVersions(SR, 's', { deleted: true }), [1]);
    assert.equal(code(() => store.schemaById(SR, 100002)), 40403);
  });

  it('hard delete of a subject needs a soft delete first (40405), a second soft delete is 40404', () => {
    assert.equal(code(() => store.deleteSubject(SR, 's', { permanent: true })), 40405);
    assert.deepEqual(store.deleteSubject(SR, 's'), [1, 2]);
    assert.equal(code(() => store.deleteSubject(SR, 's')), 40404);
    assert.deepEqual(store.listSubjects(SR), []);
    assert.deepEqual(store.listSubjects(SR, { deleted: true }), ['s']);
    assert.deepEqual(store.deleteSubject(SR, 's', { permanent: true }), [1, 2]);
    assert.deepEqual(store.listSubjects(SR, { deleted: true }), []);
    assert.equal(code(() => store.deleteSubject(SR, 's')), 40401);
  });

  it('after a soft delete of the subject, registering starts the next version number and ids stay', () => {
    store.deleteSubject(SR, 's');
    assert.deepEqual(store.register(SR, 's', v1), { id: 100001, version: 3 });
  });

  it('deleting the last live version drops the subject config', () => {
    store.settings.setConfig(SR, 's', { compatibility: 'FULL' });
    store.deleteSubject(SR, 's');
    assert.equal(code(() => store.settings.getConfig(SR, 's')), 40408);
  });
});

describe('config and mode', () => {
  it('subject config falls back to the global one, default BACKWARD', () => {
    assert.deepEqual(store.settings.getConfig(SR), { compatibilityLevel: 'BACKWARD' });
    assert.equal(code(() => store.settings.getConfig(SR, 's')), 40408);
    store.settings.setConfig(SR, undefined, { compatibility: 'FULL' });
    assert.equal(store.settings.getConfig(SR, 's', { defaultToGlobal: true }).compatibilityLevel, 'FULL');
    store.settings.setConfig(SR, 's', { compatibility: 'NONE', normalize: true });
    assert.deepEqual(store.settings.getConfig(SR, 's'), { compatibilityLevel: 'NONE', normalize: true });
    assert.deepEqual(store.settings.deleteConfig(SR, 's'), { compatibilityLevel: 'NONE', normalize: true });
    assert.equal(code(() => store.settings.deleteConfig(SR, 's')), 40408);
  });

  it('READONLY rejects register and delete with 42205', () => {
    store.register(SR, 's', v1);
    store.setMode(SR, 's', 'READONLY');
    assert.equal(code(() => store.register(SR, 's', v2)), 42205);
    assert.equal(code(() => store.deleteVersion(SR, 's', 1)), 42205);
    store.register(SR, 'other', v2);
    store.settings.deleteMode(SR, 's');
    assert.equal(store.register(SR, 's', v2).version, 2);
  });

  it('global READONLY applies to every subject; subject mode overrides it', () => {
    store.setMode(SR, undefined, 'READONLY');
    assert.equal(code(() => store.register(SR, 's', v1)), 42205);
    store.setMode(SR, 's', 'READWRITE');
    assert.equal(store.register(SR, 's', v1).version, 1);
    assert.equal(code(() => store.settings.getMode(SR, 't')), 40409);
    assert.equal(store.settings.getMode(SR, 't', { defaultToGlobal: true }), 'READONLY');
  });

  it('IMPORT needs force when subjects exist and accepts explicit ids and versions', () => {
    store.register(SR, 's', v1);
    assert.equal(code(() => store.setMode(SR, undefined, 'IMPORT')), 42205);
    assert.equal(code(() => store.register(SR, 'imp', v2, { id: 7 })), 42205);
    store.setMode(SR, undefined, 'IMPORT', { force: true });
    assert.deepEqual(store.register(SR, 'imp', v2, { id: 7, version: 5 }), { id: 7, version: 5 });
    assert.equal(store.schemaById(SR, 7).schema, v2.schema);
    assert.equal(code(() => store.register(SR, 'imp2', avro([{ name: 'z', type: 'int' }]), { id: 7 })), 42205);
  });
});

describe('references', () => {
  const address: SchemaInput = { schemaType: 'AVRO', references: [], schema: JSON.stringify({ type: 'record', name: 'Address', namespace: 'acme', fields: [{ name: 'city', type: 'string' }] }) };
  const customer: SchemaInput = {
    schemaType: 'AVRO',
    references: [{ name: 'acme.Address', subject: 'address', version: 1 }],
    schema: JSON.stringify({ type: 'record', name: 'Customer', namespace: 'acme', fields: [{ name: 'home', type: 'acme.Address' }] }),
  };

  it('registers a schema that references another subject and refuses to delete the referenced version (42206)', () => {
    store.register(SR, 'address', address);
    const { id } = store.register(SR, 'customer', customer);
    assert.deepEqual(store.referencedBy(SR, 'address', 1), [id]);
    assert.deepEqual(store.schemaById(SR, id).references, customer.references);
    assert.equal(code(() => store.deleteVersion(SR, 'address', 1)), 42206);
    assert.equal(code(() => store.deleteSubject(SR, 'address')), 42206);
    store.deleteSubject(SR, 'customer');
    assert.deepEqual(store.referencedBy(SR, 'address', 1), []);
    assert.equal(store.deleteVersion(SR, 'address', 1), 1);
  });

  it('a reference to a missing subject version is an invalid schema (42201)', () => {
    assert.equal(code(() => store.register(SR, 'customer', customer)), 42201);
  });

  it('codecs decode records of a schema with references', () => {
    store.register(SR, 'address', address);
    const { id } = store.register(SR, 'customer', customer);
    const codec = store.codec(SR);
    const out = codec.decode(codec.encode(id, { home: { city: 'Oslo' } }));
    assert.equal((out.value as { home: { city: string } }).home.city, 'Oslo');
  });
});

describe('references in JSON Schema and Protobuf', () => {
  it('JSON Schema $ref by reference name validates through the codec', () => {
    store.register(SR, 'money', { schemaType: 'JSON', references: [], schema: JSON.stringify({ type: 'object', properties: { units: { type: 'integer' } }, required: ['units'] }) });
    const { id } = store.register(SR, 'payment-value', {
      schemaType: 'JSON', references: [{ name: 'money.json', subject: 'money', version: 1 }],
      schema: JSON.stringify({ type: 'object', properties: { amount: { $ref: 'money.json' } } }),
    });
    const codec = store.codec(SR);
    assert.deepEqual(codec.decode(codec.encode(id, { amount: { units: 5 } })).value, { amount: { units: 5 } });
    assert.throws(() => codec.encode(id, { amount: {} }), /units/);
  });

  it('Protobuf imports resolve to referenced subjects, and nested messages get their index path', () => {
    store.register(SR, 'common.proto', { schemaType: 'PROTOBUF', references: [], schema: 'syntax = "proto3";\npackage common;\nmessage Money { int64 units = 1; }\n' });
    const { id } = store.register(SR, 'payment-value', {
      schemaType: 'PROTOBUF', references: [{ name: 'common.proto', subject: 'common.proto', version: 1 }],
      schema: 'syntax = "proto3";\npackage pay;\nimport "common.proto";\nmessage Payment { common.Money amount = 1; message Fee { common.Money amount = 1; } }\nmessage Refund { string id = 1; }\n',
    });
    const codec = store.codec(SR);
    const fee = codec.encode(id, { amount: { units: 3 } }, { messageName: 'pay.Payment.Fee' });
    assert.deepEqual(codec.decode(fee), { schemaId: id, value: { amount: { units: 3 } }, messageName: 'pay.Payment.Fee' });
    const refund = codec.encode(id, { id: 'r1' }, { messageName: 'pay.Refund' });
    assert.equal(codec.decode(refund).messageName, 'pay.Refund');
    assert.equal(code(() => store.deleteVersion(SR, 'common.proto', 1)), 42206);
  });
});

describe('contexts', () => {
  it('keeps a context prefix as part of the subject name and lists contexts', () => {
    store.register(SR, ':.staging:orders-value', v1);
    store.register(SR, 'plain', v1);
    assert.deepEqual(store.listSubjects(SR, { prefix: ':.staging:' }), [':.staging:orders-value']);
    assert.deepEqual(store.listContexts(SR), ['.', '.staging']);
  });
});

describe('Protobuf identity', () => {
  const p = (text: string): SchemaInput => ({ schemaType: 'PROTOBUF', references: [], schema: text });

  it('layout and comments do not make a new version, message order does', () => {
    const a = 'syntax = "proto3";\npackage s;\nmessage A { int32 x = 1; }\nmessage B { string y = 1; }\n';
    const spaced = '// orders\nsyntax = "proto3";\n\npackage s;\n\nmessage A {\n  int32 x = 1;\n}\n\nmessage B {\n  string y = 1;\n}\n';
    const swapped = 'syntax = "proto3";\npackage s;\nmessage B { string y = 1; }\nmessage A { int32 x = 1; }\n';
    assert.deepEqual(store.register(SR, 's', p(a)), { id: 100001, version: 1 });
    assert.deepEqual(store.register(SR, 's', p(spaced)), { id: 100001, version: 1 });
    store.settings.setConfig(SR, 's', { compatibility: 'NONE' });
    assert.equal(store.register(SR, 's', p(swapped)).version, 2);
  });
});

describe('dropping a registry', () => {
  it('removes its subjects, schemas and settings and leaves other clusters alone', () => {
    store.register(SR, 's', v1);
    store.register('lsrc-keep', 's', v1);
    store.settings.setConfig(SR, undefined, { compatibility: 'FULL' });
    store.dropRegistry(SR);
    assert.deepEqual(store.listSubjects(SR, { deleted: true }), []);
    assert.equal(code(() => store.schemaById(SR, 100001)), 40403);
    assert.equal(store.settings.getConfig(SR).compatibilityLevel, 'BACKWARD');
    assert.deepEqual(store.listSubjects('lsrc-keep'), ['s']);
  });
});
