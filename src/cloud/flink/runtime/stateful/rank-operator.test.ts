import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../../../shared/index.js';
import { OperatorHarness } from '../operator-harness.js';
import { assertChangelogScript } from './changelog-script.js';
import { DeduplicateOperator } from './deduplicate-operator.js';
import { RankOperator, type RankSpec } from './rank-operator.js';
import type { RowComparator } from './types.js';

const salesDesc: RowComparator = (a, b) => (b[2] as number) - (a[2] as number);
const topN = (extra: Partial<RankSpec> & { rankEnd: number }) => () =>
  new RankOperator({ partitionKey: (r) => [r[0]], order: salesDesc, ...extra });

test('Top-2 without rank number over an updating input: rows leave with -D and enter with +I', () => {
  assertChangelogScript(topN({ rankEnd: 2 }), `
    +I['shoes', 'a', 10]
    +I['shoes', 'b', 20]
    +I['shoes', 'c', 5]
    +I['hats', 'h', 1]
    > +I['shoes', 'b', 20]
    > +I['shoes', 'a', 10]
    > +I['hats', 'h', 1]
    ---
    +I['shoes', 'd', 15]
    > -D['shoes', 'a', 10]
    > +I['shoes', 'd', 15]
    ---
    -U['shoes', 'b', 20]
    +U['shoes', 'b', 1]
    > -D['shoes', 'b', 20]
    > +I['shoes', 'a', 10]
    ---
    -D['shoes', 'c', 5]
    -D['nothing', 'x', 1]
  `);
});

test('Top-2 with rank number: a rank whose row changes emits -U/+U, a vanished rank -D', () => {
  assertChangelogScript(topN({ rankEnd: 2, outputRank: true }), `
    +I['s', 'a', 10]
    +I['s', 'b', 20]
    > +I['s', 'b', 20, 1n]
    > +I['s', 'a', 10, 2n]
    ---
    +I['s', 'c', 15]
    > -U['s', 'a', 10, 2n]
    > +U['s', 'c', 15, 2n]
    ---
    +I['s', 'd', 30]
    > -U['s', 'b', 20, 1n]
    > +U['s', 'd', 30, 1n]
    > -U['s', 'c', 15, 2n]
    > +U['s', 'b', 20, 2n]
    ---
    -D['s', 'd', 30]
    -D['s', 'b', 20]
    -D['s', 'c', 15]
    > -U['s', 'd', 30, 1n]
    > +U['s', 'a', 10, 1n]
    > -D['s', 'b', 20, 2n]
  `);
});

test('RANK keeps ties (more than N rows) and an insert-only Top-N prunes its state', () => {
  assertChangelogScript(topN({ rankEnd: 1, rankFunction: 'RANK', insertOnly: true, outputRank: true }), `
    +I['s', 'a', 10]
    > +I['s', 'a', 10, 1n]
    ---
    +I['s', 'b', 10]
    > +I['s', 'b', 10, 1n]
    ---
    +I['s', 'c', 5]
    ---
    +I['s', 'd', 11]
    > -U['s', 'a', 10, 1n]
    > +U['s', 'd', 11, 1n]
    > -D['s', 'b', 10, 1n]
  `);
});

test('deduplication keep-first on processing time is append-only', () => {
  const make = () => new DeduplicateOperator({ key: (r) => [r[0]], keep: 'first', order: 'proctime' });
  assertChangelogScript(make, `
    +I['a', 1] @5
    +I['a', 2] @1
    +I['b', 3] @2
    > +I['a', 1] @5
    > +I['b', 3] @2
    ---
    +I['a', 4] @9
  `, { rowtimes: true });
});

test('deduplication keep-last on processing time updates with -U/+U, once per key per batch', () => {
  const make = () => new DeduplicateOperator({ key: (r) => [r[0]], keep: 'last', order: 'proctime', outputRank: true });
  assertChangelogScript(make, `
    +I['a', 1]
    +I['a', 2]
    > +I['a', 2, 1n]
    ---
    +I['a', 3]
    +I['b', 1]
    > -U['a', 2, 1n]
    > +U['a', 3, 1n]
    > +I['b', 1, 1n]
  `);
});

test('deduplication on rowtime: keep-first takes a late earlier row, keep-last ignores an older one', () => {
  const first = () => new DeduplicateOperator({ key: (r) => [r[0]], keep: 'first', order: 'rowtime' });
  assertChangelogScript(first, `
    +I['a', 'x'] @10
    > +I['a', 'x'] @10
    ---
    +I['a', 'earlier'] @3
    > -U['a', 'x']
    > +U['a', 'earlier'] @3
    ---
    +I['a', 'later'] @20
  `, { rowtimes: true });
  const last = () => new DeduplicateOperator({ key: (r) => [r[0]], keep: 'last', order: 'rowtime' });
  assertChangelogScript(last, `
    +I['a', 'x'] @10
    > +I['a', 'x'] @10
    ---
    +I['a', 'older'] @3
    ---
    +I['a', 'tie'] @10
    > -U['a', 'x']
    > +U['a', 'tie'] @10
  `, { rowtimes: true });
});

test('deduplication with state TTL: an expired key counts its next row as the first again', () => {
  const clock = fixedClock(0);
  const op = new DeduplicateOperator({ key: (r) => [r[0]], keep: 'first', order: 'proctime', stateTtlMs: 100, clock });
  const h = new OperatorHarness(op);
  h.changes("+I['a', 1]\n+I['b', 1]");
  assert.deepEqual(h.take(), ["+I['a', 1]", "+I['b', 1]"]);
  clock.advance(60);
  h.changes("+I['b', 2]");
  clock.advance(60);
  h.changes("+I['a', 3]\n+I['b', 3]");
  assert.deepEqual(h.take(), ["+I['a', 3]"], "'a' idle 120 ms expired; 'b' was touched 60 ms ago");
  clock.advance(200);
  h.barrier();
  assert.equal(op.keyCount, 0);
});
