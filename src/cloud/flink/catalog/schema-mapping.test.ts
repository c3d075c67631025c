import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSchema } from '../../schema-registry/index.js';
import type { LogicalType } from '../types/index.js';
import {
  arrayType, bigintType, binaryType, booleanType, bytesType, charType, dateType, decimalType, doubleType, floatType, intType,
  mapType, printType, rowType, smallintType, stringType, timestampLtzType, timestampType, timeType, tinyintType, varcharType,
} from '../types/index.js';
import { avroShape } from './avro-to-flink.js';
import { avroRecordSchema } from './flink-to-avro.js';
import { jsonRecordSchema } from './flink-to-json-schema.js';
import { jsonSchemaShape } from './json-schema-to-flink.js';
import { protobufRecordSchema } from './flink-to-protobuf.js';
import { inferTable, shapeOf } from './inferred-table.js';
import { likeMatches } from './like-pattern.js';
import { formatDuration, formatMemorySize, parseDuration, parseMemorySize } from './table-options.js';

const printed = (shape: ReturnType<typeof avroShape>): string[] =>
  shape.kind === 'record' ? shape.fields.map((f) => `${f.name} ${printType(f.type)}`) : [printType(shape.type)];

test('Avro → Flink: logical types, enum, unions, fixed, maps (reference §9.2)', () => {
  const schema = {
    type: 'record', name: 'R', namespace: 'acme', fields: [
      { name: 'ts', type: { type: 'long', logicalType: 'timestamp-millis' } },
      { name: 'local', type: { type: 'long', logicalType: 'local-timestamp-millis' } },
      { name: 'micros', type: { type: 'long', logicalType: 'timestamp-micros' } },
      { name: 'd', type: { type: 'int', logicalType: 'date' } },
      { name: 'tmic', type: { type: 'long', logicalType: 'time-micros' } },
      { name: 'amount', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
      { name: 'color', type: { type: 'enum', name: 'Color', symbols: ['RED', 'GREEN'] } },
      { name: 'opt', type: ['null', 'string'], default: null, doc: 'maybe' },
      { name: 'multi', type: ['null', 'int', 'string', { type: 'record', name: 'User', fields: [{ name: 'id', type: 'int' }] }] },
      { name: 'md5', type: { type: 'fixed', name: 'MD5', size: 16 } },
      { name: 'tags', type: { type: 'map', values: 'long' } },
      { name: 'list', type: { type: 'array', items: 'string' } },
      { name: 'again', type: 'Color' },
    ],
  };
  assert.deepEqual(printed(avroShape(schema)), [
    'ts TIMESTAMP_LTZ(3) NOT NULL', 'local TIMESTAMP(3) NOT NULL', 'micros TIMESTAMP_LTZ(6) NOT NULL', 'd DATE NOT NULL',
    'tmic BIGINT NOT NULL', 'amount DECIMAL(10, 2) NOT NULL', 'color STRING NOT NULL', 'opt STRING',
    'multi ROW<`int` INT, `string` STRING, `acme.User` ROW<`id` INT NOT NULL>>',
    'md5 BINARY(16) NOT NULL', 'tags MAP<STRING NOT NULL, BIGINT NOT NULL> NOT NULL', 'list ARRAY<STRING NOT NULL> NOT NULL',
    'again STRING NOT NULL',
  ]);
  const shape = avroShape(schema);
  assert.equal(shape.kind === 'record' ? shape.fields[7]?.comment : undefined, 'maybe');
  assert.deepEqual(printed(avroShape('string')), ['STRING NOT NULL']);
});

const ROUND_TRIP: readonly [string, LogicalType][] = [
  ['b', booleanType({ nullable: false })], ['t', tinyintType()], ['s', smallintType()], ['i', intType({ nullable: false })],
  ['l', bigintType()], ['f', floatType()], ['dbl', doubleType()], ['dec', decimalType(12, 3)], ['c', charType(4)],
  ['vc', varcharType(20)], ['str', stringType()], ['bin', binaryType(8)], ['byt', bytesType()], ['dt', dateType()],
  ['tm', timeType(3)], ['ts', timestampType(3)], ['ts6', timestampType(6)], ['ltz', timestampLtzType(3)],
  ['arr', arrayType(intType({ nullable: false }))], ['m', mapType(stringType({ nullable: false }), doubleType())],
  ['r', rowType([['x', intType()], ['y', stringType({ nullable: false })]])],
];

test('Flink → Avro → Flink round-trips every type CREATE TABLE can register', () => {
  const avro = avroRecordSchema(ROUND_TRIP.map(([name, type]) => ({ name, type })));
  parseSchema('AVRO', JSON.stringify(avro), []);
  const back = avroShape(avro);
  assert.equal(back.kind, 'record');
  assert.deepEqual(back.kind === 'record' ? back.fields.map((f) => [f.name, printType(f.type)]) : [], ROUND_TRIP.map(([n, t]) => [n, printType(t)]));
});

test('Flink → Avro follows §9.1: connect.type, decimal bytes, nested record_<field>, nullable unions with default null', () => {
  const avro = avroRecordSchema([
    { name: 'small', type: tinyintType({ nullable: false }) },
    { name: 'price', type: decimalType(10, 2, { nullable: false }) },
    { name: 'addr', type: rowType([['city', stringType({ nullable: false })]]), comment: 'where' },
  ]);
  assert.deepEqual(avro, {
    type: 'record', name: 'record', namespace: 'org.apache.flink.avro.generated', fields: [
      { name: 'small', type: { type: 'int', 'connect.type': 'int8' } },
      { name: 'price', type: { type: 'bytes', logicalType: 'decimal', precision: 10, scale: 2 } },
      { name: 'addr', type: ['null', { type: 'record', name: 'record_addr', fields: [{ name: 'city', type: 'string' }] }], doc: 'where', default: null },
    ],
  });
});

test('Flink → JSON Schema → Flink keeps the common types and nullability', () => {
  const fields = [
    { name: 'id', type: bigintType({ nullable: false }) }, { name: 'n', type: intType() }, { name: 'small', type: smallintType() },
    { name: 'name', type: stringType() }, { name: 'ok', type: booleanType({ nullable: false }) }, { name: 'at', type: timestampLtzType(3) },
    { name: 'day', type: dateType() }, { name: 'xs', type: arrayType(doubleType({ nullable: false })) },
  ];
  const json = jsonRecordSchema(fields);
  parseSchema('JSON', JSON.stringify(json), []);
  const back = jsonSchemaShape(json);
  assert.deepEqual(back.kind === 'record' ? back.fields.map((f) => `${f.name} ${printType(f.type)}`) : [], fields.map((f) => `${f.name} ${printType(f.type)}`));
});

test('Flink → Protobuf produces a registrable proto3 message that infers back to the same columns', () => {
  const fields = [{ name: 'id', type: bigintType({ nullable: false }) }, { name: 'note', type: stringType() }, { name: 'tags', type: arrayType(stringType({ nullable: false }), { nullable: false }) }];
  const text = protobufRecordSchema(fields);
  assert.match(text, /message Row \{\n {2}int64 id = 1;\n {2}optional string note = 2;\n {2}repeated string tags = 3;\n\}/);
  const shape = shapeOf(parseSchema('PROTOBUF', text, []));
  assert.deepEqual(shape.kind === 'record' ? shape.fields.map((f) => `${f.name} ${printType(f.type)}`) : [], fields.map((f) => `${f.name} ${printType(f.type)}`));
});

test('MySQL-style LIKE: % and _ wildcards, backslash escapes, case-sensitive', () => {
  assert.equal(likeMatches('shoe%', 'shoe_orders'), true);
  assert.equal(likeMatches('shoe\\_%', 'shoeXorders'), false);
  assert.equal(likeMatches('_rders', 'orders'), true);
  assert.equal(likeMatches('Orders', 'orders'), false);
  assert.equal(likeMatches('a.c', 'abc'), false);
});

test('Flink Duration and MemorySize options parse and print like Confluent shows them', () => {
  assert.equal(parseDuration('7 d'), 604_800_000);
  assert.equal(parseDuration('604800000'), 604_800_000);
  assert.equal(parseDuration('12 hours'), 43_200_000);
  assert.equal(parseDuration('soon'), undefined);
  assert.equal(formatDuration(604_800_000), '7 d');
  assert.equal(formatDuration(90_000), '90 s');
  assert.equal(formatDuration(0), '0 ms');
  assert.equal(parseMemorySize('8 mb'), 8_388_608);
  assert.equal(formatMemorySize(2_097_164), '2097164 bytes');
  assert.equal(formatMemorySize(8_388_608), '8 mb');
});

test('recursive Avro records stop at the recursion with BYTES instead of looping', () => {
  const list = { type: 'record', name: 'Node', fields: [{ name: 'v', type: 'int' }, { name: 'next', type: ['null', 'Node'], default: null }] };
  assert.deepEqual(printed(avroShape(list)), ['v INT NOT NULL', 'next BYTES']);
  const twice = { type: 'record', name: 'R', fields: [{ name: 'a', type: { type: 'record', name: 'P', fields: [{ name: 'x', type: 'int' }] } }, { name: 'b', type: 'P' }] };
  assert.deepEqual(printed(avroShape(twice)), ['a ROW<`x` INT NOT NULL> NOT NULL', 'b ROW<`x` INT NOT NULL> NOT NULL']);
});

test('a .proto with several top-level messages infers one nullable ROW column per message', () => {
  const shape = shapeOf(parseSchema('PROTOBUF', 'syntax = "proto3";\nmessage A { int32 x = 1; }\nmessage B { string y = 1; }\n', []));
  assert.deepEqual(shape.kind === 'record' ? shape.fields.map((f) => `${f.name} ${printType(f.type)}`) : [], ['A ROW<`x` INT NOT NULL>', 'B ROW<`y` STRING NOT NULL>']);
});

test('a Debezium envelope value is read as its row, in retract mode', () => {
  const row = { type: 'record', name: 'Value', fields: [{ name: 'id', type: 'int' }, { name: 'name', type: ['null', 'string'], default: null }] };
  const envelope = { type: 'record', name: 'Envelope', fields: [{ name: 'before', type: ['null', row], default: null }, { name: 'after', type: ['null', 'Value'], default: null }, { name: 'op', type: 'string' }] };
  const t = inferTable({
    catalog: { name: 'c', id: 'env-1' }, database: { name: 'd', id: 'lkc-1' },
    topic: { cluster: 'lkc-1', name: 'cdc', partitionsCount: 2, configs: {}, createdAt: 0, isInternal: false },
    value: { id: 100001, parsed: parseSchema('AVRO', JSON.stringify(envelope), []) },
  });
  assert.deepEqual(t.columns.map((c) => c.name), ['key', 'id', 'name']);
  assert.equal(t.changelogMode, 'retract');
  assert.equal(t.options['value.format'], 'avro-debezium-registry');
});
