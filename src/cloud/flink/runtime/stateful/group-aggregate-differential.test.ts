/**
 * Differential property: random insert/update/delete changelogs in random batch splits through the
 * group aggregate; folding its output changelog must give exactly what a naive batch GROUP BY over
 * the net input computes (with and without HAVING and mini-batch, through snapshot/restore at random points).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { intType } from '../../types/index.js';
import { batchOf } from '../batch.js';
import { formatChange } from '../changelog-notation.js';
import { OperatorNode } from '../operator-node.js';
import { DELETE, INSERT, UPDATE_AFTER, UPDATE_BEFORE, type Row, type RowPredicate } from '../types.js';
import { GroupAggregateOperator } from './group-aggregate-operator.js';
import type { AggregateCall } from './types.js';
import { seededRandom } from './seeded-random.js';

const AGGS: readonly AggregateCall[] = [
  { fn: 'COUNT' },
  { fn: 'COUNT', arg: (r) => r[1], argType: intType() },
  { fn: 'SUM', arg: (r) => r[1], argType: intType() },
  { fn: 'MIN', arg: (r) => r[1], argType: intType() },
  { fn: 'MAX', arg: (r) => r[1], argType: intType() },
  { fn: 'AVG', arg: (r) => r[1], argType: intType() },
];

/** A random valid changelog: retractions only of rows currently present. */
function randomChangelog(rand: () => number, n: number): { rows: Row[]; kinds: number[] } {
  const present: Row[] = [];
  const rows: Row[] = [];
  const kinds: number[] = [];
  const fresh = (): Row => [`k${Math.floor(rand() * 6)}`, rand() < 0.1 ? null : Math.floor(rand() * 41) - 20];
  while (rows.length < n) {
    const r = rand();
    if (present.length === 0 || r < 0.5) {
      const row = fresh(); present.push(row); rows.push(row); kinds.push(INSERT);
    } else {
      const i = Math.floor(rand() * present.length);
      const old = present[i] as Row;
      present.splice(i, 1);
      if (r < 0.75) { rows.push(old); kinds.push(DELETE); } else {
        const row: Row = [old[0], Math.floor(rand() * 41) - 20];
        present.push(row);
        rows.push(old, row); kinds.push(UPDATE_BEFORE, UPDATE_AFTER);
      }
    }
  }
  return { rows, kinds };
}

/** The naive batch evaluation over the net input. */
function naive(rows: readonly Row[], kinds: readonly number[], having: RowPredicate | undefined): string[] {
  const net = new Map<string, { row: Row; n: number }>();
  rows.forEach((row, i) => {
    const id = JSON.stringify(row);
    const e = net.get(id) ?? { row, n: 0 };
    e.n += kinds[i] === INSERT || kinds[i] === UPDATE_AFTER ? 1 : -1;
    net.set(id, e);
  });
  const groups = new Map<unknown, (number | null)[]>();
  for (const { row, n } of net.values()) for (let j = 0; j < n; j++) {
    const g = groups.get(row[0]) ?? [];
    g.push(row[1] as number | null);
    groups.set(row[0], g);
  }
  const out: string[] = [];
  for (const [k, vs] of groups) {
    const nn = vs.filter((v): v is number => v !== null);
    const sum = nn.reduce((a, b) => a + b, 0);
    const res: Row = [k, BigInt(vs.length), BigInt(nn.length), nn.length === 0 ? null : sum, nn.length === 0 ? null : Math.min(...nn),
      nn.length === 0 ? null : Math.max(...nn), nn.length === 0 ? null : Math.trunc(sum / nn.length)];
    if (having === undefined || having(res) === true) out.push(formatChange(res, INSERT));
  }
  return out.sort();
}

/** Runs the changelog in random batches (optionally restoring into a fresh operator midway); folds the output. */
function streamed(rand: () => number, rows: readonly Row[], kinds: readonly number[], having: RowPredicate | undefined): string[] {
  const table = new Map<string, number>();
  const miniBatch = rand() < 0.5;
  const make = () => new GroupAggregateOperator({ key: (r) => [r[0]], aggregates: AGGS, miniBatch, ...(having === undefined ? {} : { having }) });
  const downstream = (el: { kind: string; batch?: { size: number; rows: readonly Row[]; kinds: Uint8Array } }): void => {
    if (el.kind !== 'batch' || el.batch === undefined) return;
    for (let i = 0; i < el.batch.size; i++) {
      const line = formatChange(el.batch.rows[i] as Row, INSERT);
      const kind = el.batch.kinds[i];
      const n = (table.get(line) ?? 0) + (kind === INSERT || kind === UPDATE_AFTER ? 1 : -1);
      assert.ok(n >= 0, `retraction of a row downstream does not hold: ${line}`);
      if (n === 0) table.delete(line); else table.set(line, n);
    }
  };
  let node = new OperatorNode(make(), { inputs: 1, downstream });
  let i = 0;
  while (i < rows.length) {
    let j = Math.min(rows.length, i + 1 + Math.floor(rand() * 12));
    if (kinds[j - 1] === UPDATE_BEFORE && j < rows.length) j++;
    node.pushBatch(0, batchOf(rows.slice(i, j), kinds.slice(i, j)));
    i = j;
    if (rand() < 0.2) {
      const snap = JSON.parse(JSON.stringify(node.snapshot())) as ReturnType<OperatorNode['snapshot']>;
      node = new OperatorNode(make(), { inputs: 1, downstream });
      node.restore(snap);
    }
  }
  const out: string[] = [];
  for (const [line, n] of table) for (let k = 0; k < n; k++) out.push(line);
  return out.sort();
}

for (const [name, having] of [['no HAVING', undefined], ['HAVING COUNT(*) % 2 = 0', (r: Row) => (r[1] as bigint) % 2n === 0n]] as const) {
  test(`folded group-aggregate output equals the batch GROUP BY (${name}), 200 random runs`, () => {
    for (let seed = 1; seed <= 200; seed++) {
      const rand = seededRandom(seed);
      const { rows, kinds } = randomChangelog(rand, 20 + Math.floor(rand() * 120));
      assert.deepEqual(streamed(rand, rows, kinds, having), naive(rows, kinds, having), `seed ${seed}`);
    }
  });
}
