import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OperatorHarness } from '../../operator-harness.js';
import { assertChangelogScript } from '../changelog-script.js';
import type { RankFunction, RowComparator } from '../types.js';
import { WindowDeduplicateOperator } from './window-deduplicate-operator.js';
import { WindowRankOperator } from './window-rank-operator.js';

const byCol1Desc: RowComparator = (a, b) => (b[1] as number) - (a[1] as number);

test('window Top-2 over window aggregation output (window columns on the row), with rank numbers', () => {
  const make = () => new WindowRankOperator({
    windowing: { kind: 'columns', start: (r) => r[2] as number, end: (r) => r[3] as number },
    order: byCol1Desc, rankEnd: 2, outputRank: true,
  });
  assertChangelogScript(make, `
    +I['a', 10, 0, 10, 9]
    +I['b', 30, 0, 10, 9]
    +I['c', 20, 0, 10, 9]
    +I['d', 5, 10, 20, 19]
    WM 9
    > +I['b', 30, 0, 10, 9, 1n] @9
    > +I['c', 20, 0, 10, 9, 2n] @9
    +I['e', 99, 0, 10, 9]
    END
    > +I['d', 5, 10, 20, 19, 1n] @19
  `, { rowtimes: true });
});

for (const [fn, expected] of [
  ['ROW_NUMBER', "> +I['x', 5, 0, 10, 9]\n> +I['y', 5, 0, 10, 9]"],
  ['RANK', "> +I['x', 5, 0, 10, 9]\n> +I['y', 5, 0, 10, 9]"],
  ['DENSE_RANK', "> +I['x', 5, 0, 10, 9]\n> +I['y', 5, 0, 10, 9]\n> +I['z', 3, 0, 10, 9]"],
] as const) {
  test(`window Top-N with ${fn} applying a TUMBLE itself, partitioned by key`, () => {
    const make = () => new WindowRankOperator({
      windowing: { kind: 'tvf', window: { kind: 'tumble', size: 10 } },
      order: byCol1Desc, rankFunction: fn as RankFunction, rankEnd: 2,
    });
    assertChangelogScript(make, `
      +I['z', 3] @2
      +I['x', 5] @1
      +I['w', 1] @3
      +I['y', 5] @4
      WM 9
      ${expected}
    `);
  });
}

test('window Top-N partitions by key within each window and rank range 2..2', () => {
  const make = () => new WindowRankOperator({
    windowing: { kind: 'tvf', window: { kind: 'hop', slide: 5, size: 10 } },
    partitionKey: (r) => [r[0]], order: byCol1Desc, rankStart: 2, rankEnd: 2, outputRank: true,
  });
  assertChangelogScript(make, `
    +I['a', 1] @1
    +I['a', 2] @6
    +I['b', 7] @7
    +I['a', 3] @8
    WM 9
    > +I['a', 2, 0, 10, 9, 2n]
    WM 14
    > +I['a', 2, 5, 15, 14, 2n]
  `);
});

test('window Top-N drops and counts rows of fired windows', () => {
  const op = new WindowRankOperator({ windowing: { kind: 'tvf', window: { kind: 'tumble', size: 10 } }, order: byCol1Desc, rankEnd: 1 });
  const h = new OperatorHarness(op);
  h.watermark(10).changes("+I['late', 1] @5");
  assert.equal(op.lateRecordsDropped, 1);
});

test('window deduplication keeps the first row per key per window (ties: earlier arrival)', () => {
  const make = () => new WindowDeduplicateOperator({ windowing: { kind: 'tvf', window: { kind: 'tumble', size: 10 } }, key: (r) => [r[0]], keep: 'first' });
  assertChangelogScript(make, `
    +I['a', 'second'] @5
    +I['a', 'first'] @2
    +I['a', 'tie'] @2
    +I['b', 'only'] @9
    +I['a', 'next'] @12
    WM 9
    > +I['a', 'first', 0, 10, 9] @9
    > +I['b', 'only', 0, 10, 9] @9
    END
    > +I['a', 'next', 10, 20, 19] @19
  `, { rowtimes: true });
});

test('window deduplication keeps the last row per key per window (ties: later arrival)', () => {
  const make = () => new WindowDeduplicateOperator({ windowing: { kind: 'tvf', window: { kind: 'tumble', size: 10 } }, key: (r) => [r[0]], keep: 'last' });
  assertChangelogScript(make, `
    +I['a', 'x'] @5
    +I['a', 'tie'] @5
    +I['a', 'older'] @1
    WM 9
    > +I['a', 'tie', 0, 10, 9]
  `);
});
