/**
 * Differential properties of the event-time joins: random rows on both inputs arriving out of
 * order (bounded by D) with watermarks that never make a row late, random batches, snapshot →
 * restore at random points; the output (append-only) must equal a batch evaluation over all rows.
 * This is what proves that dropping state on the watermark never loses a result.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchOf } from '../batch.js';
import { formatChange } from '../changelog-notation.js';
import { OperatorHarness } from '../operator-harness.js';
import type { Operator } from '../operator.js';
import type { Row } from '../types.js';
import { IntervalJoinOperator, intervalJoinBounds } from './interval-join-operator.js';
import { TemporalJoinOperator } from './temporal-join-operator.js';
import { WindowJoinOperator } from './window-join-operator.js';
import type { OuterJoinKind } from './types.js';

function prng(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s % n; };
}

const D = 5;
interface Arrival { readonly side: 0 | 1; readonly row: Row; readonly kind: number; readonly at: number }

/** Feeds arrivals in arrival order with watermark `at - D - 1`; returns the output changes. */
function drive(make: () => Operator, arrivals: readonly Arrival[], rand: (n: number) => number): string[] {
  let h = new OperatorHarness(make(), { inputs: 2 });
  const out: string[] = [];
  const sorted = [...arrivals].sort((a, b) => a.at - b.at);
  let wm = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < sorted.length;) {
    const side = (sorted[i] as Arrival).side;
    let j = i;
    while (j < sorted.length && (sorted[j] as Arrival).side === side && j - i < 1 + rand(3)) j++;
    const slice = sorted.slice(i, j);
    h.node.pushBatch(side, batchOf(slice.map((a) => a.row), slice.map((a) => a.kind)));
    i = j;
    const w = (slice[slice.length - 1] as Arrival).at - D - 1;
    if (w > wm && rand(2) === 0) { wm = w; h.watermark(w, 0).watermark(w, 1); }
    out.push(...h.take());
    if (rand(5) === 0) {
      h = new OperatorHarness(make(), { inputs: 2 }).restore(JSON.parse(JSON.stringify(h.snapshot())));
      if (Number.isFinite(wm)) h.watermark(wm, 0).watermark(wm, 1);
      out.push(...h.take());
    }
  }
  h.end(0).end(1);
  out.push(...h.take());
  return out.filter((l) => /^[+-][IUD]\[/.test(l));
}

function intervalCase(kind: OuterJoinKind, seed: number): void {
  const rand = prng(seed * 31337);
  const { lower, upper } = intervalJoinBounds({ lower: -rand(6), lowerInclusive: rand(2) === 0, upper: rand(6), upperInclusive: rand(2) === 0 });
  const rows: [Row[], Row[]] = [[], []];
  const arrivals: Arrival[] = [];
  for (let i = 0; i < 30; i++) {
    const side = rand(2) as 0 | 1;
    const t = rand(60);
    const row: Row = [side * 100 + i, rand(5) === 0 ? null : rand(3), t];
    rows[side].push(row);
    arrivals.push({ side, row, kind: 0, at: t + rand(D + 1) + i / 100 });
  }
  const key = (r: Row): unknown => r[1] ?? null;
  const make = (): IntervalJoinOperator => new IntervalJoinOperator({
    kind, lower, upper,
    left: { key, arity: 3, time: (r) => r[2] as number },
    right: { key, arity: 3, time: (r) => r[2] as number },
  });
  const match = (l: Row, r: Row): boolean => l[1] !== null && l[1] === r[1] && (l[2] as number) - (r[2] as number) >= lower && (l[2] as number) - (r[2] as number) <= upper;
  const expected: string[] = [];
  for (const l of rows[0]) {
    const ms = rows[1].filter((r) => match(l, r));
    for (const r of ms) expected.push(formatChange([...l, ...r], 0));
    if (ms.length === 0 && (kind === 'LEFT' || kind === 'FULL')) expected.push(formatChange([...l, null, null, null], 0));
  }
  if (kind === 'RIGHT' || kind === 'FULL') {
    for (const r of rows[1]) if (!rows[0].some((l) => match(l, r))) expected.push(formatChange([null, null, null, ...r], 0));
  }
  assert.deepEqual(drive(make, arrivals, rand).sort(), expected.sort(), `${kind} seed ${seed} bounds [${lower}, ${upper}]`);
}

for (const kind of ['INNER', 'LEFT', 'RIGHT', 'FULL'] as const) {
  test(`${kind} interval join over out-of-order inputs equals the batch interval join`, () => {
    for (let seed = 1; seed <= 200; seed++) intervalCase(kind, seed);
  });
}

test('event-time temporal join over out-of-order inputs equals the batch "version valid at probe time"', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const rand = prng(seed * 7717);
    const probes: Row[] = [];
    const versions: { readonly row: Row; readonly deleted: boolean; readonly order: number }[] = [];
    const arrivals: Arrival[] = [];
    for (let i = 0; i < 40; i++) {
      const t = rand(60);
      const at = t + rand(D + 1) + i / 100;
      if (rand(2) === 0) {
        const row: Row = [i, rand(3), t];
        probes.push(row);
        arrivals.push({ side: 0, row, kind: 0, at });
      } else {
        const deleted = rand(5) === 0;
        const row: Row = [rand(3), `v${i}`, t];
        versions.push({ row, deleted, order: at });
        arrivals.push({ side: 1, row, kind: deleted ? 3 : 2, at });
      }
    }
    const make = (): TemporalJoinOperator => new TemporalJoinOperator({
      kind: 'LEFT',
      left: { key: (r) => r[1] ?? null, arity: 3, time: (r) => r[2] as number },
      right: { key: (r) => r[0] ?? null, arity: 3, time: (r) => r[2] as number },
    });
    const expected = probes.map((p) => {
      const valid = versions.filter((v) => v.row[0] === p[1] && (v.row[2] as number) <= (p[2] as number))
        .sort((a, b) => (a.row[2] as number) - (b.row[2] as number) || a.order - b.order);
      const v = valid[valid.length - 1];
      return formatChange([...p, ...(v === undefined || v.deleted ? [null, null, null] : v.row)], 0);
    });
    assert.deepEqual(drive(make, arrivals, rand).sort(), expected.sort(), `seed ${seed}`);
  }
});

for (const kind of ['INNER', 'LEFT', 'RIGHT', 'FULL'] as const) {
  test(`${kind} window join over out-of-order inputs equals the batch join per window`, () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = prng(seed * 4243);
      const rows: [Row[], Row[]] = [[], []];
      const arrivals: Arrival[] = [];
      for (let i = 0; i < 30; i++) {
        const side = rand(2) as 0 | 1;
        const t = rand(60);
        const start = t - (t % 10);
        const row: Row = [side * 100 + i, rand(5) === 0 ? null : rand(3), start, start + 10];
        rows[side].push(row);
        // a windowed row exists once its window may close: arrival near the window's end
        arrivals.push({ side, row, kind: 0, at: start + 10 + rand(D - 1) - D + i / 100 });
      }
      const w = { key: (r: Row): unknown => r[1] ?? null, arity: 4, windowStart: (r: Row) => r[2] as number, windowEnd: (r: Row) => r[3] as number };
      const make = (): WindowJoinOperator => new WindowJoinOperator({ kind, left: w, right: w });
      const match = (l: Row, r: Row): boolean => l[1] !== null && l[1] === r[1] && l[2] === r[2];
      const expected: string[] = [];
      for (const l of rows[0]) {
        const ms = rows[1].filter((r) => match(l, r));
        for (const r of ms) expected.push(formatChange([...l, ...r], 0));
        if (ms.length === 0 && (kind === 'LEFT' || kind === 'FULL')) expected.push(formatChange([...l, null, null, null, null], 0));
      }
      if (kind === 'RIGHT' || kind === 'FULL') {
        for (const r of rows[1]) if (!rows[0].some((l) => match(l, r))) expected.push(formatChange([null, null, null, null, ...r], 0));
      }
      assert.deepEqual(drive(make, arrivals, rand).sort(), expected.sort(), `${kind} seed ${seed}`);
    }
  });
}
