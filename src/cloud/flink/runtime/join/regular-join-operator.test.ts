import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixedClock } from '../../../../shared/index.js';
import { OperatorHarness } from '../operator-harness.js';
import type { Row } from '../types.js';
import { assertJoinScript } from './join-changelog-script.js';
import { RegularJoinOperator } from './regular-join-operator.js';
import { parseStateTtl, stateTtlFromHint } from './state-ttl.js';
import type { JoinKind, RegularJoinSpec } from './types.js';

// orders(order_id, customer_id) × customers(id, name)
const col = (i: number) => (r: Row): unknown => r[i] ?? null;
function join(kind: JoinKind, extra: Partial<RegularJoinSpec> = {}): () => RegularJoinOperator {
  return () => new RegularJoinOperator({ kind, left: { key: col(1), arity: 2 }, right: { key: col(0), arity: 2 }, ...extra });
}

test('inner join of insert-only inputs emits every matching pair once, from whichever side arrives second', () => {
  assertJoinScript(join('INNER'), `
    L +I[1, 10]
    L +I[2, 20]
    R +I[10, 'ann']
    > +I[1, 10, 10, 'ann']
    L +I[3, 10]
    > +I[3, 10, 10, 'ann']
    R +I[10, 'ann']
    > +I[1, 10, 10, 'ann']
    > +I[3, 10, 10, 'ann']
    L +I[4, null]
    R +I[null, 'nobody']
  `);
});

test('inner join retractions from either side emit -D of the joined rows (lab 2: every order matches every copy)', () => {
  assertJoinScript(join('INNER'), `
    R +I[10, 'ann']
    L +I[1, 10]
    > +I[1, 10, 10, 'ann']
    R -U[10, 'ann']
    R +U[10, 'anna']
    > -D[1, 10, 10, 'ann']
    > +I[1, 10, 10, 'anna']
    L -D[1, 10]
    > -D[1, 10, 10, 'anna']
    L +I[1, 10]
    > +I[1, 10, 10, 'anna']
  `);
});

test('lab 2: orders × customers_keyed upsert gives one row per order and updates it when the customer changes', () => {
  const keyed = join('INNER', { right: { key: col(0), arity: 2, uniqueKey: col(0) } });
  assertJoinScript(keyed, `
    R +I[10, 'ann']
    L +I[1, 10]
    > +I[1, 10, 10, 'ann']
    # upsert input: +U without -U, then a tombstone carrying only the key
    R +U[10, 'anna']
    > -D[1, 10, 10, 'ann']
    > +I[1, 10, 10, 'anna']
    L +I[2, 10]
    > +I[2, 10, 10, 'anna']
    R -D[10, null]
    > -D[1, 10, 10, 'anna']
    > -D[2, 10, 10, 'anna']
    R +U[10, 'bo']
    > +I[1, 10, 10, 'bo']
    > +I[2, 10, 10, 'bo']
  `);
});

test('left join pads unmatched rows and retracts the padding when the first match appears and restores it when the last goes', () => {
  assertJoinScript(join('LEFT'), `
    L +I[1, 10]
    > +I[1, 10, null, null]
    R +I[10, 'ann']
    > -D[1, 10, null, null]
    > +I[1, 10, 10, 'ann']
    R +I[10, 'bo']
    > +I[1, 10, 10, 'bo']
    R -D[10, 'ann']
    > -D[1, 10, 10, 'ann']
    R -D[10, 'bo']
    > -D[1, 10, 10, 'bo']
    > +I[1, 10, null, null]
    L -D[1, 10]
    > -D[1, 10, null, null]
    L +I[2, null]
    > +I[2, null, null, null]
    L -D[2, null]
    > -D[2, null, null, null]
  `);
});

test('right join mirrors the left join', () => {
  assertJoinScript(join('RIGHT'), `
    R +I[10, 'ann']
    > +I[null, null, 10, 'ann']
    L +I[1, 10]
    > -D[null, null, 10, 'ann']
    > +I[1, 10, 10, 'ann']
    L -D[1, 10]
    > -D[1, 10, 10, 'ann']
    > +I[null, null, 10, 'ann']
  `);
});

test('full outer join pads both sides and updates an outer row whose partner changes', () => {
  assertJoinScript(join('FULL'), `
    L +I[1, 10]
    > +I[1, 10, null, null]
    R +I[20, 'bo']
    > +I[null, null, 20, 'bo']
    R +I[10, 'ann']
    > -D[1, 10, null, null]
    > +I[1, 10, 10, 'ann']
    L -U[1, 10]
    L +U[1, 20]
    > -D[1, 10, 10, 'ann']
    > +I[null, null, 10, 'ann']
    > -D[null, null, 20, 'bo']
    > +I[1, 20, 20, 'bo']
  `);
});

test('a residual condition decides matches and outer padding', () => {
  // ON o.customer_id = c.id AND o.order_id > 1
  const residual = (l: Row, _r: Row): boolean | null => (l[0] === null ? null : (l[0] as number) > 1);
  assertJoinScript(join('LEFT', { residual }), `
    R +I[10, 'ann']
    L +I[1, 10]
    > +I[1, 10, null, null]
    L +I[2, 10]
    > +I[2, 10, 10, 'ann']
    R +I[10, 'bo']
    > +I[2, 10, 10, 'bo']
  `);
});

test('duplicate rows join once per occurrence and retract one occurrence at a time', () => {
  assertJoinScript(join('LEFT'), `
    L +I[1, 10]
    L +I[1, 10]
    > +I[1, 10, null, null]
    > +I[1, 10, null, null]
    R +I[10, 'ann']
    > -D[1, 10, null, null]
    > -D[1, 10, null, null]
    > +I[1, 10, 10, 'ann']
    > +I[1, 10, 10, 'ann']
    L -D[1, 10]
    > -D[1, 10, 10, 'ann']
    R -D[10, 'ann']
    > -D[1, 10, 10, 'ann']
    > +I[1, 10, null, null]
  `);
});

test('semi join (IN / EXISTS) emits a left row while it has at least one match', () => {
  assertJoinScript(join('SEMI'), `
    L +I[1, 10]
    R +I[10, 'ann']
    > +I[1, 10]
    R +I[10, 'bo']
    L +I[2, 10]
    > +I[2, 10]
    R -D[10, 'ann']
    R -D[10, 'bo']
    > -D[1, 10]
    > -D[2, 10]
    L +I[3, null]
    R +I[null, 'x']
  `);
});

test('anti join (NOT EXISTS) emits a left row while it has no match; NULL keys never match', () => {
  assertJoinScript(join('ANTI'), `
    L +I[1, 10]
    > +I[1, 10]
    L +I[2, null]
    > +I[2, null]
    R +I[10, 'ann']
    > -D[1, 10]
    R +I[null, 'x']
    R -D[10, 'ann']
    > +I[1, 10]
    L -D[1, 10]
    > -D[1, 10]
  `);
});

test('NOT IN is null-aware: a NULL on the right removes every row, a NULL on the left is removed by any right row', () => {
  assertJoinScript(join('ANTI', { nullAware: true }), `
    L +I[1, 10]
    > +I[1, 10]
    L +I[2, null]
    > +I[2, null]
    R +I[20, 'bo']
    > -D[2, null]
    R +I[null, 'x']
    > -D[1, 10]
    R -D[null, 'x']
    > +I[1, 10]
    R -D[20, 'bo']
    > +I[2, null]
  `);
});

test('STATE_TTL: a row is invisible once its input\'s retention passed (processing time) and survives a restore', () => {
  const clock = fixedClock(1_000);
  const make = (): RegularJoinOperator => new RegularJoinOperator({
    kind: 'INNER', clock,
    left: { key: col(1), arity: 2, ttlMs: parseStateTtl('6h') ?? 0 },
    right: { key: col(0), arity: 2, ttlMs: parseStateTtl('2d') ?? 0 },
  });
  const h = new OperatorHarness(make(), { inputs: 2 });
  h.changes('+I[1, 10]', 0).changes("+I[10, 'ann']", 1);
  assert.deepEqual(h.take(), ["+I[1, 10, 10, 'ann']"]);
  clock.advance(6 * 3600_000);
  h.changes("+I[10, 'bo']", 1);
  assert.deepEqual(h.take(), [], 'the order expired after 6 h');
  h.changes('+I[2, 10]', 0);
  assert.deepEqual(h.take(), ["+I[2, 10, 10, 'ann']", "+I[2, 10, 10, 'bo']"]);
  const restored = new OperatorHarness(make(), { inputs: 2 }).restore(JSON.parse(JSON.stringify(h.snapshot())));
  clock.advance(2 * 86_400_000 - 6 * 3600_000);
  restored.changes('+I[3, 10]', 0);
  assert.deepEqual(restored.take(), ["+I[3, 10, 10, 'bo']"], 'ann (written at t0) expired after 2 d, bo not yet');
  assert.deepEqual((restored.node.operator as RegularJoinOperator).stateSize, [2, 1]);
});

test('parseStateTtl reads Flink durations and rejects garbage', () => {
  assert.equal(parseStateTtl('6h'), 6 * 3600_000);
  assert.equal(parseStateTtl('2d'), 2 * 86_400_000);
  assert.equal(parseStateTtl('10 min'), 600_000);
  assert.equal(parseStateTtl('1500'), 1500);
  assert.equal(parseStateTtl('3 s'), 3000);
  assert.equal(parseStateTtl('0'), null);
  assert.equal(parseStateTtl('six hours'), null);
});

test("stateTtlFromHint maps /*+ STATE_TTL('o'='6h', 'customers'='2d') */ to per-input TTLs by table name or alias", () => {
  const r = stateTtlFromHint({ o: '6h', customers: '2d', nope: '1h', c: 'soon' }, [['shoe_orders', 'o'], ['customers', 'c']]);
  assert.deepEqual(r.ttls, [6 * 3600_000, 2 * 86_400_000]);
  assert.deepEqual(r.unknown, ['nope']);
  assert.deepEqual(r.invalid, ['c']);
});
