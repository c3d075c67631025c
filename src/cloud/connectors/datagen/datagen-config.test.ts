import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { validateDatagenConfig } from './datagen-config.js';
import type { Diagnostic } from '../../../shared/index.js';

const BASE = { 'connector.class': 'DatagenSource', name: 'datagen_orders', 'kafka.topic': 'shoe_orders', quickstart: 'SHOE_ORDERS' };

function problems(raw: { readonly [key: string]: string }): Diagnostic[] {
  const out = validateDatagenConfig(raw);
  assert.equal(out.value, undefined, 'expected the config to be rejected');
  return [...out.diagnostics];
}

function only(raw: { readonly [key: string]: string }): Diagnostic {
  const ds = problems(raw);
  assert.equal(ds.length, 1, ds.map((d) => d.summary).join('\n'));
  const d = ds[0];
  assert.ok(d !== undefined);
  return d;
}

test('the shoe-store connector config validates with the documented defaults', () => {
  const out = validateDatagenConfig({ ...BASE, 'output.data.format': 'AVRO', 'max.interval': '500', 'tasks.max': '1' });
  assert.deepEqual(out.diagnostics, []);
  const c = out.value;
  assert.ok(c !== undefined);
  assert.equal(c.topic, 'shoe_orders');
  assert.equal(c.keyField, 'order_id');
  assert.equal(c.outputFormat, 'AVRO');
  assert.equal(c.keyFormat, 'STRING');
  assert.equal(c.maxIntervalMs, 500);
  assert.equal(c.iterations, -1);
  assert.equal(c.tasksMax, 1);
  assert.equal(c.randomSeed, undefined);
  assert.deepEqual(c.source, { kind: 'quickstart', quickstart: { name: 'SHOE_ORDERS', schemaFile: 'shoe_orders.avro', keyField: 'order_id' } });
  const d = validateDatagenConfig({ 'connector.class': 'DatagenSource', 'kafka.topic': 't', quickstart: 'shoes' }).value;
  assert.equal(d?.outputFormat, 'AVRO');
  assert.equal(d?.maxIntervalMs, 500);
});

test('quickstart is case-insensitive and schema.keyfield overrides its key field', () => {
  const c = validateDatagenConfig({ ...BASE, quickstart: 'shoe_orders', 'schema.keyfield': 'customer_id', 'random.seed': '-42', iterations: '10', 'output.data.format': 'json_sr' }).value;
  assert.equal(c?.keyField, 'customer_id');
  assert.equal(c?.randomSeed, '-42');
  assert.equal(c?.iterations, 10);
  assert.equal(c?.outputFormat, 'JSON_SR');
});

test('missing and invalid values name the config key', () => {
  const d1 = only({ 'connector.class': 'DatagenSource', quickstart: 'SHOES' });
  assert.equal(d1.code, 'datagen-missing-config');
  assert.equal(d1.address, 'kafka.topic');
  assert.match(d1.summary, /kafka\.topic/);
  const d2 = only({ ...BASE, 'max.interval': 'soon' });
  assert.equal(d2.address, 'max.interval');
  assert.match(d2.summary, /Invalid value soon for configuration max\.interval/);
  assert.equal(only({ ...BASE, 'max.interval': '-1' }).address, 'max.interval');
  assert.equal(only({ ...BASE, 'tasks.max': '0' }).address, 'tasks.max');
  assert.equal(only({ ...BASE, 'random.seed': '99999999999999999999' }).address, 'random.seed');
  const d3 = only({ ...BASE, 'output.data.format': 'XML' });
  assert.match(d3.summary, /must be one of AVRO, JSON_SR, PROTOBUF, JSON/);
  assert.equal(only({ ...BASE, 'output.key.format': 'AVRO' }).address, 'output.key.format');
  assert.equal(only({ ...BASE, 'connector.class': 'S3_SINK' }).address, 'connector.class');
  assert.equal(only({ ...BASE, 'kafka.topic': 'bad topic!' }).address, 'kafka.topic');
});

test('exactly one schema source: none, two, unknown quickstart', () => {
  const none = only({ 'connector.class': 'DatagenSource', 'kafka.topic': 't' });
  assert.equal(none.code, 'datagen-missing-config');
  assert.match(none.summary, /quickstart.*schema\.string.*schema\.filename/);
  const two = only({ ...BASE, 'schema.string': '{"type":"record","name":"r","fields":[]}' });
  assert.equal(two.code, 'datagen-conflicting-config');
  const unknown = only({ ...BASE, quickstart: 'SHOE_ORDER' });
  assert.equal(unknown.code, 'datagen-unknown-quickstart');
  assert.match(unknown.summary, /Did you mean "SHOE_ORDERS"\?/);
});

test('schema.string is parsed, compiled and its key field checked', () => {
  const schema = JSON.stringify({ type: 'record', name: 'r', fields: [{ name: 'id', type: { type: 'int', 'arg.properties': { iteration: { start: 1 } } } }] });
  const ok = validateDatagenConfig({ 'connector.class': 'DatagenSource', 'kafka.topic': 't', 'schema.string': schema, 'schema.keyfield': 'id' });
  assert.equal(ok.value?.keyField, 'id');
  assert.deepEqual(ok.value?.source, { kind: 'schema-string' });
  const noKey = validateDatagenConfig({ 'connector.class': 'DatagenSource', 'kafka.topic': 't', 'schema.string': schema });
  assert.equal(noKey.value?.keyField, '');
  const badKey = only({ 'connector.class': 'DatagenSource', 'kafka.topic': 't', 'schema.string': schema, 'schema.keyfield': 'idd' });
  assert.equal(badKey.address, 'schema.keyfield');
  assert.match(badKey.summary, /no top-level field "idd".*Did you mean "id"/);
  const notJson = only({ 'connector.class': 'DatagenSource', 'kafka.topic': 't', 'schema.string': '{nope' });
  assert.equal(notJson.code, 'datagen-invalid-schema');
  const badAnnotation = only({ 'connector.class': 'DatagenSource', 'kafka.topic': 't', 'schema.string': JSON.stringify({ type: 'record', name: 'r', fields: [{ name: 'x', type: { type: 'int', 'arg.properties': { range: { min: 5, max: 1 } } } }] }) });
  assert.equal(badAnnotation.address, 'schema.string');
  assert.match(badAnnotation.summary, /strictly less than/);
  assert.equal(only({ 'connector.class': 'DatagenSource', 'kafka.topic': 't', 'schema.string': '"string"' }).code, 'datagen-invalid-schema');
});

test('schema.filename takes a shipped quickstart file or an absolute path', () => {
  const shipped = validateDatagenConfig({ 'connector.class': 'DatagenSource', 'kafka.topic': 't', 'schema.filename': 'shoes.avro', 'schema.keyfield': 'id' });
  assert.deepEqual(shipped.diagnostics, []);
  assert.equal(shipped.value?.schema['name'], 'shoe_product');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datagen-config-'));
  try {
    const file = path.join(dir, 'mine.avro');
    fs.writeFileSync(file, '// my schema\n{"type":"record","name":"mine","fields":[{"name":"a","type":"string"}]}');
    const own = validateDatagenConfig({ 'connector.class': 'DatagenSource', 'kafka.topic': 't', 'schema.filename': file });
    assert.deepEqual(own.value?.source, { kind: 'schema-file', path: file });
    assert.equal(only({ 'connector.class': 'DatagenSource', 'kafka.topic': 't', 'schema.filename': path.join(dir, 'missing.avro') }).address, 'schema.filename');
    assert.equal(only({ 'connector.class': 'DatagenSource', 'kafka.topic': 't', 'schema.filename': 'relative/x.avro' }).address, 'schema.filename');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
