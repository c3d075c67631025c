import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OperatorHarness } from '../operator-harness.js';
import type { Row } from '../types.js';
import { assertJoinScript } from './join-changelog-script.js';
import { LookupJoinOperator } from './lookup-join-operator.js';
import { TemporalJoinOperator } from './temporal-join-operator.js';

// lab 2: orders(order_id, customer_id, t) JOIN customers_keyed(id, name, t) FOR SYSTEM_TIME AS OF o.t
function join(kind: 'INNER' | 'LEFT'): () => TemporalJoinOperator {
  return () => new TemporalJoinOperator({
    kind,
    left: { key: (r: Row) => r[1] ?? null, arity: 3, time: (r: Row) => r[2] as number },
    right: { key: (r: Row) => r[0] ?? null, arity: 3, time: (r: Row) => r[2] as number },
  });
}

const SCRIPT = `
  R +I[10, 'ann', 100]
  L +I[1, 10, 150]
  L +I[2, 10, 90]
  R +U[10, 'anna', 200]
  L +I[3, 10, 250]
  L +I[4, 10, 199]
  # the versioned side has no watermark yet: nothing is final
  WM L 300
  WM R 160
  > +I[2, 10, 90, null, null, null] @90
  > +I[1, 10, 150, 10, 'ann', 100] @150
  WM R 300
  > +I[4, 10, 199, 10, 'ann', 100] @199
  > +I[3, 10, 250, 10, 'anna', 200] @250
  # a version arriving after the probe still counts: the probe waits for the watermark
  L +I[5, 10, 400]
  R -U[10, 'anna', 350]
  R +U[10, 'bo', 350]
  WM 400
  > +I[5, 10, 400, 10, 'bo', 350] @400
  L +I[6, 10, 500]
  R -D[10, 'bo', 450]
  L -D[5, 10, 400]
  WM 500
  > -D[5, 10, 400, 10, 'bo', 350] @400
  > +I[6, 10, 500, null, null, null] @500
`;

test('event-time temporal join (LEFT) joins each order with the customer version valid at its time, on the watermark', () => {
  assertJoinScript(join('LEFT'), SCRIPT, { rowtimes: true });
});

test('event-time temporal join (INNER) drops probes without a valid version', () => {
  const inner = SCRIPT.split('\n').filter((l) => !l.includes('null, null, null')).join('\n');
  assertJoinScript(join('INNER'), inner, { rowtimes: true });
});

test('temporal join keeps only the versions a future probe can need', () => {
  const h = new OperatorHarness(join('INNER')(), { inputs: 2 });
  h.changes("+I[10, 'a', 100]\n+U[10, 'b', 200]\n+U[10, 'c', 300]\n+I[11, 'x', 100]\n-D[11, 'x', 150]", 1);
  h.changes('+I[1, 10, 250]', 0);
  const op = h.node.operator as TemporalJoinOperator;
  assert.deepEqual(op.stateSize, { probes: 1, versions: 5 });
  h.watermark(250, 0).watermark(250, 1);
  assert.deepEqual(h.take().filter((l) => l.startsWith('+')), ["+I[1, 10, 250, 10, 'b', 200]"]);
  assert.deepEqual(op.stateSize, { probes: 0, versions: 2 }, "b (valid at 250) and c remain; key 11's history ended");
});

test('processing-time temporal (lookup) join sees the latest version at arrival and never revises', () => {
  const make = (): LookupJoinOperator => new LookupJoinOperator({
    kind: 'LEFT', left: { key: (r) => r[1] ?? null, arity: 2 }, right: { key: (r) => r[0] ?? null, arity: 2 },
  });
  assertJoinScript(make, `
    L +I[1, 10]
    > +I[1, 10, null, null]
    R +I[10, 'ann']
    L +I[2, 10]
    > +I[2, 10, 10, 'ann']
    R -U[10, 'ann']
    R +U[10, 'bo']
    L +I[3, 10]
    > +I[3, 10, 10, 'bo']
    R -D[10, 'bo']
    L +I[4, 10]
    > +I[4, 10, null, null]
  `);
});
