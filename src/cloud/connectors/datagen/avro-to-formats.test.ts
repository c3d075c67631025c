import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildSchemaModel } from './avro-schema-model.js';
import { connectAvroSchema, jsonSchema, protobufSchema, registeredValueSchema } from './avro-to-formats.js';
import { keyRenderer, valueConverter } from './format-values.js';
import { fromConnectOffsets, toConnectOffset } from './datagen-offsets.js';
import { DatagenSchemaError } from './datagen-schema-error.js';
import type { JsonValue } from './types.js';

const ORDERS: JsonValue = {
  namespace: 'shoes', name: 'shoe_orders', type: 'record', fields: [
    { name: 'order_id', type: { type: 'int', 'arg.properties': { iteration: { start: 1000 } } } },
    { name: 'ts', type: { type: 'long', logicalType: 'timestamp-millis', 'arg.properties': { iteration: { start: 1 } } } },
    { name: 'note', type: ['null', 'string'], default: null },
  ],
};

test('PROTOBUF: a proto3 message with fields in order and Connect\'s well-known types', () => {
  assert.equal(protobufSchema(buildSchemaModel(ORDERS)), [
    'syntax = "proto3";',
    'package shoes;',
    '',
    'import "google/protobuf/timestamp.proto";',
    '',
    'message shoe_orders {',
    '  int32 order_id = 1;',
    '  google.protobuf.Timestamp ts = 2;',
    '  string note = 3;',
    '}',
    '',
  ].join('\n'));
  const multi = buildSchemaModel({ type: 'record', name: 'r', fields: [{ name: 'u', type: ['int', 'string'] }] });
  assert.throws(() => protobufSchema(multi), DatagenSchemaError);
});

test('AVRO: annotations stripped, connect.name added, nullable unions and defaults kept', () => {
  assert.deepEqual(connectAvroSchema(buildSchemaModel(ORDERS)), {
    type: 'record', name: 'shoe_orders', namespace: 'shoes', fields: [
      { name: 'order_id', type: 'int' },
      { name: 'ts', type: { type: 'long', 'connect.version': 1, 'connect.name': 'org.apache.kafka.connect.data.Timestamp', logicalType: 'timestamp-millis' } },
      { name: 'note', type: ['null', 'string'], default: null },
    ],
    'connect.name': 'shoes.shoe_orders',
  });
});

test('JSON_SR: an object schema titled with the record name; nullable fields are not required', () => {
  const s = jsonSchema(buildSchemaModel(ORDERS)) as { title: string; required: string[]; properties: { [k: string]: { 'connect.index': number } } };
  assert.equal(s.title, 'shoes.shoe_orders');
  assert.deepEqual(s.required, ['order_id', 'ts']);
  assert.deepEqual(Object.entries(s.properties).map(([k, v]) => [k, v['connect.index']]), [['order_id', 0], ['ts', 1], ['note', 2]]);
  assert.equal(registeredValueSchema(buildSchemaModel(ORDERS), 'JSON'), undefined);
  assert.equal(registeredValueSchema(buildSchemaModel(ORDERS), 'JSON_SR')?.schemaType, 'JSON');
});

test('values per format: protobuf timestamps and unset nulls; JSON bytes as base64', () => {
  const model = buildSchemaModel(ORDERS);
  assert.deepEqual(valueConverter(model, 'PROTOBUF')({ order_id: 1, ts: 1609459200123, note: null }), { order_id: 1, ts: { seconds: 1609459200, nanos: 123000000 } });
  assert.deepEqual(valueConverter(model, 'JSON_SR')({ order_id: 1, ts: 5, note: 'x' }), { order_id: 1, ts: 5, note: 'x' });
  const bytes = buildSchemaModel({ type: 'record', name: 'b', fields: [{ name: 'raw', type: 'bytes' }] });
  assert.deepEqual(valueConverter(bytes, 'JSON')({ raw: Buffer.from('hi') }), { raw: 'aGk=' });
});

test('keys are the key field\'s string form, like Java\'s toString', () => {
  const model = buildSchemaModel({ type: 'record', name: 'k', fields: [{ name: 'i', type: 'int' }, { name: 'd', type: 'double' }, { name: 's', type: 'string' }] });
  const rec = { i: 1000, d: 3, s: 'abc' };
  assert.equal(keyRenderer(model, 'i')(rec), '1000');
  assert.equal(keyRenderer(model, 'd')(rec), '3.0');
  assert.equal(keyRenderer(model, 's')(rec), 'abc');
  assert.equal(keyRenderer(model, '')(rec), '');
});

test('offsets use the connector\'s keys and reject malformed stored values', () => {
  const pair = toConnectOffset(2, { iteration: 7, seed: 123, generation: 1 });
  assert.deepEqual(pair, { partition: { 'task.id': 2 }, offset: { 'task.generation': 1, 'current.iteration': 7, 'random.seed': 123 } });
  assert.deepEqual(fromConnectOffsets([pair], 2), { iteration: 7, seed: 123, generation: 1 });
  assert.equal(fromConnectOffsets([pair], 0), undefined);
  assert.equal(fromConnectOffsets([{ partition: { 'task.id': 0 }, offset: { 'current.iteration': 'x', 'random.seed': 1 } }], 0), undefined);
});
