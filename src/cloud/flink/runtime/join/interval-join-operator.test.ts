import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OperatorHarness } from '../operator-harness.js';
import type { Row } from '../types.js';
import { assertJoinScript } from './join-changelog-script.js';
import { IntervalJoinOperator } from './interval-join-operator.js';
import type { OuterJoinKind } from './types.js';

// lab 2: orders(order_id, customer_id, t) × customers(id, email, t)
// ON o.customer_id = c.id AND o.t BETWEEN c.t - INTERVAL '10' (ms here) AND c.t
function join(kind: OuterJoinKind): () => IntervalJoinOperator {
  return () => new IntervalJoinOperator({
    kind, lower: -10, upper: 0,
    left: { key: (r: Row) => r[1] ?? null, arity: 3, time: (r: Row) => r[2] as number },
    right: { key: (r: Row) => r[0] ?? null, arity: 3, time: (r: Row) => r[2] as number },
  });
}

test('lab 2 interval join: an order joins customer records arriving up to 10 after it, append-only', () => {
  assertJoinScript(join('INNER'), `
    L +I[1, 10, 100]
    R +I[10, 'a@x', 105]
    > +I[1, 10, 100, 10, 'a@x', 105] @105
    R +I[10, 'b@x', 120]
    L +I[2, 10, 115]
    > +I[2, 10, 115, 10, 'b@x', 120] @120
    R +I[10, 'c@x', 99]
    WM 130
    L +I[3, 10, 125]
  `, { rowtimes: true });
});

test('left interval join pads an order only once its window closed without a match', () => {
  assertJoinScript(join('LEFT'), `
    L +I[1, 10, 100]
    R +I[10, 'a@x', 105]
    > +I[1, 10, 100, 10, 'a@x', 105] @105
    L +I[3, 20, 111]
    WM 110
    WM 121
    > +I[3, 20, 111, null, null, null] @111
    # late: its window is already closed, padded at once
    L +I[4, 10, 50]
    > +I[4, 10, 50, null, null, null] @50
    L +I[5, null, 200]
    > +I[5, null, 200, null, null, null] @200
  `, { rowtimes: true });
});

test('right and full interval joins pad the unmatched rows of their outer sides in time order', () => {
  assertJoinScript(join('RIGHT'), `
    R +I[10, 'a@x', 105]
    R +I[11, 'b@x', 101]
    L +I[1, 10, 100]
    > +I[1, 10, 100, 10, 'a@x', 105] @105
    WM 106
    > +I[null, null, null, 11, 'b@x', 101] @101
  `, { rowtimes: true });
  assertJoinScript(join('FULL'), `
    R +I[10, 'a@x', 105]
    L +I[1, 20, 100]
    WM 111
    > +I[1, 20, 100, null, null, null] @100
    > +I[null, null, null, 10, 'a@x', 105] @105
  `, { rowtimes: true });
});

test('interval join state is dropped once the watermark passes what can still match', () => {
  const h = new OperatorHarness(join('INNER')(), { inputs: 2 });
  h.changes('+I[1, 10, 100]', 0).changes("+I[10, 'a', 100]", 1);
  const op = h.node.operator as IntervalJoinOperator;
  assert.deepEqual(op.stateSize, [1, 1]);
  h.watermark(99, 0).watermark(99, 1);
  assert.deepEqual(op.stateSize, [1, 1]);
  h.watermark(100, 0).watermark(100, 1);
  assert.deepEqual(op.stateSize, [1, 0], 'the customer record can meet no later order');
  h.watermark(110, 0).watermark(110, 1);
  assert.deepEqual(op.stateSize, [0, 0], 'the order can meet no later customer record');
});

test('a residual condition filters interval matches', () => {
  const make = (): IntervalJoinOperator => new IntervalJoinOperator({
    kind: 'LEFT', lower: 0, upper: 5, residual: (l, r) => l[0] !== r[1],
    left: { key: (r) => r[1] ?? null, arity: 3, time: (r) => r[2] as number },
    right: { key: (r) => r[0] ?? null, arity: 3, time: (r) => r[2] as number },
  });
  assertJoinScript(make, `
    R +I[10, 1, 100]
    R +I[10, 2, 100]
    L +I[1, 10, 103]
    > +I[1, 10, 103, 10, 2, 100]
    L +I[2, 10, 103]
    > +I[2, 10, 103, 10, 1, 100]
    L +I[1, 10, 110]
    WM 200
    > +I[1, 10, 110, null, null, null]
  `);
});
