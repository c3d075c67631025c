import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../../../control-plane/index.js';
import { intType } from '../../types/index.js';
import { BatchBuilder, CheckpointStore, GroupAggregateOperator, KEY_GROUPS, KeyGroupedOperator, isKeyGroupedState, keyGroupOf, keyGroupOwner } from '../../runtime/index.js';
import type { KeyGroupedState, NodeSnapshot, OperatorContext } from '../../runtime/index.js';
import { checkpointParallelism, hasKeyGroupedState, mergedOffsets, redistribute } from './redistribute.js';

const positions = (ps: readonly [number, number][]): unknown => ({ topic: 't', partitions: ps.map(([partition, next]) => ({ partition, next, end: null })) });

test('checkpoints move between parallelisms without losing or duplicating a partition position', () => {
  const dir = mkdtempSync(join(tmpdir(), 'streamform-redistribute-'));
  const db = openDatabase(dir);
  try {
    const store = new CheckpointStore(db);
    store.save({ statement: 'u1', checkpointId: 7, kind: 'checkpoint', sourceOffsets: { scan: positions([[0, 10], [1, 11], [2, 12], [3, 13], [4, 14]]) }, operatorState: { calc: 'x' }, createdAt: 1 });
    assert.equal(checkpointParallelism(store, 'u1'), 1);
    redistribute(db, 'u1', 1);
    assert.deepEqual(store.group('u1').map((c) => [c.statement, c.checkpointId, c.operatorState]), [['u1', 7, { calc: 'x' }]], 'same layout: untouched');

    redistribute(db, 'u1', 2);
    assert.equal(checkpointParallelism(store, 'u1'), 2);
    assert.deepEqual(store.group('u1').map((c) => [c.statement, c.checkpointId, c.kind, c.sourceOffsets]), [
      ['u1#0/2', 8, 'savepoint', { scan: positions([[0, 10], [2, 12], [4, 14]]) }],
      ['u1#1/2', 8, 'savepoint', { scan: positions([[1, 11], [3, 13]]) }],
    ]);
    // The subtasks progress independently.
    store.save({ statement: 'u1#1/2', checkpointId: 9, kind: 'checkpoint', sourceOffsets: { scan: positions([[1, 21], [3, 23]]) }, operatorState: {}, createdAt: 2 });
    redistribute(db, 'u1', 3);
    assert.deepEqual(store.group('u1').map((c) => c.statement), ['u1#0/3', 'u1#1/3', 'u1#2/3']);
    assert.deepEqual(store.group('u1').map((c) => c.sourceOffsets), [
      { scan: positions([[0, 10], [3, 23]]) }, { scan: positions([[1, 21], [4, 14]]) }, { scan: positions([[2, 12]]) },
    ]);
    redistribute(db, 'u1', 1);
    assert.deepEqual(mergedOffsets(store, 'u1'), { scan: positions([[0, 10], [1, 21], [2, 12], [3, 23], [4, 14]]) });
    assert.deepEqual(store.group('u1').map((c) => [c.statement, c.checkpointId]), [['u1', 11]]);
    store.delete('u1');
    assert.deepEqual(store.group('u1'), []);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

/** SUM(v) GROUP BY k, one instance per key group. */
const keyedSum = (): KeyGroupedOperator => new KeyGroupedOperator({
  create: () => new GroupAggregateOperator({ key: (r) => [r[0]], aggregates: [{ fn: 'SUM', arg: (r) => r[1], argType: intType() }] }),
  keys: [(r) => [r[0]]],
});
const groupOf = (k: string): number => keyGroupOf([k]);

/** What subtask `i` of `p` holds after reading the rows of the keys it owns. */
function subtaskState(i: number, p: number, keys: readonly string[], watermark: number): NodeSnapshot {
  const op = keyedSum();
  const b = new BatchBuilder();
  for (const k of keys) if (keyGroupOwner(groupOf(k), p) === i) b.push([k, k.length], 0, 0);
  op.onBatch(b, 0, ctx([]));
  op.onWatermark(watermark, ctx([]));
  return { operator: op.snapshot(), timers: [] };
}

/** An operator context collecting emitted changes as `kind:row` text. */
const ctx = (out: string[]): OperatorContext => ({
  emit: (row, kind) => { out.push(`${kind}:${JSON.stringify(row)}`); }, emitBatch: () => {}, registerTimer: () => {}, deleteTimer: () => {}, watermark: 0, finish: () => {},
});

const groupsOf = (cp: { readonly operatorState: { readonly [n: string]: unknown } }, node: string): KeyGroupedState => {
  const st = (cp.operatorState[node] as NodeSnapshot).operator;
  assert.ok(isKeyGroupedState(st), `${node} holds key-grouped state`);
  return st;
};

test('key-grouped state moves between parallelisms by key group: each subtask gets the groups it owns, none lost or doubled', () => {
  const dir = mkdtempSync(join(tmpdir(), 'streamform-redistribute-'));
  const db = openDatabase(dir);
  try {
    const store = new CheckpointStore(db);
    assert.equal(hasKeyGroupedState(store, 'u2'), undefined, 'no checkpoints yet');
    store.save({ statement: 'plain', checkpointId: 1, kind: 'checkpoint', sourceOffsets: {}, operatorState: { agg: { operator: { keys: [] }, timers: [] } }, createdAt: 1 });
    assert.equal(hasKeyGroupedState(store, 'plain'), false, 'a plain layout');

    const keys = Array.from({ length: 300 }, (_, n) => `key-${n}`);
    const few = keys.slice(0, 5); // a second keyed node with state in a few groups only
    const all = new Map<number, unknown>();
    for (let i = 0; i < 2; i++) {
      const agg = subtaskState(i, 2, keys, 40 + i * 10);
      const top = subtaskState(i, 2, few, 40 + i * 10);
      for (const [g, snap] of groupsOf({ operatorState: { agg } }, 'agg').groups) all.set(g, snap);
      store.save({
        statement: `u2#${i}/2`, checkpointId: 5, kind: 'checkpoint', createdAt: 3,
        sourceOffsets: { scan: positions([[0, 10], [1, 11], [2, 12], [3, 13], [4, 14], [5, 15]].filter(([q]) => (q as number) % 2 === i) as [number, number][]) },
        operatorState: { agg, top, calc: 'stateless-marker' },
      });
    }
    assert.equal(hasKeyGroupedState(store, 'u2'), true);
    assert.ok(all.size > 100, `${all.size} groups hold state`);

    redistribute(db, 'u2', 3);
    const lines = store.group('u2');
    assert.deepEqual(lines.map((c) => [c.statement, c.checkpointId, c.kind]), [['u2#0/3', 6, 'savepoint'], ['u2#1/3', 6, 'savepoint'], ['u2#2/3', 6, 'savepoint']]);
    assert.deepEqual(lines.map((c) => c.sourceOffsets), [
      { scan: positions([[0, 10], [3, 13]]) }, { scan: positions([[1, 11], [4, 14]]) }, { scan: positions([[2, 12], [5, 15]]) },
    ]);
    const seen = new Map<number, unknown>();
    lines.forEach((cp, i) => {
      const st = groupsOf(cp, 'agg');
      assert.equal(st.watermark, 40, 'the lowest watermark of the lines');
      for (const [g, snap] of st.groups) {
        assert.equal(keyGroupOwner(g, 3), i, `group ${g} is in line ${i}`);
        assert.ok(!seen.has(g), `group ${g} twice`);
        seen.set(g, snap);
      }
      for (const [g] of groupsOf(cp, 'top').groups) assert.equal(keyGroupOwner(g, 3), i);
      assert.equal(cp.operatorState['calc'], undefined, 'state of other nodes is not carried to another layout');
    });
    assert.deepEqual(new Map([...seen].sort(([a], [b]) => a - b)), new Map([...all].sort(([a], [b]) => a - b)), 'every group once, unchanged');
    assert.deepEqual(lines.flatMap((cp) => groupsOf(cp, 'top').groups.map(([g]) => g)).sort((a, b) => a - b), [...new Set(few.map(groupOf))].sort((a, b) => a - b));

    // A restored subtask continues with the sums of its keys.
    const restored = keyedSum();
    restored.restore(groupsOf(lines[1] as (typeof lines)[number], 'agg'));
    assert.ok(restored.groups.length > 0 && restored.groups.every((g) => keyGroupOwner(g, 3) === 1));
    const k = keys.find((x) => keyGroupOwner(groupOf(x), 3) === 1) as string;
    const out: string[] = [];
    const b = new BatchBuilder();
    b.push([k, 100], 0, 0);
    restored.onBatch(b, 0, ctx(out));
    assert.deepEqual(out, [`1:${JSON.stringify([k, k.length])}`, `2:${JSON.stringify([k, k.length + 100])}`]);

    redistribute(db, 'u2', 1);
    const [one, ...rest] = store.group('u2');
    assert.equal(rest.length, 0);
    assert.equal(one?.statement, 'u2');
    assert.deepEqual(one?.sourceOffsets, { scan: positions([[0, 10], [1, 11], [2, 12], [3, 13], [4, 14], [5, 15]]) });
    const merged = groupsOf(one as NonNullable<typeof one>, 'agg');
    assert.deepEqual(new Map(merged.groups), all);
    assert.ok(merged.groups.every(([g]) => g >= 0 && g < KEY_GROUPS));
    assert.equal(hasKeyGroupedState(store, 'u2'), true, 'still key-grouped at parallelism 1');
    assert.equal(checkpointParallelism(store, 'u2'), 1);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
