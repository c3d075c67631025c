/**
 * Differential property for LIMIT over a changelog: random insert/update/delete changelogs in
 * random batch splits, with snapshot/restore at random points; the folded output must equal rows
 * offset+1..offset+limit of the live rows in arrival order (an updated row re-enters at the end).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { batchOf } from '../batch.js';
import { formatChange } from '../changelog-notation.js';
import { OperatorNode, type NodeSnapshot } from '../operator-node.js';
import { DELETE, INSERT, UPDATE_AFTER, UPDATE_BEFORE, type Row } from '../types.js';
import { UpdatingLimitOperator } from './updating-limit-operator.js';
import { seededRandom } from './seeded-random.js';

test('folded LIMIT/OFFSET output over updates equals the live rows in arrival order, 200 random runs', () => {
  for (let seed = 1; seed <= 200; seed++) {
    const rand = seededRandom(seed * 13 + 5);
    const limit = Math.floor(rand() * 5);
    const offset = Math.floor(rand() * 3);
    const live: Row[] = [];
    const rows: Row[] = [];
    const kinds: number[] = [];
    let nextId = 0;
    const n = 10 + Math.floor(rand() * 100);
    while (rows.length < n) {
      const r = rand();
      if (live.length === 0 || r < 0.55) {
        const row: Row = [nextId++, Math.floor(rand() * 4)];
        live.push(row); rows.push(row); kinds.push(INSERT);
      } else {
        const old = live.splice(Math.floor(rand() * live.length), 1)[0] as Row;
        if (r < 0.8) { rows.push(old); kinds.push(DELETE); } else {
          const row: Row = [old[0], (old[1] as number) + 1];
          live.push(row); rows.push(old, row); kinds.push(UPDATE_BEFORE, UPDATE_AFTER);
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
    const make = () => new UpdatingLimitOperator({ limit, offset });
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
    const expected = live.slice(offset, offset + limit).map((r) => formatChange(r, INSERT)).sort();
    assert.deepEqual([...table.keys()].sort(), expected, `seed ${seed} (limit ${limit}, offset ${offset})`);
  }
});
