import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeValue, encodeValue, tupleKey, valuesEqual, type Json } from './value-codec.js';

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
