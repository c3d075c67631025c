/**
 * Differential property: random insert/update/delete streams on both inputs, split into random
 * batches and interleaved at random, with random snapshot → restore points; the folded changelog
 * must equal a nested-loop join of the two final tables (and never fold below zero).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatChange } from '../changelog-notation.js';
import { batchOf } from '../batch.js';
import { OperatorHarness } from '../operator-harness.js';
import type { Row } from '../types.js';
import { RegularJoinOperator } from './regular-join-operator.js';
import type { JoinKind } from './types.js';

function prng(seed: number): (n: number) => number {
  let s = seed >>> 0 || 1;
  return (n) => { s ^= s << 13; s >>>= 0; s ^= s >>> 17; s ^= s << 5; s >>>= 0; return s % n; };
}

interface Change { readonly row: Row; readonly kind: number }

/** A random changelog over rows [id, key]: inserts, -U/+U updates and deletes of live rows. */
function randomStream(rand: (n: number) => number, n: number, idBase: number): { changes: Change[]; final: Row[] } {
  const live: Row[] = [];
  const changes: Change[] = [];
  const fresh = (): Row => [idBase + rand(6), rand(7) === 0 ? null : rand(4)];
  for (let i = 0; i < n; i++) {
    const op = live.length === 0 ? 0 : rand(4);
    if (op <= 1) { const r = fresh(); live.push(r); changes.push({ row: r, kind: 0 }); continue; }
    const at = rand(live.length);
    const old = live[at] as Row;
    if (op === 2) {
      const r = fresh();
      live[at] = r;
      changes.push({ row: old, kind: 1 }, { row: r, kind: 2 });
    } else {
      live.splice(at, 1);
      changes.push({ row: old, kind: 3 });
    }
  }
  return { changes, final: live };
}

function expected(kind: JoinKind, left: readonly Row[], right: readonly Row[], residual: (l: Row, r: Row) => boolean): string[] {
  const eq = (l: Row, r: Row): boolean => l[1] !== null && l[1] === r[1] && residual(l, r);
  const out: string[] = [];
  for (const l of left) {
    const ms = right.filter((r) => eq(l, r));
    if (kind === 'SEMI') { if (ms.length > 0) out.push(formatChange(l, 0)); continue; }
    if (kind === 'ANTI') { if (ms.length === 0) out.push(formatChange(l, 0)); continue; }
    for (const r of ms) out.push(formatChange([...l, ...r], 0));
    if (ms.length === 0 && (kind === 'LEFT' || kind === 'FULL')) out.push(formatChange([...l, null, null], 0));
  }
  if (kind === 'RIGHT' || kind === 'FULL') {
    for (const r of right) if (!left.some((l) => eq(l, r))) out.push(formatChange([null, null, ...r], 0));
  }
  return out.sort();
}

function fold(lines: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    if (!/^[+-][IUD]\[/.test(line)) continue;
    const body = `+I${line.slice(2)}`;
    const d = line.startsWith('+') ? 1 : -1;
    const n = (counts.get(body) ?? 0) + d;
    assert.ok(n >= 0, `retraction of a row never emitted: ${line}`);
    if (n === 0) counts.delete(body); else counts.set(body, n);
  }
  const out: string[] = [];
  for (const [k, n] of counts) for (let i = 0; i < n; i++) out.push(k);
  return out.sort();
}

function run(kind: JoinKind, seed: number, withResidual: boolean): void {
  const rand = prng(seed);
  const residual = withResidual ? (l: Row, r: Row): boolean => ((l[0] as number) + (r[0] as number)) % 3 !== 0 : (): boolean => true;
  const make = (): RegularJoinOperator => new RegularJoinOperator({
    kind, left: { key: (r) => r[1] ?? null, arity: 2 }, right: { key: (r) => r[1] ?? null, arity: 2 },
    ...(withResidual ? { residual } : {}),
  });
  const left = randomStream(rand, 40, 0);
  const right = randomStream(rand, 40, 100);
  let h = new OperatorHarness(make(), { inputs: 2 });
  const out: string[] = [];
  const pos = [0, 0];
  const streams = [left.changes, right.changes];
  while ((pos[0] as number) < left.changes.length || (pos[1] as number) < right.changes.length) {
    const side = (pos[0] as number) >= left.changes.length ? 1 : (pos[1] as number) >= right.changes.length ? 0 : rand(2);
    const s = streams[side] as Change[];
    const from = pos[side] as number;
    let to = Math.min(s.length, from + 1 + rand(5));
    if (to < s.length && (s[to - 1] as Change).kind === 1) to++; // keep -U/+U pairs together
    const slice = s.slice(from, to);
    pos[side] = to;
    h.node.pushBatch(side, batchOf(slice.map((c) => c.row), slice.map((c) => c.kind)));
    out.push(...h.take());
    if (rand(4) === 0) h = new OperatorHarness(make(), { inputs: 2 }).restore(JSON.parse(JSON.stringify(h.snapshot())));
  }
  assert.deepEqual(fold(out), expected(kind, left.final, right.final, residual), `${kind} seed ${seed}`);
}

for (const kind of ['INNER', 'LEFT', 'RIGHT', 'FULL', 'SEMI', 'ANTI'] as const) {
  test(`${kind} join: folded output of random changelogs equals a nested-loop join of the final tables`, () => {
    for (let seed = 1; seed <= 150; seed++) run(kind, seed, seed % 2 === 0);
  });
}

/** A random upsert changelog over rows [id, key]: +U upserts by id (no -U), -D tombstones carrying only the id. */
function randomUpserts(rand: (n: number) => number, n: number): { changes: Change[]; final: Row[] } {
  const live = new Map<number, Row>();
  const changes: Change[] = [];
  for (let i = 0; i < n; i++) {
    const id = 100 + rand(6);
    if (rand(4) === 0) { live.delete(id); changes.push({ row: [id, null], kind: 3 }); continue; }
    const r: Row = [id, rand(7) === 0 ? null : rand(4)];
    live.set(id, r);
    changes.push({ row: r, kind: rand(2) === 0 ? 0 : 2 });
  }
  return { changes, final: [...live.values()] };
}

for (const kind of ['INNER', 'LEFT', 'RIGHT', 'FULL', 'SEMI', 'ANTI'] as const) {
  test(`${kind} join against an upsert input (unique key, tombstones): folded output equals the nested-loop join`, () => {
    for (let seed = 1; seed <= 150; seed++) {
      const rand = prng(seed * 7919);
      const make = (): RegularJoinOperator => new RegularJoinOperator({
        kind, left: { key: (r) => r[1] ?? null, arity: 2 }, right: { key: (r) => r[1] ?? null, arity: 2, uniqueKey: (r) => r[0] },
      });
      const left = randomStream(rand, 30, 0);
      const right = randomUpserts(rand, 30);
      const h = new OperatorHarness(make(), { inputs: 2 });
      const out: string[] = [];
      let li = 0;
      let ri = 0;
      while (li < left.changes.length || ri < right.changes.length) {
        const side = li >= left.changes.length ? 1 : ri >= right.changes.length ? 0 : rand(2);
        const s = side === 0 ? left.changes : right.changes;
        const from = side === 0 ? li : ri;
        let to = Math.min(s.length, from + 1 + rand(4));
        if (to < s.length && (s[to - 1] as Change).kind === 1) to++;
        const slice = s.slice(from, to);
        if (side === 0) li = to; else ri = to;
        h.node.pushBatch(side, batchOf(slice.map((c) => c.row), slice.map((c) => c.kind)));
        out.push(...h.take());
      }
      assert.deepEqual(fold(out), expected(kind, left.final, right.final, () => true), `${kind} seed ${seed}`);
    }
  });
}
