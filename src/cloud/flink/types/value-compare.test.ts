import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  arrayType, bigintType, bytesType, castValue, compileComparator, compileEquals, decimalType, doubleType, formatValue, intType,
  rowType, stringType, timestampLtzType,
} from './index.js';

test('numeric comparators are exact across representations', () => {
  assert.equal(compileComparator(bigintType(), intType())(9007199254740993n, 5), 1);
  assert.equal(compileComparator(decimalType(5, 2), bigintType())(150n, 1n), 1);
  assert.equal(compileComparator(decimalType(5, 2), decimalType(6, 3))(150n, 1500n), 0);
  assert.equal(compileComparator(decimalType(5, 2), doubleType())(150n, 1.5), 0);
  assert.equal(compileComparator(doubleType())(NaN, 1), 1, 'NaN sorts last, like Java Double.compare');
  assert.equal(compileEquals(intType(), bigintType())(3, 3n), true);
});

test('strings, bytes, arrays and rows order as Flink does', () => {
  const s = compileComparator(stringType());
  assert.ok(s('B', 'a') < 0);
  assert.ok(s('a', 'ab') < 0);
  assert.ok(compileComparator(bytesType())(new Uint8Array([0x80]), new Uint8Array([0x7f])) > 0, 'unsigned bytes');
  const a = compileComparator(arrayType(intType()));
  assert.ok(a([1, 2], [1, 3]) < 0);
  assert.ok(a([1], [1, 0]) < 0);
  assert.ok(a([null], [0]) < 0, 'NULL elements first');
  const r = compileComparator(rowType([['a', intType()], ['b', stringType()]]));
  assert.ok(r([1, 'b'], [1, 'a']) > 0);
});

test('composite casts convert element by element', () => {
  assert.deepEqual(castValue([1, null, 3], arrayType(intType()), arrayType(stringType())), ['1', null, '3']);
  assert.deepEqual(castValue([1, 'x'], rowType([['a', intType()], ['b', stringType()]]), rowType([['a', bigintType()], ['b', stringType()]])), [1n, 'x']);
});

test('results rendering of TIMESTAMP_LTZ follows the session zone', () => {
  assert.equal(formatValue(Date.UTC(2024, 0, 1, 0, 0), timestampLtzType(3), { timeZone: 'Asia/Tokyo' }), '2024-01-01 09:00:00.000');
  assert.equal(formatValue(Date.UTC(2024, 0, 1, 0, 0), timestampLtzType(3)), '2024-01-01 00:00:00.000');
});
