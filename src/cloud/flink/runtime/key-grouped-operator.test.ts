import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intType } from '../types/index.js';
import { BatchBuilder, type StreamElement } from './batch.js';
import { formatChange } from './changelog-notation.js';
import { IntervalJoinOperator, RegularJoinOperator } from './join/index.js';
import { KEY_GROUPS, keyGroupOf } from './key-groups.js';
import { KeyGroupedOperator, isKeyGroupedState, type KeyGroupedState } from './key-grouped-operator.js';
import type { Operator } from './operator.js';
import { OperatorNode, type NodeSnapshot } from './operator-node.js';
import { DeduplicateOperator, GroupAggregateOperator, RankOperator, WindowAggregateOperator } from './stateful/index.js';
import { seededRandom } from './stateful/seeded-random.js';
import { rowKey } from './stateful/value-codec.js';
import { DELETE, INSERT, UPDATE_AFTER, type Row } from './types.js';

type Step =
  | { readonly kind: 'rows'; readonly input: number; readonly rows: readonly (readonly [Row, number, number])[] }
  | { readonly kind: 'wm'; readonly input: number; readonly time: number }
  | { readonly kind: 'end'; readonly input: number };

interface Case {
  readonly name: string;
  readonly create: () => Operator;
  /** Per input: the key the operator groups by (what the planner hands KeyedNode). */
  readonly keys: readonly ((row: Row) => unknown)[];
  /** The key of an output row, as text. */
  readonly outKey: (row: Row) => string;
  /** The input may retract rows it inserted. */
  readonly updating?: boolean;
}

const first = (r: Row): unknown => r[0];
const tuple = (r: Row): unknown[] => [r[0]];
const CASES: readonly Case[] = [
  {
    name: 'GROUP BY k: COUNT(*), SUM(v) over an updating input', updating: true, keys: [tuple], outKey: (r) => rowKey([r[0]]),
    create: () => new GroupAggregateOperator({ key: tuple, aggregates: [{ fn: 'COUNT' }, { fn: 'SUM', arg: (r) => r[1], argType: intType() }] }),
  },
  {
    name: 'TUMBLE(10) GROUP BY k: COUNT(*), with late rows and event-time firing', keys: [tuple], outKey: (r) => rowKey([r[0]]),
    create: () => new WindowAggregateOperator({ window: { kind: 'tumble', size: 10 }, key: tuple, aggregates: [{ fn: 'COUNT' }, { fn: 'MAX', arg: (r) => r[1], argType: intType() }] }),
  },
  {
    name: 'FULL OUTER regular join on k (NULL keys padded)', keys: [first, first], outKey: (r) => rowKey([r[0] ?? r[2]]), updating: true,
    create: () => new RegularJoinOperator({ kind: 'FULL', left: { key: first, arity: 2 }, right: { key: first, arity: 2 } }),
  },
  {
    name: 'LEFT interval join on k, |l.t − r.t| ≤ 5 (padding fired by watermarks)', keys: [first, first], outKey: (r) => rowKey([r[0]]),
    create: () => new IntervalJoinOperator({ kind: 'LEFT', left: { key: first, arity: 2, time: (r) => r[1] as number }, right: { key: first, arity: 2, time: (r) => r[1] as number }, lower: -5, upper: 5 }),
  },
  {
    name: 'Top-2 by v DESC PARTITION BY k', keys: [tuple], outKey: (r) => rowKey([r[0]]),
    create: () => new RankOperator({ partitionKey: tuple, order: (a, b) => (b[1] as number) - (a[1] as number), rankEnd: 2, outputRank: true, insertOnly: true }),
  },
  {
    name: 'deduplicate: last row per k by rowtime', keys: [tuple], outKey: (r) => rowKey([r[0]]),
    create: () => new DeduplicateOperator({ key: tuple, keep: 'last', order: 'rowtime', rowtime: (r) => r[1] as number }),
  },
];

/** A random script: batches on random inputs (some rows late), advancing watermarks, then the ends. */
function script(c: Case, seed: number, length = 80): Step[] {
  const rnd = seededRandom(seed);
  const inputs = c.keys.length;
  const wm = new Array<number>(inputs).fill(0);
  const live: Row[][] = Array.from({ length: inputs }, () => []);
  const steps: Step[] = [];
  for (let s = 0; s < length; s++) {
    const input = Math.floor(rnd() * inputs);
    if (rnd() < 0.3) {
      wm[input] = (wm[input] as number) + Math.floor(rnd() * 8);
      steps.push({ kind: 'wm', input, time: wm[input] as number });
      continue;
    }
    const rows: [Row, number, number][] = [];
    for (let n = 1 + Math.floor(rnd() * 8); n > 0; n--) {
      const held = live[input] as Row[];
      if (c.updating === true && held.length > 0 && rnd() < 0.25) {
        const [gone] = held.splice(Math.floor(rnd() * held.length), 1);
        rows.push([gone as Row, DELETE, gone?.[1] as number]);
        continue;
      }
      const k = inputs === 2 && rnd() < 0.05 ? null : `k${Math.floor(rnd() * 40)}`;
      const t = (wm[input] as number) + Math.floor(rnd() * 30) - 10; // a third behind the watermark
      const row: Row = [k, t];
      held.push(row);
      rows.push([row, INSERT, t]);
    }
    steps.push({ kind: 'rows', input, rows });
  }
  for (let i = 0; i < inputs; i++) steps.push({ kind: 'end', input: i });
  return steps;
}

interface Change { readonly row: Row; readonly kind: number; readonly line: string }

/** A node around `op`, recording its output changes. */
function driven(op: Operator, inputs: number): { node: OperatorNode; out: Change[] } {
  const out: Change[] = [];
  const node = new OperatorNode(op, {
    inputs, downstream: (el: StreamElement) => {
      if (el.kind !== 'batch') return;
      const b = el.batch;
      for (let i = 0; i < b.size; i++) {
        const row = [...(b.rows[i] as Row)];
        out.push({ row, kind: b.kinds[i] as number, line: formatChange(row, b.kinds[i] as number, b.rowtimes[i]) });
      }
    },
  });
  return { node, out };
}

function feed(node: OperatorNode, steps: readonly Step[], keep: (input: number, row: Row) => boolean = () => true): void {
  for (const s of steps) {
    if (s.kind === 'wm') node.pushWatermark(s.input, s.time);
    else if (s.kind === 'end') node.pushEnd(s.input);
    else {
      const b = new BatchBuilder();
      for (const [row, kind, t] of s.rows) if (keep(s.input, row)) b.push(row, kind, t);
      node.pushBatch(s.input, b);
    }
  }
}

/** Output lines per output key, each key's changes in order. */
function byKey(c: Case, changes: readonly Change[]): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const { row, line } of changes) {
    const k = c.outKey(row);
    const list = m.get(k) ?? [];
    list.push(line);
    m.set(k, list);
  }
  return new Map([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The materialized result: the multiset of live rows after applying every change. */
function materialize(changes: readonly Change[]): string[] {
  const live = new Map<string, number>();
  for (const { row, kind } of changes) {
    const k = rowKey(row);
    const n = (live.get(k) ?? 0) + (kind === INSERT || kind === UPDATE_AFTER ? 1 : -1);
    if (n === 0) live.delete(k); else live.set(k, n);
  }
  return [...live].map(([k, n]) => `${JSON.stringify(k)} x${n}`).sort();
}

const grouped = (c: Case): KeyGroupedOperator => new KeyGroupedOperator({ create: c.create, keys: c.keys });
const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

for (const c of CASES) {
  test(`per key group = plain operator: ${c.name}`, () => {
    for (const seed of SEEDS) {
      const steps = script(c, seed);
      const plain = driven(c.create(), c.keys.length);
      feed(plain.node, steps);
      const op = grouped(c);
      const kg = driven(op, c.keys.length);
      feed(kg.node, steps);
      assert.ok(plain.out.length > 20, `seed ${seed}: the script produces output (${plain.out.length})`);
      assert.ok(op.groups.length > 10, `seed ${seed}: keys spread over ${op.groups.length} groups`);
      assert.deepEqual(byKey(c, kg.out), byKey(c, plain.out), `seed ${seed}: per-key changelogs`);
      assert.deepEqual(materialize(kg.out), materialize(plain.out), `seed ${seed}: final result`);
    }
  });

  test(`snapshot mid-stream, split the groups in two halves, restore each alone = plain operator restored there: ${c.name}`, () => {
    for (const seed of SEEDS) {
      const steps = script(c, 100 + seed);
      const cut = Math.floor(steps.length / 2);
      // After a restore the sources' watermarks start over: each input first sends one lower than
      // before the checkpoint (operators keep theirs; a group's new instance must too).
      const regressed = c.keys.map((_, input): Step => {
        const last = steps.slice(0, cut).filter((x) => x.kind === 'wm' && x.input === input).at(-1);
        return { kind: 'wm', input, time: last?.kind === 'wm' ? last.time - 15 : 0 };
      });
      const after = [...regressed, ...steps.slice(cut)];
      // The reference restores too: a node does not checkpoint its input watermarks (nor does Flink),
      // so after a restore a two-input operator sees no watermark until both inputs sent one again.
      const plainBefore = driven(c.create(), c.keys.length);
      feed(plainBefore.node, steps.slice(0, cut));
      const plainAfter = driven(c.create(), c.keys.length);
      plainAfter.node.restore(structuredClone(plainBefore.node.snapshot()));
      feed(plainAfter.node, after);
      const plain = { out: [...plainBefore.out, ...plainAfter.out] };
      const before = driven(grouped(c), c.keys.length);
      feed(before.node, steps.slice(0, cut));
      // The snapshot goes through v8 serialization, as a checkpoint does.
      const snap = structuredClone(before.node.snapshot());
      before.node.operator.close();
      const state = snap.operator as KeyGroupedState;
      assert.ok(isKeyGroupedState(state) && state.groups.length > 4);
      const halves = [(g: number) => g < KEY_GROUPS / 2, (g: number) => g >= KEY_GROUPS / 2];
      const outs = halves.map((mine) => {
        const half = driven(grouped(c), c.keys.length);
        half.node.restore({ operator: { ...state, groups: state.groups.filter(([g]) => mine(g)) }, timers: snap.timers } satisfies NodeSnapshot);
        feed(half.node, after, (input, row) => mine(keyGroupOf((c.keys[input] as (r: Row) => unknown)(row))));
        return half.out;
      });
      const union = [...before.out, ...(outs[0] as Change[]), ...(outs[1] as Change[])];
      assert.deepEqual(byKey(c, union), byKey(c, plain.out), `seed ${seed}: per-key changelogs`);
      assert.deepEqual(materialize(union), materialize(plain.out), `seed ${seed}: final result`);
    }
  });
}

test('a key-grouped operator refuses the state of a plain operator (another checkpoint layout)', () => {
  const c = CASES[0] as Case;
  const plain = driven(c.create(), 1);
  feed(plain.node, script(c, 9, 10));
  const state = plain.node.snapshot().operator;
  assert.equal(isKeyGroupedState(state), false);
  assert.throws(() => grouped(c).restore(state as KeyGroupedState), /key-grouped operator restores key-grouped state/);
  // And the other way: key-grouped state is not a plain operator's.
  const kg = grouped(c);
  assert.deepEqual(kg.snapshot(), { keyGroups: 1, groups: [] });
  assert.equal(isKeyGroupedState({ groups: [] }), false);
  assert.equal(isKeyGroupedState(null), false);
});
