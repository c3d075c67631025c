import { test } from 'node:test';
import assert from 'node:assert/strict';
import { arrayType, intType, mapType, printType, stringType } from '../types/index.js';
import { call, typeOf } from './test-support.js';

const IA = arrayType(intType());
const arr = (...xs: (number | null)[]): readonly [unknown, typeof IA] => [xs, IA];
const SA = arrayType(stringType());

test('constructors and indexing', () => {
  assert.deepEqual(call('ARRAY', [1, 2, 3]), [1, 2, 3]);
  assert.deepEqual(call('ARRAY', [1, 2n]), [1n, 2n]);
  assert.equal(printType(typeOf('ARRAY', [1, 2n])), 'ARRAY<BIGINT NOT NULL> NOT NULL');
  assert.deepEqual(call('MAP', ['a', 1, 'b', 2]), new Map([['a', 1], ['b', 2]]));
  assert.deepEqual(call('ROW', [1, 'x']), [1, 'x']);
  assert.equal(printType(typeOf('ROW', [1, 'x'])), 'ROW<`EXPR$0` INT NOT NULL, `EXPR$1` STRING NOT NULL> NOT NULL');
  assert.equal(call('ITEM', [arr(10, 20), 1]), 10);
  assert.equal(call('ITEM', [arr(10, 20), 3]), null);
  assert.equal(call('ITEM', [arr(10, 20), 0]), null);
  assert.equal(call('ITEM', [[new Map([['k', 1]]), mapType(stringType(), intType())], 'k']), 1);
  assert.equal(call('ITEM', [[new Map([['k', 1]]), mapType(stringType(), intType())], 'z']), null);
  assert.equal(call('CARDINALITY', [arr(1, 2, 3)]), 3);
  assert.equal(call('ELEMENT', [arr(7)]), 7);
  assert.equal(call('ELEMENT', [arr()]), null);
  assert.throws(() => call('ELEMENT', [arr(1, 2)]), /more than one/);
});

test('array function table', () => {
  const cases: [string, unknown[], unknown][] = [
    ['ARRAY_APPEND', [arr(1, 2), 3], [1, 2, 3]],
    ['ARRAY_PREPEND', [arr(1, 2), 0], [0, 1, 2]],
    ['ARRAY_CONCAT', [arr(1), arr(2, 3)], [1, 2, 3]],
    ['ARRAY_CONTAINS', [arr(1, null), [null, intType()]], true],
    ['ARRAY_CONTAINS', [arr(1, 2), 3], false],
    ['ARRAY_DISTINCT', [arr(1, 1, null, 2, null)], [1, null, 2]],
    ['ARRAY_EXCEPT', [arr(1, 2, 2, 3), arr(2)], [1, 3]],
    ['ARRAY_EXCEPT', [arr(null, 1, 1), arr(2)], [1, null]],
    ['ARRAY_EXCEPT', [arr(1, 2), [null, IA]], [1, 2]],
    ['ARRAY_INTERSECT', [arr(1, null), arr(null)], [null]],
    ['ARRAY_INTERSECT', [arr(1, 2, 2, 3), arr(2, 3, 4)], [2, 3]],
    ['ARRAY_UNION', [arr(1, 2), arr(2, 3)], [1, 2, 3]],
    ['ARRAY_POSITION', [arr(5, 6, 7), 6], 2],
    ['ARRAY_POSITION', [arr(5, 6, 7), 9], 0],
    ['ARRAY_REMOVE', [arr(1, 2, 1, null), 1], [2, null]],
    ['ARRAY_REVERSE', [arr(1, 2, 3)], [3, 2, 1]],
    ['ARRAY_SLICE', [arr(1, 2, 3, 4, 5), 2, 4], [2, 3, 4]],
    ['ARRAY_SLICE', [arr(1, 2, 3, 4, 5), -2], [4, 5]],
    ['ARRAY_SLICE', [arr(1, 2, 3, 4, 5), 0, 1], [1]],
    ['ARRAY_SLICE', [arr(1, 2, 3), 3, 1], []],
    ['ARRAY_SLICE', [arr(1, 2, 3), -5, -2], [1, 2]],
    ['ARRAY_SLICE', [arr(1, 2, 3), 2, 0], []],
    ['ARRAY_SORT', [arr(3, null, 1, 2)], [null, 1, 2, 3]],
    ['ARRAY_SORT', [arr(3, null, 1, 2), false], [3, 2, 1, null]],
    ['ARRAY_SORT', [arr(3, null, 1), true, false], [1, 3, null]],
    ['ARRAY_MAX', [arr(3, null, 9, 2)], 9],
    ['ARRAY_MIN', [arr(3, null, 9, 2)], 2],
    ['ARRAY_MAX', [arr()], null],
    ['ARRAY_JOIN', [[['a', null, 'b'], SA], ','], 'a,b'],
    ['ARRAY_JOIN', [[['a', null, 'b'], SA], ',', 'NULL'], 'a,NULL,b'],
    ['ARRAY_APPEND', [[null, IA], 1], null],
  ];
  for (const [name, args, expected] of cases) assert.deepEqual(call(name, args), expected, `${name} ${JSON.stringify(args)}`);
});

test('map functions', () => {
  const MT = mapType(stringType(), intType());
  const m: readonly [unknown, typeof MT] = [new Map([['a', 1], ['b', 2]]), MT];
  assert.deepEqual(call('MAP_KEYS', [m]), ['a', 'b']);
  assert.deepEqual(call('MAP_VALUES', [m]), [1, 2]);
  assert.deepEqual(call('MAP_ENTRIES', [m]), [['a', 1], ['b', 2]]);
  assert.equal(printType(typeOf('MAP_ENTRIES', [m])), 'ARRAY<ROW<`key` STRING, `value` INT> NOT NULL>');
  assert.deepEqual(call('MAP_FROM_ARRAYS', [[['x', 'y'], SA], arr(1, 2)]), new Map([['x', 1], ['y', 2]]));
  assert.throws(() => call('MAP_FROM_ARRAYS', [[['x'], SA], arr(1, 2)]), /same length/);
  assert.deepEqual(call('MAP_UNION', [m, [new Map([['b', 9], ['c', 3]]), MT]]), new Map([['a', 1], ['b', 9], ['c', 3]]));
  assert.equal(call('CARDINALITY', [m]), 2);
});
