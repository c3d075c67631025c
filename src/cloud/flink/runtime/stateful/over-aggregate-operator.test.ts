import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intType } from '../../types/index.js';
import { OperatorHarness } from '../operator-harness.js';
import { assertChangelogScript } from './changelog-script.js';
import { OverAggregateOperator, type OverFrame } from './over-aggregate-operator.js';
import type { AggregateCall } from './types.js';

const AGGS: readonly AggregateCall[] = [{ fn: 'COUNT' }, { fn: 'SUM', arg: (r) => r[1], argType: intType() }, { fn: 'MAX', arg: (r) => r[1], argType: intType() }];
const over = (frame: OverFrame) => () => new OverAggregateOperator({ partitionKey: (r) => [r[0]], frame, aggregates: AGGS });

test('ROWS BETWEEN 1 PRECEDING AND CURRENT ROW: emitted in rowtime order once the watermark passes', () => {
  assertChangelogScript(over({ kind: 'rows', preceding: 1 }), `
    +I['a', 5] @30
    +I['a', 1] @10
    +I['b', 7] @15
    +I['a', 3] @20
    WM 20
    > +I['a', 1, 1n, 1, 1] @10
    > +I['b', 7, 1n, 7, 7] @15
    > +I['a', 3, 2n, 4, 3] @20
    +I['a', 9] @30
    WM 40
    > +I['a', 5, 2n, 8, 5] @30
    > +I['a', 9, 2n, 14, 9] @30
  `, { rowtimes: true });
});

test('RANGE BETWEEN INTERVAL 10 PRECEDING: peers share results, older rows leave the frame', () => {
  assertChangelogScript(over({ kind: 'range', preceding: 10 }), `
    +I['a', 9] @0
    +I['a', 1] @5
    +I['a', 2] @5
    +I['a', 4] @15
    WM 5
    > +I['a', 9, 1n, 9, 9] @0
    > +I['a', 1, 3n, 12, 9] @5
    > +I['a', 2, 3n, 12, 9] @5
    WM 100
    > +I['a', 4, 3n, 7, 4] @15
  `, { rowtimes: true });
});

test('UNBOUNDED PRECEDING accumulates everything per partition', () => {
  assertChangelogScript(over({ kind: 'rows', preceding: Number.POSITIVE_INFINITY }), `
    +I['a', 1] @1
    +I['a', 2] @2
    WM 1
    > +I['a', 1, 1n, 1, 1]
    +I['a', 3] @3
    END
    > +I['a', 2, 2n, 3, 2]
    > +I['a', 3, 3n, 6, 3]
  `);
});

test('rows at or below the watermark are late: dropped and counted', () => {
  const op = new OverAggregateOperator({ frame: { kind: 'rows', preceding: 0 }, aggregates: [{ fn: 'COUNT' }] });
  const h = new OperatorHarness(op);
  h.watermark(10).changes('+I[1] @10\n+I[2] @11');
  assert.equal(op.lateRecordsDropped, 1);
  h.watermark(11);
  assert.deepEqual(h.take().filter((l) => l.startsWith('+')), ['+I[2, 1n]']);
});
