import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSchema } from './parse-schema.js';
import { checkCompatibility } from './compatibility.js';
import type { CompatibilityLevel, SchemaType } from './types.js';

/** One change from v1 to v2, with whether it is BACKWARD (new reads old) and FORWARD (old reads new) compatible. */
interface Case {
  readonly format: SchemaType;
  readonly change: string;
  readonly v1: unknown;
  readonly v2: unknown;
  readonly backward: boolean;
  readonly forward: boolean;
  /** errorType expected among the messages when incompatible in the backward direction. */
  readonly backwardError?: string;
}

const rec = (fields: readonly unknown[], extra: Record<string, unknown> = {}): unknown => ({ type: 'record', name: 'User', namespace: 'com.acme', fields, ...extra });
const id = { name: 'id', type: 'int' };
const color = (symbols: readonly string[]): unknown => rec([{ name: 'c', type: { type: 'enum', name: 'Color', symbols } }]);
const obj = (properties: Record<string, unknown>, extra: Record<string, unknown> = {}): unknown => ({ type: 'object', properties, ...extra });
const proto = (body: string): string => `syntax = "proto3";\npackage shop;\n${body}\n`;

const CASES: readonly Case[] = [
  // Avro
  { format: 'AVRO', change: 'add field with default', v1: rec([id]), v2: rec([id, { name: 'email', type: 'string', default: '' }]), backward: true, forward: true },
  { format: 'AVRO', change: 'add field without default', v1: rec([id]), v2: rec([id, { name: 'email', type: 'string' }]), backward: false, forward: true, backwardError: 'READER_FIELD_MISSING_DEFAULT_VALUE' },
  { format: 'AVRO', change: 'remove field with default', v1: rec([id, { name: 'email', type: 'string', default: '' }]), v2: rec([id]), backward: true, forward: true },
  { format: 'AVRO', change: 'remove field without default', v1: rec([id, { name: 'email', type: 'string' }]), v2: rec([id]), backward: true, forward: false },
  { format: 'AVRO', change: 'type promotion int to long', v1: rec([id]), v2: rec([{ name: 'id', type: 'long' }]), backward: true, forward: false },
  { format: 'AVRO', change: 'type promotion float to double', v1: rec([{ name: 'x', type: 'float' }]), v2: rec([{ name: 'x', type: 'double' }]), backward: true, forward: false },
  { format: 'AVRO', change: 'string to bytes', v1: rec([{ name: 'x', type: 'string' }]), v2: rec([{ name: 'x', type: 'bytes' }]), backward: true, forward: true },
  { format: 'AVRO', change: 'type change int to string', v1: rec([id]), v2: rec([{ name: 'id', type: 'string' }]), backward: false, forward: false, backwardError: 'TYPE_MISMATCH' },
  { format: 'AVRO', change: 'enum symbol added', v1: color(['RED', 'GREEN']), v2: color(['RED', 'GREEN', 'BLUE']), backward: true, forward: false },
  { format: 'AVRO', change: 'enum symbol removed', v1: color(['RED', 'GREEN']), v2: color(['RED']), backward: false, forward: true, backwardError: 'MISSING_ENUM_SYMBOLS' },
  { format: 'AVRO', change: 'union branch added', v1: rec([{ name: 'x', type: ['null', 'string'], default: null }]), v2: rec([{ name: 'x', type: ['null', 'string', 'int'], default: null }]), backward: true, forward: false },
  { format: 'AVRO', change: 'union branch removed', v1: rec([{ name: 'x', type: ['null', 'string', 'int'], default: null }]), v2: rec([{ name: 'x', type: ['null', 'string'], default: null }]), backward: false, forward: true, backwardError: 'MISSING_UNION_BRANCH' },
  { format: 'AVRO', change: 'record renamed with alias', v1: rec([id]), v2: { type: 'record', name: 'Member', namespace: 'com.acme', aliases: ['User'], fields: [id] }, backward: true, forward: false },
  { format: 'AVRO', change: 'record renamed without alias', v1: rec([id]), v2: { type: 'record', name: 'Member', namespace: 'com.acme', fields: [id] }, backward: false, forward: false, backwardError: 'NAME_MISMATCH' },
  { format: 'AVRO', change: 'enum symbol removed, reader has a default', v1: color(['RED', 'GREEN']), v2: rec([{ name: 'c', type: { type: 'enum', name: 'Color', symbols: ['RED'], default: 'RED' } }]), backward: true, forward: true },
  { format: 'AVRO', change: 'fixed size changed', v1: rec([{ name: 'h', type: { type: 'fixed', name: 'Hash', size: 16 } }]), v2: rec([{ name: 'h', type: { type: 'fixed', name: 'Hash', size: 32 } }]), backward: false, forward: false, backwardError: 'FIXED_SIZE_MISMATCH' },
  { format: 'AVRO', change: 'made nullable', v1: rec([{ name: 'x', type: 'string' }]), v2: rec([{ name: 'x', type: ['null', 'string'], default: null }]), backward: true, forward: false },
  { format: 'AVRO', change: 'array items promoted', v1: rec([{ name: 'xs', type: { type: 'array', items: 'int' } }]), v2: rec([{ name: 'xs', type: { type: 'array', items: 'long' } }]), backward: true, forward: false },
  { format: 'AVRO', change: 'field renamed with alias', v1: rec([id, { name: 'name', type: 'string' }]), v2: rec([id, { name: 'full_name', type: 'string', aliases: ['name'] }]), backward: true, forward: false },
  // JSON Schema
  { format: 'JSON', change: 'property added to open content model', v1: obj({ id: { type: 'integer' } }), v2: obj({ id: { type: 'integer' }, email: { type: 'string' } }), backward: false, forward: true, backwardError: 'PROPERTY_ADDED_TO_OPEN_CONTENT_MODEL' },
  { format: 'JSON', change: 'optional property added to closed content model', v1: obj({ id: { type: 'integer' } }, { additionalProperties: false }), v2: obj({ id: { type: 'integer' }, email: { type: 'string' } }, { additionalProperties: false }), backward: true, forward: false },
  { format: 'JSON', change: 'required property added to closed content model', v1: obj({ id: { type: 'integer' } }, { additionalProperties: false }), v2: obj({ id: { type: 'integer' }, email: { type: 'string' } }, { additionalProperties: false, required: ['email'] }), backward: false, forward: false, backwardError: 'REQUIRED_PROPERTY_ADDED_TO_UNOPEN_CONTENT_MODEL' },
  { format: 'JSON', change: 'property removed from open content model', v1: obj({ id: { type: 'integer' }, email: { type: 'string' } }), v2: obj({ id: { type: 'integer' } }), backward: true, forward: false },
  { format: 'JSON', change: 'property removed from closed content model', v1: obj({ id: { type: 'integer' }, email: { type: 'string' } }, { additionalProperties: false }), v2: obj({ id: { type: 'integer' } }, { additionalProperties: false }), backward: false, forward: true, backwardError: 'PROPERTY_REMOVED_FROM_CLOSED_CONTENT_MODEL' },
  { format: 'JSON', change: 'required added', v1: obj({ id: { type: 'integer' } }), v2: obj({ id: { type: 'integer' } }, { required: ['id'] }), backward: false, forward: true, backwardError: 'REQUIRED_ATTRIBUTE_ADDED' },
  { format: 'JSON', change: 'type widened integer to number', v1: obj({ id: { type: 'integer' } }), v2: obj({ id: { type: 'number' } }), backward: true, forward: false },
  { format: 'JSON', change: 'type changed string to integer', v1: obj({ id: { type: 'string' } }), v2: obj({ id: { type: 'integer' } }), backward: false, forward: false, backwardError: 'TYPE_CHANGED' },
  { format: 'JSON', change: 'enum value added', v1: obj({ c: { enum: ['RED', 'GREEN'] } }), v2: obj({ c: { enum: ['RED', 'GREEN', 'BLUE'] } }), backward: true, forward: false },
  { format: 'JSON', change: 'enum value removed', v1: obj({ c: { enum: ['RED', 'GREEN'] } }), v2: obj({ c: { enum: ['RED'] } }), backward: false, forward: true, backwardError: 'ENUM_ARRAY_NARROWED' },
  { format: 'JSON', change: 'maxLength decreased', v1: obj({ s: { type: 'string', maxLength: 10 } }), v2: obj({ s: { type: 'string', maxLength: 5 } }), backward: false, forward: true, backwardError: 'MAX_LENGTH_DECREASED' },
  { format: 'JSON', change: 'minimum added', v1: obj({ n: { type: 'integer' } }), v2: obj({ n: { type: 'integer', minimum: 0 } }), backward: false, forward: true, backwardError: 'MINIMUM_ADDED' },
  { format: 'JSON', change: 'type changed inside $ref definitions', v1: { definitions: { A: { type: 'string' } }, type: 'object', properties: { a: { $ref: '#/definitions/A' } } }, v2: { definitions: { A: { type: 'integer' } }, type: 'object', properties: { a: { $ref: '#/definitions/A' } } }, backward: false, forward: false, backwardError: 'TYPE_CHANGED' },
  { format: 'JSON', change: 'closed content model opened', v1: obj({ a: { type: 'string' } }, { additionalProperties: false }), v2: obj({ a: { type: 'string' } }), backward: true, forward: false },
  { format: 'JSON', change: 'array items narrowed', v1: obj({ xs: { type: 'array', items: { type: 'number' } } }), v2: obj({ xs: { type: 'array', items: { type: 'integer' } } }), backward: false, forward: true, backwardError: 'TYPE_NARROWED' },
  { format: 'JSON', change: 'nullable made not null', v1: obj({ n: { oneOf: [{ type: 'null' }, { type: 'string' }] } }), v2: obj({ n: { type: 'string' } }), backward: false, forward: true, backwardError: 'COMBINED_TYPE_CHANGED' },
  // Protobuf
  { format: 'PROTOBUF', change: 'field added', v1: proto('message Order { int64 id = 1; }'), v2: proto('message Order { int64 id = 1; string note = 2; }'), backward: true, forward: true },
  { format: 'PROTOBUF', change: 'field removed', v1: proto('message Order { int64 id = 1; string note = 2; }'), v2: proto('message Order { int64 id = 1; }'), backward: true, forward: true },
  { format: 'PROTOBUF', change: 'field renamed', v1: proto('message Order { int64 id = 1; }'), v2: proto('message Order { int64 order_id = 1; }'), backward: true, forward: true },
  { format: 'PROTOBUF', change: 'field number reused with another type', v1: proto('message Order { int64 id = 1; string note = 2; }'), v2: proto('message Order { int64 id = 1; double total = 2; }'), backward: false, forward: false, backwardError: 'FIELD_SCALAR_KIND_CHANGED' },
  { format: 'PROTOBUF', change: 'int32 to int64 (compatible group)', v1: proto('message Order { int32 qty = 1; }'), v2: proto('message Order { int64 qty = 1; }'), backward: true, forward: true },
  { format: 'PROTOBUF', change: 'scalar to message', v1: proto('message Order { string addr = 1; }'), v2: proto('message Addr { string city = 1; }\nmessage Order { Addr addr = 1; }'), backward: false, forward: false, backwardError: 'FIELD_KIND_CHANGED' },
  { format: 'PROTOBUF', change: 'message removed', v1: proto('message Order { int64 id = 1; }\nmessage Refund { int64 id = 1; }'), v2: proto('message Order { int64 id = 1; }'), backward: false, forward: true, backwardError: 'MESSAGE_REMOVED' },
  { format: 'PROTOBUF', change: 'nested message field type changed', v1: proto('message Order { message Line { int32 qty = 1; } repeated Line lines = 1; }'), v2: proto('message Order { message Line { string qty = 1; } repeated Line lines = 1; }'), backward: false, forward: false, backwardError: 'FIELD_SCALAR_KIND_CHANGED' },
  { format: 'PROTOBUF', change: 'repeated made singular', v1: proto('message Order { repeated string tags = 1; }'), v2: proto('message Order { string tags = 1; }'), backward: false, forward: false, backwardError: 'FIELD_KIND_CHANGED' },
  { format: 'PROTOBUF', change: 'package changed', v1: proto('message Order { int64 id = 1; }'), v2: 'syntax = "proto3";\npackage shop.v2;\nmessage Order { int64 id = 1; }\n', backward: false, forward: false, backwardError: 'PACKAGE_CHANGED' },
  { format: 'PROTOBUF', change: 'enum value added', v1: proto('enum S { A = 0; }\nmessage Order { S s = 1; }'), v2: proto('enum S { A = 0; B = 1; }\nmessage Order { S s = 1; }'), backward: true, forward: true },
  { format: 'PROTOBUF', change: 'field moved into existing oneof', v1: proto('message Order { int64 id = 1; oneof pay { string card = 2; } string iban = 3; }'), v2: proto('message Order { int64 id = 1; oneof pay { string card = 2; string iban = 3; } }'), backward: false, forward: true, backwardError: 'FIELD_MOVED_TO_EXISTING_ONEOF' },
];

const LEVELS: readonly CompatibilityLevel[] = ['BACKWARD', 'BACKWARD_TRANSITIVE', 'FORWARD', 'FORWARD_TRANSITIVE', 'FULL', 'FULL_TRANSITIVE', 'NONE'];

function text(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}

function expected(c: Case, level: CompatibilityLevel): boolean {
  const base = level.replace('_TRANSITIVE', '');
  if (base === 'NONE') return true;
  if (base === 'BACKWARD') return c.backward;
  if (base === 'FORWARD') return c.forward;
  return c.backward && c.forward;
}

describe('compatibility matrix (level × format × change)', () => {
  for (const c of CASES) {
    for (const level of LEVELS) {
      const want = expected(c, level);
      it(`${c.format} ${c.change} under ${level} is ${want ? 'compatible' : 'incompatible'}`, () => {
        const v1 = parseSchema(c.format, text(c.v1));
        const v2 = parseSchema(c.format, text(c.v2));
        const r = checkCompatibility(level, v2, [{ version: 1, schema: v1 }]);
        assert.equal(r.isCompatible, want, r.messages.join('\n'));
        if (!want) {
          assert.ok(r.messages.includes(`{compatibility: '${level}'}`));
          assert.ok(r.messages.includes('{oldSchemaVersion: 1}'));
          if (c.backwardError !== undefined && !c.backward && level.startsWith('BACKWARD')) {
            assert.ok(r.issues.some((i) => i.errorType === c.backwardError), `expected ${c.backwardError} in ${r.messages.join('\n')}`);
          }
        }
      });
    }
  }
});

describe('transitive levels check all previous versions, the others only the latest', () => {
  const three = (format: SchemaType, v1: unknown, v2: unknown, v3: unknown): { prev: { version: number; schema: ReturnType<typeof parseSchema> }[]; cand: ReturnType<typeof parseSchema> } => ({
    prev: [{ version: 1, schema: parseSchema(format, text(v1)) }, { version: 2, schema: parseSchema(format, text(v2)) }],
    cand: parseSchema(format, text(v3)),
  });

  it('Avro BACKWARD passes against v2 while BACKWARD_TRANSITIVE fails against v1', () => {
    const { prev, cand } = three('AVRO', rec([id]), rec([id, { name: 'b', type: 'string', default: '' }]), rec([id, { name: 'b', type: 'string' }]));
    assert.equal(checkCompatibility('BACKWARD', cand, prev).isCompatible, true);
    const t = checkCompatibility('BACKWARD_TRANSITIVE', cand, prev);
    assert.equal(t.isCompatible, false);
    assert.ok(t.messages.includes('{oldSchemaVersion: 1}'));
    assert.ok(!t.messages.includes('{oldSchemaVersion: 2}'));
    assert.match(t.messages[0] ?? '', /The field 'b' at path '\/fields\/1' in the new schema has no default value and is missing in the old schema/);
  });

  it('Avro FORWARD passes against v2 while FORWARD_TRANSITIVE fails against v1', () => {
    const { prev, cand } = three('AVRO', rec([id, { name: 'b', type: 'string' }]), rec([id, { name: 'b', type: 'string', default: '' }]), rec([id]));
    assert.equal(checkCompatibility('FORWARD', cand, prev).isCompatible, true);
    assert.equal(checkCompatibility('FORWARD_TRANSITIVE', cand, prev).isCompatible, false);
    assert.equal(checkCompatibility('FULL', cand, prev).isCompatible, true);
    assert.equal(checkCompatibility('FULL_TRANSITIVE', cand, prev).isCompatible, false);
  });

  it('JSON BACKWARD_TRANSITIVE also checks a version registered while the level was NONE', () => {
    const { prev, cand } = three('JSON',
      obj({ n: { type: 'integer' } }),
      obj({ n: { type: 'integer', maximum: 10 } }),
      obj({ n: { type: 'integer', maximum: 10 } }, { description: 'unchanged constraints' }));
    assert.equal(checkCompatibility('BACKWARD', cand, prev).isCompatible, true);
    const t = checkCompatibility('BACKWARD_TRANSITIVE', cand, prev);
    assert.equal(t.isCompatible, false);
    assert.ok(t.issues.some((i) => i.errorType === 'MAXIMUM_ADDED'));
  });

  it('Protobuf FULL_TRANSITIVE catches a field number reused after a removal', () => {
    const { prev, cand } = three('PROTOBUF',
      proto('message Order { int64 id = 1; string note = 2; }'),
      proto('message Order { int64 id = 1; }'),
      proto('message Order { int64 id = 1; double note = 2; }'));
    assert.equal(checkCompatibility('FULL', cand, prev).isCompatible, true);
    const t = checkCompatibility('FULL_TRANSITIVE', cand, prev);
    assert.equal(t.isCompatible, false);
    assert.ok(t.issues.some((i) => i.errorType === 'FIELD_SCALAR_KIND_CHANGED'));
  });

  it('a change of schema type is never compatible unless NONE', () => {
    const avro = parseSchema('AVRO', '"string"');
    const json = parseSchema('JSON', '{"type":"string"}');
    assert.equal(checkCompatibility('BACKWARD', json, [{ version: 1, schema: avro }]).isCompatible, false);
    assert.equal(checkCompatibility('NONE', json, [{ version: 1, schema: avro }]).isCompatible, true);
  });
});

describe('recursive Avro types', () => {
  it('terminates and accepts adding an optional field to a linked list', () => {
    const node = (extra: readonly unknown[]): string => JSON.stringify({ type: 'record', name: 'Node', fields: [{ name: 'v', type: 'int' }, { name: 'next', type: ['null', 'Node'], default: null }, ...extra] });
    const r = checkCompatibility('FULL', parseSchema('AVRO', node([{ name: 'w', type: 'int', default: 0 }])), [{ version: 1, schema: parseSchema('AVRO', node([])) }]);
    assert.equal(r.isCompatible, true, r.messages.join('\n'));
  });
});
