import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CalcOperator, OperatorHarness } from './index.js';

const over10 = (row: unknown[]): boolean | null => (row[1] === null ? null : (row[1] as number) > 10);
const idAndDoubled = (row: unknown[]): unknown[] => [row[0], (row[1] as number) * 2];

test('calc projects and filters insert rows, dropping rows whose predicate is null', () => {
  const h = new OperatorHarness(new CalcOperator({ filter: over10, project: idAndDoubled }));
  h.changes(`
    +I['a', 5]
    +I['b', 11]
    +I['c', null]
  `);
  assert.deepEqual(h.take(), ["+I['b', 22]"]);
});

test('an update pair where both halves pass stays an update', () => {
  const h = new OperatorHarness(new CalcOperator({ filter: over10 }));
  h.changes("-U['a', 20]\n+U['a', 30]");
  assert.deepEqual(h.take(), ["-U['a', 20]", "+U['a', 30]"]);
});

test('an update pair where only the old half passes becomes a delete', () => {
  const h = new OperatorHarness(new CalcOperator({ filter: over10 }));
  h.changes("-U['a', 20]\n+U['a', 3]");
  assert.deepEqual(h.take(), ["-D['a', 20]"]);
});

test('an update pair where only the new half passes becomes an insert', () => {
  const h = new OperatorHarness(new CalcOperator({ filter: over10 }));
  h.changes("-U['a', 3]\n+U['a', 20]");
  assert.deepEqual(h.take(), ["+I['a', 20]"]);
});

test('an update pair where neither half passes disappears; deletes are filtered like inserts', () => {
  const h = new OperatorHarness(new CalcOperator({ filter: over10 }));
  h.changes("-U['a', 3]\n+U['a', 4]\n-D['b', 50]\n-D['c', 1]");
  assert.deepEqual(h.take(), ["-D['b', 50]"]);
});

test('calc keeps rowtimes and is stateless across snapshot/restore', () => {
  const h = new OperatorHarness(new CalcOperator({ project: (r) => [r[0]] }), { rowtimes: true });
  h.changes("+I['a', 1] @1000");
  assert.deepEqual(h.take(), ["+I['a'] @1000"]);
  assert.deepEqual(h.snapshot(), { operator: null, timers: [] });
});
