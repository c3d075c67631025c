/**
 * Differential property for Top-N: random insert/update/delete changelogs in random batch splits,
 * with snapshot/restore at random points; the folded output must equal a naive ranking of the net
 * input, for every rank function, with and without the rank number.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchOf } from '../batch.js';
import { formatChange } from '../changelog-notation.js';
import { OperatorNode, type NodeSnapshot } from '../operator-node.js';
import { DELETE, INSERT, UPDATE_AFTER, UPDATE_BEFORE, type Row } from '../types.js';
import { RankOperator } from './rank-operator.js';
import type { RankFunction, RowComparator } from './types.js';
import { seededRandom } from './seeded-random.js';

/** ORDER BY score DESC, then id ASC for ROW_NUMBER (a total order); score only for RANK/DENSE_RANK. */
const byScore: RowComparator = (a, b) => (b[2] as number) - (a[2] as number);
const byScoreThenId: RowComparator = (a, b) => byScore(a, b) || (a[1] as number) - (b[1] as number);

function naive(net: readonly Row[], fn: RankFunction, rankStart: number, rankEnd: number, outputRank: boolean): string[] {
  const parts = new Map<unknown, Row[]>();
  for (const r of net) { const l = parts.get(r[0]) ?? []; l.push(r); parts.set(r[0], l); }
  const out: string[] = [];
  const cmp = fn === 'ROW_NUMBER' ? byScoreThenId : byScore;
  for (const rows of parts.values()) {
    rows.sort(cmp);
    let rank = 0;
    rows.forEach((r, i) => {
      if (fn === 'ROW_NUMBER') rank = i + 1;
      else if (i === 0 || cmp(rows[i - 1] as Row, r) !== 0) rank = fn === 'RANK' ? i + 1 : rank + 1;
      if (rank >= rankStart && rank <= rankEnd) out.push(formatChange(outputRank ? [...r, BigInt(rank)] : r, INSERT));
    });
  }
  return out.sort();
}

for (const fn of ['ROW_NUMBER', 'RANK', 'DENSE_RANK'] as const) {
  for (const outputRank of [false, true]) {
    test(`folded Top-N output equals a naive ranking (${fn}, rank number ${outputRank ? 'on' : 'off'}), 150 random runs`, () => {
      for (let seed = 1; seed <= 150; seed++) {
        const rand = seededRandom(seed * 7 + fn.length + (outputRank ? 1 : 0));
        const rankStart = 1 + Math.floor(rand() * 2);
        const rankEnd = rankStart + Math.floor(rand() * 3);
        const present: Row[] = [];
        const rows: Row[] = [];
        const kinds: number[] = [];
        let nextId = 0;
        const n = 20 + Math.floor(rand() * 100);
        while (rows.length < n) {
          const r = rand();
          if (present.length === 0 || r < 0.55) {
            const row: Row = [`p${Math.floor(rand() * 3)}`, nextId++, Math.floor(rand() * 8)];
            present.push(row); rows.push(row); kinds.push(INSERT);
          } else {
            const old = present.splice(Math.floor(rand() * present.length), 1)[0] as Row;
            if (r < 0.8) { rows.push(old); kinds.push(DELETE); } else {
              const row: Row = [old[0], old[1], Math.floor(rand() * 8)];
              present.push(row); rows.push(old, row); kinds.push(UPDATE_BEFORE, UPDATE_AFTER);
            }
          }
        }
        const table = new Map<string, number>();
        const downstream = (el: { kind: string; batch?: { size: number; rows: readonly Row[]; kinds: Uint8Array } }): void => {
          if (el.kind !== 'batch' || el.batch === undefined) return;
          for (let i = 0; i < el.batch.size; i++) {
            const line = formatChange(el.batch.rows[i] as Row, INSERT);
            const k = el.batch.kinds[i];
            const c = (table.get(line) ?? 0) + (k === INSERT || k === UPDATE_AFTER ? 1 : -1);
            assert.ok(c >= 0 && c <= 1, `seed ${seed}: bad retraction or duplicate of ${line}`);
            if (c === 0) table.delete(line); else table.set(line, c);
          }
        };
        const make = () => new RankOperator({ partitionKey: (r) => [r[0]], order: fn === 'ROW_NUMBER' ? byScoreThenId : byScore, rankFunction: fn, rankStart, rankEnd, outputRank });
        let node = new OperatorNode(make(), { inputs: 1, downstream });
        let i = 0;
        while (i < rows.length) {
          let j = Math.min(rows.length, i + 1 + Math.floor(rand() * 10));
          if (kinds[j - 1] === UPDATE_BEFORE) j++;
          node.pushBatch(0, batchOf(rows.slice(i, j), kinds.slice(i, j)));
          i = j;
          if (rand() < 0.2) {
            const snap = JSON.parse(JSON.stringify(node.snapshot())) as NodeSnapshot;
            node = new OperatorNode(make(), { inputs: 1, downstream });
            node.restore(snap);
          }
        }
        assert.deepEqual([...table.keys()].sort(), naive(present, fn, rankStart, rankEnd, outputRank), `seed ${seed}`);
      }
    });
  }
}
