import { test } from 'node:test';
import assert from 'node:assert/strict';
import { AvroRandomGenerator } from './avro-random-generator.js';
import { RandomSource } from './random-source.js';
import { DatagenSchemaError } from './datagen-schema-error.js';
import { generateRecords } from './index.js';
import type { AvroDatum, JsonValue } from './types.js';

/** Generates `n` values of a one-field record whose field has type `type`. */
function field(type: JsonValue, n: number, opts: { seed?: number; generation?: number } = {}): AvroDatum[] {
  const schema: JsonValue = { type: 'record', name: 'r', fields: [{ name: 'f', type }] };
  const gen = new AvroRandomGenerator(schema, { random: new RandomSource(opts.seed ?? 7), generation: opts.generation ?? 0 });
  return Array.from({ length: n }, () => (gen.generate() as { f: AvroDatum }).f);
}

function schemaError(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DatagenSchemaError, String(e));
    return e.message;
  }
  assert.fail('expected a DatagenSchemaError');
}

test('options picks uniformly from the list, on primitives and whole records', () => {
  const vals = field({ type: 'string', 'arg.properties': { options: ['a', 'b', 'c'] } }, 3000);
  const counts = new Map<AvroDatum, number>();
  for (const v of vals) counts.set(v, (counts.get(v) ?? 0) + 1);
  assert.deepEqual([...counts.keys()].sort(), ['a', 'b', 'c']);
  for (const c of counts.values()) assert.ok(c > 800 && c < 1200, `count ${c}`);
  const rec = { type: 'record', name: 'p', fields: [{ name: 'x', type: 'int' }, { name: 'y', type: 'string', default: 'dflt' }], 'arg.properties': { options: [{ x: 1, y: 'one' }, { x: 2 }] } };
  const rows = field(rec, 200);
  assert.deepEqual(new Set(rows.map((r) => JSON.stringify(r))), new Set(['{"x":1,"y":"one"}', '{"x":2,"y":"dflt"}']));
});

test('options are checked against the schema and exclude other annotations', () => {
  assert.match(schemaError(() => field({ type: 'int', 'arg.properties': { options: ['x'] } }, 1)), /Invalid option for int schema/);
  assert.match(schemaError(() => field({ type: 'int', 'arg.properties': { options: [] } }, 1)), /options property cannot be empty/);
  assert.match(schemaError(() => field({ type: 'int', 'arg.properties': { options: [1], range: { min: 0, max: 2 } } }, 1)), /Cannot specify range prop when options prop is given/);
});

test('iteration counts from start by step, wraps at restart and begins at initial', () => {
  assert.deepEqual(field({ type: 'int', 'arg.properties': { iteration: { start: 1000 } } }, 4), [1000, 1001, 1002, 1003]);
  assert.deepEqual(field({ type: 'long', 'arg.properties': { iteration: { start: 1609459200000, step: 100000 } } }, 3), [1609459200000, 1609459300000, 1609459400000]);
  assert.deepEqual(field({ type: 'int', 'arg.properties': { iteration: { start: 1, restart: 4 } } }, 7), [1, 2, 3, 1, 2, 3, 1]);
  assert.deepEqual(field({ type: 'int', 'arg.properties': { iteration: { start: 10, restart: 7 } } }, 5), [10, 9, 8, 10, 9]);
  assert.deepEqual(field({ type: 'int', 'arg.properties': { iteration: { start: 0, restart: 10, step: 3, initial: 5 } } }, 4), [5, 8, 1, 4]);
  assert.deepEqual(field({ type: 'double', 'arg.properties': { iteration: { start: 0.5, step: 0.25 } } }, 3), [0.5, 0.75, 1]);
});

test('iteration continues from the generation count, as after a task restart', () => {
  const all = field({ type: 'int', 'arg.properties': { iteration: { start: 1, restart: 6, step: 2 } } }, 12);
  const resumed = field({ type: 'int', 'arg.properties': { iteration: { start: 1, restart: 6, step: 2 } } }, 4, { generation: 8 });
  assert.deepEqual(resumed, all.slice(8));
  assert.deepEqual(field({ type: 'boolean', 'arg.properties': { iteration: { start: true } } }, 4), [true, false, true, false]);
  assert.deepEqual(field({ type: 'boolean', 'arg.properties': { iteration: { start: true } } }, 2, { generation: 3 }), [false, true]);
});

test('iteration on strings counts with prefix and suffix; invalid iterations are rejected', () => {
  assert.deepEqual(field({ type: 'string', 'arg.properties': { iteration: { start: 7 }, prefix: 'id-', suffix: '!' } }, 2), ['id-7!', 'id-8!']);
  assert.match(schemaError(() => field({ type: 'int', 'arg.properties': { iteration: { step: 1 } } }, 1)), /must contain start field/);
  assert.match(schemaError(() => field({ type: 'int', 'arg.properties': { iteration: { start: 1, restart: 1 } } }, 1)), /cannot be equal/);
  assert.match(schemaError(() => field({ type: 'int', 'arg.properties': { iteration: { start: 1, restart: 5, step: -1 } } }, 1)), /must be positive/);
  assert.match(schemaError(() => field({ type: 'bytes', 'arg.properties': { iteration: { start: 1 } } }, 1)), /numeric, boolean or string/);
});

test('range is min inclusive and max exclusive for ints, longs and doubles', () => {
  const ints = field({ type: 'int', 'arg.properties': { range: { min: 10, max: 13 } } }, 600);
  assert.deepEqual([...new Set(ints)].sort((a, b) => Number(a) - Number(b)), [10, 11, 12]);
  const longs = field({ type: 'long', 'arg.properties': { range: { min: -5, max: -3 } } }, 200);
  assert.deepEqual([...new Set(longs)].sort((a, b) => Number(a) - Number(b)), [-5, -4]);
  for (const d of field({ type: 'double', 'arg.properties': { range: { min: 1.5, max: 2 } } }, 500)) assert.ok(typeof d === 'number' && d >= 1.5 && d < 2);
  for (const d of field({ type: 'float', 'arg.properties': { range: { max: 0 } } }, 50)) assert.ok(typeof d === 'number' && d < 0 && Math.fround(d) === d);
  assert.match(schemaError(() => field({ type: 'int', 'arg.properties': { range: { min: 3, max: 3 } } }, 1)), /strictly less than/);
});

test('length bounds strings, bytes, arrays and maps; default is 8 to 15', () => {
  for (const s of field('string', 300)) assert.ok(typeof s === 'string' && s.length >= 8 && s.length < 16 && /^[\x00-\x7f]*$/.test(s));
  for (const s of field({ type: 'string', 'arg.properties': { length: 3 } }, 20)) assert.equal((s as string).length, 3);
  for (const b of field({ type: 'bytes', 'arg.properties': { length: { min: 2, max: 4 } } }, 50)) assert.ok(Buffer.isBuffer(b) && b.length >= 2 && b.length < 4);
  for (const a of field({ type: 'array', items: 'int', 'arg.properties': { length: { max: 3 } } }, 50)) assert.ok(Array.isArray(a) && a.length < 3);
  for (const m of field({ type: 'map', values: 'int', 'arg.properties': { length: 5, keys: { options: ['a', 'b'] } } }, 20)) {
    assert.ok(Object.keys(m as object).every((k) => k === 'a' || k === 'b'));
  }
  assert.match(schemaError(() => field({ type: 'string', 'arg.properties': { length: { min: 4, max: 4 } } }, 1)), /strictly greater/);
});

test('map keys follow the keys spec (regex, prefix)', () => {
  for (const m of field({ type: 'map', values: 'boolean', 'arg.properties': { length: 3, keys: { regex: '[a-c]{2}', prefix: 'k_' } } }, 30)) {
    for (const k of Object.keys(m as object)) assert.match(k, /^k_[a-c]{2}$/);
  }
});

test('odds sets the probability of true for booleans', () => {
  const vals = field({ type: 'boolean', 'arg.properties': { odds: 0.1 } }, 5000);
  const trues = vals.filter((v) => v === true).length;
  assert.ok(trues > 350 && trues < 650, `trues ${trues}`);
  assert.deepEqual([...new Set(field({ type: 'boolean', 'arg.properties': { odds: 0 } }, 100))], [false]);
  assert.match(schemaError(() => field({ type: 'boolean', 'arg.properties': { odds: 2 } }, 1)), /range \[0.0, 1.0\]/);
});

test('unions pick a branch uniformly unless the field fixes its position', () => {
  const vals = field(['null', { type: 'string', 'arg.properties': { options: ['x'] } }], 1000);
  const nulls = vals.filter((v) => v === null).length;
  assert.ok(nulls > 400 && nulls < 600);
  const schema: JsonValue = { type: 'record', name: 'r', fields: [{ name: 'u', type: ['null', 'int', { type: 'string', 'arg.properties': { options: ['s'] } }], 'arg.properties': { position: 2 } }] };
  const gen = new AvroRandomGenerator(schema, { random: new RandomSource(1) });
  for (let i = 0; i < 20; i++) assert.deepEqual(gen.generate(), { u: 's' });
});

test('enums, fixed, nested and recursive named types generate valid values', () => {
  assert.ok(field({ type: 'enum', name: 'e', symbols: ['A', 'B'] }, 50).every((v) => v === 'A' || v === 'B'));
  assert.ok(field({ type: 'fixed', name: 'fx', size: 4 }, 10).every((v) => Buffer.isBuffer(v) && v.length === 4));
  const tree: JsonValue = { type: 'record', name: 'node', fields: [{ name: 'next', type: ['null', 'node'] }, { name: 'v', type: { type: 'int', 'arg.properties': { options: [1] } } }] };
  const gen = new AvroRandomGenerator(tree, { random: new RandomSource(3) });
  const v = gen.generate() as { v: number };
  assert.equal(v.v, 1);
});

test('decimal bytes are two\'s-complement values of the declared precision', () => {
  for (const b of field({ type: 'bytes', logicalType: 'decimal', precision: 4, scale: 2 }, 200)) {
    assert.ok(Buffer.isBuffer(b));
    const n = BigInt.asIntN(b.length * 8, BigInt(`0x${b.toString('hex')}`));
    assert.ok(n > -10000n && n < 10000n, `unscaled ${n}`);
  }
});

test('the same seed gives the same records; another seed does not', () => {
  const schema: JsonValue = { type: 'record', name: 'r', fields: [{ name: 's', type: 'string' }, { name: 'i', type: { type: 'int', 'arg.properties': { range: { min: 0, max: 1000 } } } }] };
  assert.deepEqual(generateRecords(schema, 50, 99), generateRecords(schema, 50, 99));
  assert.notDeepEqual(generateRecords(schema, 50, 99), generateRecords(schema, 50, 100));
});

test('bad schemas are DatagenSchemaErrors naming the path', () => {
  assert.match(schemaError(() => field('nosuchtype', 1)), /unknown type 'nosuchtype'/);
  assert.match(schemaError(() => new AvroRandomGenerator({ type: 'record', name: 'r' }, { random: new RandomSource(1) })), /needs a 'fields' list/);
  assert.match(schemaError(() => field({ type: 'string', 'arg.properties': { regex: '(ab' } }, 1)), /invalid regex/);
});
