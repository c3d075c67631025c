import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import avro from 'avsc';
import { QUICKSTARTS, findQuickstart, quickstartsDir, readQuickstartSchema } from './quickstarts.js';
import { parseLenientJson } from './lenient-json.js';
import { buildSchemaModel } from './avro-schema-model.js';
import { connectAvroSchema } from './avro-to-formats.js';
import { generateRecords } from './index.js';
import type { AvroDatum, JsonObject, JsonValue } from './types.js';

function schemaOf(file: string): JsonObject {
  const parsed = parseLenientJson(readQuickstartSchema(file));
  assert.ok('value' in parsed, `${file} parses`);
  const v = parsed.value;
  assert.ok(typeof v === 'object' && v !== null && !Array.isArray(v));
  return v as JsonObject;
}

function stripArgProperties(v: JsonValue): JsonValue {
  if (Array.isArray(v)) return (v as readonly JsonValue[]).map(stripArgProperties);
  if (typeof v !== 'object' || v === null) return v;
  const out: Record<string, JsonValue> = {};
  for (const [k, x] of Object.entries(v)) if (k !== 'arg.properties') out[k] = stripArgProperties(x);
  return out;
}

function quickstart(name: string): { file: string; schema: JsonObject } {
  const q = findQuickstart(name);
  assert.ok(q !== undefined);
  return { file: q.schemaFile, schema: schemaOf(q.schemaFile) };
}

function optionField(schema: JsonObject, field: string): unknown[] {
  const opts = (schema['arg.properties'] as { options: { [k: string]: unknown }[] }).options;
  return opts.map((o) => o[field]);
}

type Row = { readonly [key: string]: AvroDatum };

test('the enum lists 38 quickstarts, one per shipped schema file, with the NOTICE beside them', () => {
  assert.equal(QUICKSTARTS.length, 38);
  const dir = quickstartsDir();
  assert.equal(path.basename(dir), 'quickstarts');
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.avro')).sort();
  assert.deepEqual(QUICKSTARTS.map((q) => q.schemaFile).sort(), files);
  const notice = fs.readFileSync(path.join(dir, 'NOTICE'), 'utf8');
  assert.match(notice, /Apache License, Version 2\.0/);
  assert.match(notice, /confluentinc\/kafka-connect-datagen[\s\S]*ae9c03e40671dcd27bb5652e25c7ea6fdd8fe933/);
  assert.equal(findQuickstart('shoe_orders')?.keyField, 'order_id');
  assert.equal(findQuickstart('Users_')?.schemaFile, 'users_array_map_schema.avro');
  assert.equal(findQuickstart('NOPE'), undefined);
});

for (const q of QUICKSTARTS) {
  test(`${q.name}: 200 records validate against the schema without annotations and the registered schema`, () => {
    const schema = schemaOf(q.schemaFile);
    const fields = (schema['fields'] as JsonObject[]).map((f) => f['name']);
    assert.ok(fields.includes(q.keyField), `key field ${q.keyField}`);
    const plain = avro.Type.forSchema(stripArgProperties(schema) as avro.Schema);
    const registered = avro.Type.forSchema(connectAvroSchema(buildSchemaModel(schema)) as avro.Schema);
    for (const rec of generateRecords(schema, 200, 2024)) {
      const bad: string[] = [];
      assert.ok(plain.isValid(rec, { errorHook: (p) => bad.push(p.join('.')) }), `${q.name} invalid at ${bad.join(', ')}: ${JSON.stringify(rec)}`);
      assert.ok(registered.isValid(rec), `${q.name} invalid against the registered schema`);
    }
  });
}

test('SHOES emits exactly the 643 products (20 brands) of its options list', () => {
  const { schema } = quickstart('SHOES');
  const ids = new Set(optionField(schema, 'id'));
  assert.equal(ids.size, 643);
  const rows = generateRecords(schema, 20000, 1) as Row[];
  assert.deepEqual(new Set(rows.map((r) => r['id'])), ids);
  assert.equal(new Set(rows.map((r) => r['brand'])).size, 20);
});

test('SHOE_CUSTOMERS emits 301 distinct customers including the lab example', () => {
  const { schema } = quickstart('SHOE_CUSTOMERS');
  const rows = generateRecords(schema, 10000, 2) as Row[];
  const ids = new Set(rows.map((r) => r['id']));
  assert.equal(ids.size, 301);
  assert.ok(ids.has('b523f7f3-0338-4f1f-a951-a387beeb8b6a'));
  assert.ok(rows.every((r) => r['country'] === 'United States' && r['country_code'] === 'US'));
});

test('SHOE_ORDERS iterates order_id from 1000 and ts by 100 s from 2021-01-01, joining known products and customers', () => {
  const products = new Set(optionField(quickstart('SHOES').schema, 'id'));
  const customers = new Set(optionField(quickstart('SHOE_CUSTOMERS').schema, 'id'));
  const rows = generateRecords(quickstart('SHOE_ORDERS').schema, 3000, 3) as Row[];
  rows.forEach((r, i) => {
    assert.equal(r['order_id'], 1000 + i);
    assert.equal(r['ts'], 1609459200000 + 100000 * i);
    assert.ok(products.has(r['product_id']), `product ${String(r['product_id'])}`);
    assert.ok(customers.has(r['customer_id']), `customer ${String(r['customer_id'])}`);
  });
});

test('SHOE_CLICKSTREAM: page_url matches its regex, view_time in 10..119, ts steps 10 s', () => {
  const rows = generateRecords(quickstart('SHOE_CLICKSTREAM').schema, 2000, 4) as Row[];
  const views = new Set<AvroDatum>();
  rows.forEach((r, i) => {
    assert.match(String(r['page_url']), /^https:\/\/www\.acme\.com\/product\/[a-z]{5}$/);
    views.add(r['view_time'] ?? null);
    assert.equal(r['ts'], 1609457200000 + 10000 * i);
  });
  assert.equal(Math.min(...[...views].map(Number)), 10);
  assert.equal(Math.max(...[...views].map(Number)), 119);
});
