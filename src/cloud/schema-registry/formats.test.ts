import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSchema } from './parse-schema.js';
import { SchemaParseError } from './registry-errors.js';

function parseError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof SchemaParseError, `expected SchemaParseError, got ${String(e)}`);
    return e.message;
  }
  assert.fail('expected a parse error');
}

const user = { type: 'record', name: 'User', namespace: 'com.acme', fields: [{ name: 'id', type: 'long' }, { name: 'email', type: ['null', 'string'], default: null }] };

describe('Avro format', () => {
  it('parses a record and gives a whitespace-independent canonical form', () => {
    const a = parseSchema('AVRO', JSON.stringify(user, null, 2));
    const b = parseSchema('AVRO', JSON.stringify(user));
    assert.equal(a.kind, 'AVRO');
    assert.equal(a.canonical, b.canonical);
    assert.equal(a.canonical, JSON.stringify(user));
  });

  it('normalized form does not depend on key order', () => {
    const reordered = { fields: user.fields, name: 'User', namespace: 'com.acme', type: 'record' };
    assert.notEqual(parseSchema('AVRO', JSON.stringify(reordered)).canonical, parseSchema('AVRO', JSON.stringify(user)).canonical);
    assert.equal(parseSchema('AVRO', JSON.stringify(reordered)).normalized, parseSchema('AVRO', JSON.stringify(user)).normalized);
  });

  it('points at an unknown type by field path', () => {
    const msg = parseError(() => parseSchema('AVRO', JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 'a', type: 'int' }, { name: 'b', type: 'strng' }] })));
    assert.match(msg, /unknown type 'strng' at path '\/fields\/1\/type'/);
  });

  it('points at a default that does not match the first union branch', () => {
    const msg = parseError(() => parseSchema('AVRO', JSON.stringify({ type: 'record', name: 'R', fields: [{ name: 'n', type: ['null', 'int'], default: 5 }] })));
    assert.match(msg, /default value 5 of field 'n' at path '\/fields\/0\/default'/);
  });

  it('reports a missing field name, duplicate fields and bad enum symbols with their path', () => {
    assert.match(parseError(() => parseSchema('AVRO', '{"type":"record","name":"R","fields":[{"type":"int"}]}')), /path '\/fields\/0'/);
    assert.match(parseError(() => parseSchema('AVRO', '{"type":"record","name":"R","fields":[{"name":"a","type":"int"},{"name":"a","type":"int"}]}')), /duplicate field 'a' at path '\/fields\/1'/);
    assert.match(parseError(() => parseSchema('AVRO', '{"type":"enum","name":"E","symbols":["A","1B"]}')), /invalid enum symbol "1B" at path '\/symbols\/1'/);
  });

  it('reports invalid JSON with line and column', () => {
    assert.match(parseError(() => parseSchema('AVRO', '{\n  "type": "record",\n}')), /line 3, column 1/);
  });

  it('resolves named types from referenced schemas', () => {
    const address = { type: 'record', name: 'Address', namespace: 'com.acme', fields: [{ name: 'city', type: 'string' }] };
    const customer = { type: 'record', name: 'Customer', namespace: 'com.acme', fields: [{ name: 'home', type: 'com.acme.Address' }] };
    const parsed = parseSchema('AVRO', JSON.stringify(customer), [{ name: 'com.acme.Address', schemaType: 'AVRO', schema: JSON.stringify(address) }]);
    assert.equal(parsed.kind, 'AVRO');
    assert.match(parseError(() => parseSchema('AVRO', JSON.stringify(customer))), /unknown type 'com.acme.Address'/);
  });
});

describe('JSON Schema format', () => {
  it('compiles draft-07 by default and validates documents', () => {
    const s = parseSchema('JSON', JSON.stringify({ type: 'object', properties: { id: { type: 'integer' } }, required: ['id'] }));
    assert.equal(s.kind, 'JSON');
    if (s.kind !== 'JSON') return;
    assert.equal(s.validate({ id: 1 }), true);
    assert.equal(s.validate({ id: 'x' }), false);
  });

  it('uses 2020-12 when $schema says so ($defs, prefixItems)', () => {
    const s = parseSchema('JSON', JSON.stringify({ $schema: 'https://json-schema.org/draft/2020-12/schema', type: 'array', prefixItems: [{ type: 'string' }, { type: 'integer' }], items: false }));
    if (s.kind !== 'JSON') return assert.fail('kind');
    assert.equal(s.validate(['a', 1]), true);
    assert.equal(s.validate(['a', 1, 2]), false);
  });

  it('points at the invalid keyword', () => {
    const msg = parseError(() => parseSchema('JSON', JSON.stringify({ type: 'object', properties: { a: { type: 'strin' } } })));
    assert.match(msg, /at '#\/properties\/a\/type': must be equal to one of the allowed values/);
  });

  it('resolves $ref to a referenced schema by name', () => {
    const s = parseSchema('JSON', JSON.stringify({ type: 'object', properties: { addr: { $ref: 'address.json' } } }), [
      { name: 'address.json', schemaType: 'JSON', schema: JSON.stringify({ type: 'object', properties: { city: { type: 'string' } }, required: ['city'] }) },
    ]);
    if (s.kind !== 'JSON') return assert.fail('kind');
    assert.equal(s.validate({ addr: { city: 'Oslo' } }), true);
    assert.equal(s.validate({ addr: {} }), false);
    assert.match(parseError(() => parseSchema('JSON', JSON.stringify({ properties: { addr: { $ref: 'address.json' } } }))), /address\.json/);
  });
});

describe('Protobuf format', () => {
  const proto = 'syntax = "proto3";\npackage shop;\n\nmessage Order {\n  int64 id = 1;\n  message Line { string sku = 1; }\n  repeated Line lines = 2;\n}\n\nmessage Refund { int64 order_id = 1; }\n';

  it('lists messages with Confluent message indexes in declaration order', () => {
    const s = parseSchema('PROTOBUF', proto);
    if (s.kind !== 'PROTOBUF') return assert.fail('kind');
    assert.deepEqual(s.messages.map((m) => [m.fullName, m.indexes]), [['shop.Order', [0]], ['shop.Order.Line', [0, 0]], ['shop.Refund', [1]]]);
    assert.equal(s.packageName, 'shop');
  });

  it('reports syntax errors with line:col', () => {
    const msg = parseError(() => parseSchema('PROTOBUF', 'syntax = "proto3";\nmessage A {\n  int32 x = 1\n  int32 y = 2;\n}'));
    assert.match(msg, /';' expected at 4:3/);
  });

  it('reports unknown types', () => {
    assert.match(parseError(() => parseSchema('PROTOBUF', 'syntax = "proto3";\nmessage A { Missing m = 1; }')), /no such type.*Missing|Missing/i);
  });

  it('resolves imports from references, and well-known types without one', () => {
    const common = 'syntax = "proto3";\npackage common;\nmessage Money { int64 units = 1; string currency = 2; }\n';
    const main = 'syntax = "proto3";\npackage shop;\nimport "common.proto";\nimport "google/protobuf/timestamp.proto";\nmessage Payment { common.Money amount = 1; google.protobuf.Timestamp at = 2; }\n';
    const s = parseSchema('PROTOBUF', main, [{ name: 'common.proto', schemaType: 'PROTOBUF', schema: common }]);
    if (s.kind !== 'PROTOBUF') return assert.fail('kind');
    assert.deepEqual(s.messages.map((m) => m.fullName), ['shop.Payment']);
    assert.match(parseError(() => parseSchema('PROTOBUF', main)), /import 'common.proto' .* not satisfied by any schema reference/);
  });
});
