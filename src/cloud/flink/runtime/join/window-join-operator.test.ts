import { test } from 'node:test';
import assert from 'node:assert/strict';
import { OperatorHarness } from '../operator-harness.js';
import type { Row } from '../types.js';
import { assertJoinScript } from './join-changelog-script.js';
import { WindowJoinOperator } from './window-join-operator.js';
import type { OuterJoinKind } from './types.js';

// TUMBLE(…, 10) on both sides: rows (id, key, window_start, window_end)
function join(kind: OuterJoinKind): () => WindowJoinOperator {
  const side = { key: (r: Row) => r[1] ?? null, arity: 4, windowStart: (r: Row) => r[2] as number, windowEnd: (r: Row) => r[3] as number };
  return () => new WindowJoinOperator({ kind, left: side, right: side });
}

test('inner window join emits the pairs of a window once the watermark reaches its end', () => {
  assertJoinScript(join('INNER'), `
    L +I[1, 'a', 0, 10]
    L +I[2, 'b', 0, 10]
    R +I[7, 'a', 0, 10]
    R +I[8, 'a', 10, 20]
    L +I[3, 'a', 10, 20]
    WM 8
    WM 9
    > +I[1, 'a', 0, 10, 7, 'a', 0, 10] @9
    # late: window [0, 10) already fired
    R +I[9, 'b', 0, 10]
    WM 19
    > +I[3, 'a', 10, 20, 8, 'a', 10, 20] @19
  `, { rowtimes: true });
});

test('left, right and full window joins pad the unmatched rows of a window when it fires', () => {
  const script = (out: string): string => `
    L +I[1, 'a', 0, 10]
    L +I[2, 'b', 0, 10]
    R +I[7, 'a', 0, 10]
    R +I[8, 'c', 0, 10]
    L +I[3, null, 0, 10]
    WM 9
    ${out}
  `;
  const pair = "> +I[1, 'a', 0, 10, 7, 'a', 0, 10] @9";
  const left = "> +I[2, 'b', 0, 10, null, null, null, null] @9\n> +I[3, null, 0, 10, null, null, null, null] @9";
  const right = "> +I[null, null, null, null, 8, 'c', 0, 10] @9";
  assertJoinScript(join('LEFT'), script(`${pair}\n${left}`), { rowtimes: true });
  assertJoinScript(join('RIGHT'), script(`${pair}\n${right}`), { rowtimes: true });
  assertJoinScript(join('FULL'), script(`${pair}\n${left}\n${right}`), { rowtimes: true });
});

test('window join fires windows in end order and forgets them', () => {
  const h = new OperatorHarness(join('INNER')(), { inputs: 2 });
  h.changes("+I[1, 'a', 10, 20]\n+I[2, 'a', 0, 10]", 0).changes("+I[3, 'a', 10, 20]\n+I[4, 'a', 0, 10]", 1);
  h.watermark(100, 0).watermark(100, 1);
  assert.deepEqual(h.take().filter((l) => l.startsWith('+')), [
    "+I[2, 'a', 0, 10, 4, 'a', 0, 10]",
    "+I[1, 'a', 10, 20, 3, 'a', 10, 20]",
  ]);
  assert.equal((h.node.operator as WindowJoinOperator).openWindows, 0);
});
