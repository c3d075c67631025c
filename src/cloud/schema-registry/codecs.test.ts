import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseSchema } from './parse-schema.js';
import { SchemaCodec, SchemaCodecError } from './codecs.js';
import { decodeHeader, encodeMessageIndexes, WireFormatError } from './wire-format.js';
import type { ParsedSchema } from './types.js';

const avro = parseSchema('AVRO', JSON.stringify({
  type: 'record', name: 'Order', fields: [
    { name: 'id', type: 'long' }, { name: 'sku', type: 'string' }, { name: 'note', type: ['null', 'string'], default: null },
  ],
}));
const json = parseSchema('JSON', JSON.stringify({ type: 'object', properties: { id: { type: 'integer' }, tags: { type: 'array', items: { type: 'string' } } }, required: ['id'] }));
const proto = parseSchema('PROTOBUF', [
  'syntax = "proto3";', 'package shop;',
  'message Order { int64 id = 1; string sku = 2; Status status = 3; message Line { string sku = 1; int32 qty = 2; } repeated Line lines = 4; }',
  'enum Status { NEW = 0; PAID = 1; }',
  'message Refund { int64 order_id = 1; message Reason { string text = 1; } Reason reason = 2; }',
].join('\n'));

function codecOf(schemas: Record<number, ParsedSchema>): { codec: SchemaCodec; lookups: number[] } {
  const lookups: number[] = [];
  const codec = new SchemaCodec((id) => {
    lookups.push(id);
    return schemas[id];
  });
  return { codec, lookups };
}

describe('wire format', () => {
  it('writes magic byte 0 and the schema id big-endian', () => {
    const { codec } = codecOf({ 258: json });
    const buf = codec.encode(258, { id: 1 });
    assert.deepEqual([...buf.subarray(0, 5)], [0, 0, 0, 1, 2]);
    assert.equal(buf.subarray(5).toString('utf8'), '{"id":1}');
  });

  it('encodes message indexes as zig-zag varints with the [0] shortcut', () => {
    assert.deepEqual([...encodeMessageIndexes([0])], [0]);
    assert.deepEqual([...encodeMessageIndexes([1])], [2, 2]);
    assert.deepEqual([...encodeMessageIndexes([1, 0])], [4, 2, 0]);
    assert.deepEqual([...encodeMessageIndexes([0, 70])], [4, 0, 0x8c, 0x01]);
    const header = decodeHeader(Buffer.from([0, 0, 0, 0, 9, 4, 0, 0x8c, 0x01, 0xff]), { protobuf: true });
    assert.deepEqual(header, { schemaId: 9, messageIndexes: [0, 70], payloadOffset: 9 });
  });

  it('rejects a wrong magic byte and short buffers', () => {
    assert.throws(() => decodeHeader(Buffer.from([1, 0, 0, 0, 1])), WireFormatError);
    assert.throws(() => decodeHeader(Buffer.from([0, 0, 0])), WireFormatError);
  });
});

describe('codecs round trip', () => {
  it('Avro', () => {
    const { codec } = codecOf({ 1: avro });
    const value = { id: 42, sku: 'shoe-1', note: 'gift' };
    const out = codec.decode(codec.encode(1, value));
    assert.equal(out.schemaId, 1);
    assert.deepEqual({ ...(out.value as object) }, value);
  });

  it('Avro longs beyond 2^53 decode as bigint instead of failing', () => {
    const { codec } = codecOf({ 1: avro });
    const big = 2n ** 62n + 1n;
    const out = codec.decode(codec.encode(1, { id: big, sku: 'a', note: null })).value as { id: unknown };
    assert.equal(out.id, big);
    for (const n of [12, -1, -(2 ** 40) - 3, 2 ** 53 - 1, -(2 ** 53) + 1, 0x1fffff * 2 ** 32]) {
      const back = codec.decode(codec.encode(1, { id: n, sku: 'a', note: null })).value as { id: unknown };
      assert.equal(back.id, n);
    }
    const negBig = codec.decode(codec.encode(1, { id: -(2n ** 63n), sku: 'a', note: null })).value as { id: unknown };
    assert.equal(negBig.id, -(2n ** 63n));
  });

  it('Avro rejects a value that does not match, naming the field', () => {
    const { codec } = codecOf({ 1: avro });
    assert.throws(() => codec.encode(1, { id: 'x', sku: 'a', note: null }), (e: unknown) => e instanceof SchemaCodecError && /id/.test(e.message));
  });

  it('JSON Schema validates on encode', () => {
    const { codec } = codecOf({ 2: json });
    assert.deepEqual(codec.decode(codec.encode(2, { id: 7, tags: ['a'] })).value, { id: 7, tags: ['a'] });
    assert.throws(() => codec.encode(2, { tags: [] }), (e: unknown) => e instanceof SchemaCodecError && /required property 'id'/.test(e.message));
  });

  it('Protobuf first message uses the single 0x00 index byte', () => {
    const { codec } = codecOf({ 3: proto });
    const buf = codec.encode(3, { id: 5, sku: 'a', status: 'PAID', lines: [{ sku: 'a', qty: 2 }] });
    assert.equal(buf[5], 0);
    const out = codec.decode(buf);
    assert.equal(out.messageName, 'shop.Order');
    assert.deepEqual(out.value, { id: 5, sku: 'a', status: 'PAID', lines: [{ sku: 'a', qty: 2 }] });
  });

  it('Protobuf second and nested messages carry their index path', () => {
    const { codec } = codecOf({ 3: proto });
    const refund = codec.encode(3, { order_id: 9, reason: { text: 'late' } }, { messageName: 'shop.Refund' });
    assert.deepEqual([...refund.subarray(5, 7)], [2, 2]);
    assert.deepEqual(codec.decode(refund), { schemaId: 3, value: { order_id: 9, reason: { text: 'late' } }, messageName: 'shop.Refund' });
    const reason = codec.encode(3, { text: 'x' }, { messageName: 'Refund.Reason' });
    assert.deepEqual([...reason.subarray(5, 8)], [4, 2, 0]);
    assert.equal(codec.decode(reason).messageName, 'shop.Refund.Reason');
    const line = codec.encode(3, { sku: 's', qty: 1 }, { messageName: 'shop.Order.Line' });
    assert.deepEqual([...line.subarray(5, 8)], [4, 0, 0]);
    assert.deepEqual(codec.decode(line).value, { sku: 's', qty: 1 });
  });

  it('Protobuf decodes records framed without a message-index list (lenient default)', () => {
    const { codec } = codecOf({ 3: proto });
    const framed = codec.encode(3, { id: 1, sku: 'z', status: 'NEW', lines: [] });
    const withoutIndex = Buffer.concat([framed.subarray(0, 5), framed.subarray(6)]);
    assert.deepEqual(codec.decode(withoutIndex).value, codec.decode(framed).value);
    const strict = new SchemaCodec(() => proto, { lenientProtobufIndexes: false });
    assert.throws(() => strict.decode(withoutIndex));
  });

  it('unknown schema ids fail with a codec error', () => {
    const { codec } = codecOf({});
    assert.throws(() => codec.encode(99, {}), /schema id 99 not found/);
    assert.throws(() => codec.decode(Buffer.from([0, 0, 0, 0, 99, 1])), /schema id 99 not found/);
  });

  it('decoding many records with one schema looks the schema up once', () => {
    const { codec, lookups } = codecOf({ 1: avro });
    const enc = codec.encoder(1);
    const bufs = Array.from({ length: 1000 }, (_, i) => enc({ id: i, sku: `s${i}`, note: null }));
    for (const b of bufs) codec.decode(b);
    assert.deepEqual(lookups, [1]);
  });
});
