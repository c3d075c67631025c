import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchOf } from '../batch.js';
import { OperatorHarness } from '../operator-harness.js';
import type { Row } from '../types.js';
import { UnnestOperator } from './unnest-operator.js';
import type { UnnestSpec } from './types.js';

function run(spec: UnnestSpec, rows: readonly Row[], kinds: readonly number[]): string[] {
  const h = new OperatorHarness(new UnnestOperator(spec), { rowtimes: true });
  h.node.pushBatch(0, batchOf(rows, kinds, rows.map((_, i) => 1000 + i)));
  return h.take();
}
const col1 = (r: Row): unknown => r[1] ?? null;

test('CROSS JOIN UNNEST of an ARRAY yields one row per element, keeping kind and rowtime; empty and NULL yield nothing', () => {
  assert.deepEqual(run({ collection: col1, type: 'ARRAY' }, [['o1', ['red', 'blue']], ['o2', []], ['o3', null]], [0, 0, 0]), [
    "+I['o1', ['red', 'blue'], 'red'] @1000",
    "+I['o1', ['red', 'blue'], 'blue'] @1000",
  ]);
});

test('a retraction of the input retracts every row it produced', () => {
  assert.deepEqual(run({ collection: col1, type: 'ARRAY' }, [['o1', [1, 2]], ['o1', [1, 2]], ['o1', [3]]], [0, 1, 2]), [
    "+I['o1', [1, 2], 1] @1000", "+I['o1', [1, 2], 2] @1000",
    "-U['o1', [1, 2], 1] @1001", "-U['o1', [1, 2], 2] @1001",
    "+U['o1', [3], 3] @1002",
  ]);
});

test('WITH ORDINALITY appends the 1-based position', () => {
  assert.deepEqual(run({ collection: col1, type: 'ARRAY', withOrdinality: true }, [['o1', ['x', null]]], [0]), [
    "+I['o1', ['x', null], 'x', 1] @1000",
    "+I['o1', ['x', null], null, 2] @1000",
  ]);
});

test('UNNEST of a MAP yields (key, value) columns', () => {
  assert.deepEqual(run({ collection: col1, type: 'MAP' }, [['o1', new Map<unknown, unknown>([['k1', 1], ['k2', 2]])]], [0]), [
    "+I['o1', {'k1': 1, 'k2': 2}, 'k1', 1] @1000",
    "+I['o1', {'k1': 1, 'k2': 2}, 'k2', 2] @1000",
  ]);
});

test('UNNEST of a MULTISET repeats each element by its count', () => {
  assert.deepEqual(run({ collection: col1, type: 'MULTISET', withOrdinality: true }, [['o1', new Map([['a', 2], ['b', 1]])]], [0]), [
    "+I['o1', {'a': 2, 'b': 1}, 'a', 1] @1000",
    "+I['o1', {'a': 2, 'b': 1}, 'a', 2] @1000",
    "+I['o1', {'a': 2, 'b': 1}, 'b', 3] @1000",
  ]);
});

test('an ARRAY<ROW> spreads the element fields as columns', () => {
  assert.deepEqual(run({ collection: col1, type: 'ARRAY', rowFields: 2 }, [['o1', [['a', 1], null]]], [0]), [
    "+I['o1', [['a', 1], null], 'a', 1] @1000",
    "+I['o1', [['a', 1], null], null, null] @1000",
  ]);
});

test('LEFT JOIN LATERAL keeps rows with an empty or NULL collection, padded', () => {
  assert.deepEqual(run({ collection: col1, type: 'MAP', outer: true, withOrdinality: true }, [['o1', new Map()], ['o2', null]], [0, 3]), [
    "+I['o1', {}, null, null, null] @1000",
    "-D['o2', null, null, null, null] @1001",
  ]);
});
