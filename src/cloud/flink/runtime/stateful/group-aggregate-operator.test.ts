import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../../../shared/index.js';
import { intType, stringType } from '../../types/index.js';
import { OperatorHarness } from '../operator-harness.js';
import { assertChangelogScript } from './changelog-script.js';
import { GroupAggregateOperator, type GroupAggregateSpec } from './group-aggregate-operator.js';
import type { AggregateCall } from './types.js';

const COUNT_STAR: AggregateCall = { fn: 'COUNT' };
const SUM_V: AggregateCall = { fn: 'SUM', arg: (r) => r[1], argType: intType() };
const byKey = (aggregates: readonly AggregateCall[], extra: Partial<GroupAggregateSpec> = {}) => () =>
  new GroupAggregateOperator({ key: (r) => [r[0]], aggregates, ...extra });

test('COUNT and SUM by key: +I for a new key, -U/+U on change, -D when the last row is retracted', () => {
  assertChangelogScript(byKey([COUNT_STAR, SUM_V]), `
    +I['a', 1]
    +I['b', 2]
    > +I['a', 1n, 1]
    > +I['b', 1n, 2]
    ---
    +I['a', 3]
    > -U['a', 1n, 1]
    > +U['a', 2n, 4]
    ---
    -U['b', 2]
    +U['b', 5]
    > -U['b', 1n, 2]
    > +U['b', 1n, 5]
    ---
    -D['b', 5]
    > -D['b', 1n, 5]
  `);
});

test('mini-batch: one change per key per batch, none when the result is unchanged', () => {
  assertChangelogScript(byKey([SUM_V]), `
    +I['a', 1]
    +I['a', 2]
    +I['a', 3]
    > +I['a', 6]
    ---
    +I['a', 10]
    -D['a', 10]
    ---
    +I['z', 1]
    -D['z', 1]
    -D['never', 7]
  `);
});

test('without mini-batch every input row emits its own change', () => {
  assertChangelogScript(byKey([SUM_V], { miniBatch: false }), `
    +I['a', 1]
    +I['a', 2]
    -D['a', 1]
    > +I['a', 1]
    > -U['a', 1]
    > +U['a', 3]
    > -U['a', 3]
    > +U['a', 2]
  `);
});

test('MIN/MAX after retracting the current minimum and maximum', () => {
  const make = byKey([{ fn: 'MIN', arg: (r) => r[1], argType: intType() }, { fn: 'MAX', arg: (r) => r[1], argType: intType() }]);
  assertChangelogScript(make, `
    +I['k', 5]
    +I['k', 1]
    +I['k', 9]
    > +I['k', 1, 9]
    ---
    -D['k', 1]
    > -U['k', 1, 9]
    > +U['k', 5, 9]
    ---
    -D['k', 9]
    > -U['k', 5, 9]
    > +U['k', 5, 5]
  `);
});

test('HAVING flips: the shoe-store promotion row appears at 10 orders and leaves as -D at 11', () => {
  const make = byKey([COUNT_STAR], { having: (r) => (r[1] as bigint) % 10n === 0n });
  assertChangelogScript(make, `
    +I['c1', 1]
    +I['c1', 2]
    +I['c1', 3]
    +I['c1', 4]
    +I['c1', 5]
    +I['c1', 6]
    +I['c1', 7]
    +I['c1', 8]
    +I['c1', 9]
    ---
    +I['c1', 10]
    > +I['c1', 10n]
    ---
    +I['c1', 11]
    > -D['c1', 10n]
    ---
    -D['c1', 11]
    > +I['c1', 10n]
  `);
});

test('HAVING on a changing value: -U/+U while it keeps passing, -D when it stops, +I when it returns', () => {
  const make = byKey([SUM_V], { having: (r) => (r[1] === null ? null : (r[1] as number) > 10) });
  assertChangelogScript(make, `
    +I['a', 20]
    > +I['a', 20]
    ---
    +I['a', 5]
    > -U['a', 20]
    > +U['a', 25]
    ---
    -D['a', 20]
    > -D['a', 25]
    ---
    +I['a', 50]
    > +I['a', 55]
  `);
});

test('global aggregation emits +I, then -U/+U, then -D when every row is retracted', () => {
  const make = () => new GroupAggregateOperator({ aggregates: [COUNT_STAR, SUM_V] });
  assertChangelogScript(make, `
    +I['a', 1]
    > +I[1n, 1]
    ---
    +I['b', 2]
    > -U[1n, 1]
    > +U[2n, 3]
    ---
    -D['a', 1]
    -D['b', 2]
    > -D[2n, 3]
  `);
});

test('ROLLUP(a, b) as grouping sets with GROUPING ids', () => {
  const make = () => new GroupAggregateOperator({
    groupingSets: [
      { key: (r) => [r[0], r[1]], groupingId: 0 },
      { key: (r) => [r[0], null], groupingId: 1 },
      { key: () => [null, null], groupingId: 3 },
    ],
    aggregates: [COUNT_STAR],
  });
  assertChangelogScript(make, `
    +I['x', 'p']
    +I['x', 'q']
    > +I['x', 'p', 0, 1n]
    > +I['x', null, 1, 2n]
    > +I[null, null, 3, 2n]
    > +I['x', 'q', 0, 1n]
    ---
    -D['x', 'p']
    > -D['x', 'p', 0, 1n]
    > -U['x', null, 1, 2n]
    > +U['x', null, 1, 1n]
    > -U[null, null, 3, 2n]
    > +U[null, null, 3, 1n]
  `);
});

test('COUNT(DISTINCT) and LISTAGG over an updating input', () => {
  const make = byKey([
    { fn: 'COUNT', arg: (r) => r[1], argType: stringType(), distinct: true },
    { fn: 'LISTAGG', arg: (r) => r[1], argType: stringType() },
  ]);
  assertChangelogScript(make, `
    +I['k', 'x']
    +I['k', 'y']
    +I['k', 'x']
    > +I['k', 2n, 'x,y,x']
    ---
    -U['k', 'y']
    +U['k', 'x']
    > -U['k', 2n, 'x,y,x']
    > +U['k', 1n, 'x,x,x']
  `);
});

test('state TTL: an idle group expires lazily and starts over; a barrier purges it', () => {
  const clock = fixedClock(0);
  const op = new GroupAggregateOperator({ key: (r) => [r[0]], aggregates: [COUNT_STAR], stateTtlMs: 1000, clock });
  const h = new OperatorHarness(op);
  h.changes("+I['a']\n+I['b']");
  assert.deepEqual(h.take(), ["+I['a', 1n]", "+I['b', 1n]"]);
  clock.advance(600);
  h.changes("+I['b']");
  assert.deepEqual(h.take(), ["-U['b', 1n]", "+U['b', 2n]"]);
  clock.advance(600);
  h.changes("+I['a']\n-D['b']");
  assert.deepEqual(h.take(), ["+I['a', 1n]", "-U['b', 2n]", "+U['b', 1n]"], "'a' expired (1200 ms idle) and starts over; 'b' did not");
  clock.advance(1001);
  assert.equal(op.groupCount, 2);
  h.barrier();
  assert.equal(op.groupCount, 0, 'expired groups are purged at the barrier without output');
  assert.deepEqual(h.take(), []);
  h.changes("-D['a']");
  assert.deepEqual(h.take(), [], 'a retraction for expired state is ignored');
});
