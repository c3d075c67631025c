import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeValue, encodeRow, encodeValue, entriesOf, rowKey, rowText, tupleKey, valueKey, valueText, valuesEqual, type Json } from './value-codec.js';

test('runtime values survive JSON text through the codec', () => {
  const values: unknown[] = [
    null, true, 'x', 1.5, -0, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 12345678901234567890n,
    new Uint8Array([0, 255]), [1, [2n, null]], new Map<unknown, unknown>([['k', 1n], [2, [3]]]),
  ];
  for (const v of values) {
    const back = decodeValue(JSON.parse(JSON.stringify(encodeValue(v))) as Json);
    assert.ok(valuesEqual(back, v) && Object.is(typeof back, typeof v), `round trip of ${String(v)}`);
  }
  assert.ok(Object.is(decodeValue(encodeValue(-0)), -0));
});

test('tuple keys tell apart values that print alike', () => {
  const keys = [[1, 'a'], ['1', 'a'], [1n, 'a'], [null, 'a'], ['', 'a'], ['a\u0000', ''], ['a', '\u0000']].map(tupleKey);
  assert.equal(new Set(keys).size, keys.length);
  assert.equal(tupleKey(['x']), 'x');
  assert.equal(tupleKey([new Uint8Array([1])]), tupleKey([new Uint8Array([1])]));
});

test('snapshot text is exactly the JSON of the encoded values, and reads back as entries', () => {
  const values: unknown[] = [
    null, undefined, true, false, 'x"\u0000\n', '', 0, 1.5, -0, 1e21, Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY,
    12345678901234567890n, -1n, new Uint8Array([0, 255]), [1, [2n, null]], new Map<unknown, unknown>([['k', 1n], [2, [3]]]),
  ];
  for (const v of values) assert.equal(valueText(v), JSON.stringify(encodeValue(v)), `text of ${String(v)}`);
  assert.equal(rowText(values), JSON.stringify(encodeRow(values)));
  assert.equal(rowText([]), '[]');
  const texts = [rowText([1n, 'a']), rowText([2n, null])];
  assert.deepEqual(entriesOf(JSON.parse(JSON.stringify(texts)) as string[]), [[{ $b: '1' }, 'a'], [{ $b: '2' }, null]]);
  assert.deepEqual(entriesOf([[1]]), [[1]]);
});

test('row keys tell rows apart exactly as value keys do', () => {
  const pool: unknown[] = [
    null, undefined, true, false, '', 'a', 'a\u0000', '\u0000', 'z', 'n1', 0, -0, 1, Number.NaN, Number.POSITIVE_INFINITY, 1n, 0n,
    new Uint8Array([1]), [1], [-0], ['a', null],
  ];
  const rows: unknown[][] = [[]];
  for (const a of pool) { rows.push([a]); for (const b of pool) rows.push([a, b]); }
  for (const x of rows) {
    for (const y of rows) {
      assert.equal(rowKey(x) === rowKey(y), valueKey(x) === valueKey(y), `${String(valueKey(x))} vs ${String(valueKey(y))}`);
    }
  }
});
