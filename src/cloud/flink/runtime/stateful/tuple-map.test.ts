import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TupleMap } from './tuple-map.js';
import { tupleKey } from './value-codec.js';

const POOL: unknown[] = [
  null, undefined, true, false, '', 'a', 'a\u0000', '\u0000', 'n1', 0, -0, 1, Number.NaN, 1n, 0n, new Uint8Array([1]), [1], [-0], ['a', null],
];

test('a tuple map finds the same entry for two tuples exactly when tupleKey gives them the same id', () => {
  for (const arity of [0, 1, 2, 3]) {
    const tuples: unknown[][] = [];
    const build = (prefix: unknown[]): void => {
      if (prefix.length === arity) { tuples.push(prefix); return; }
      // Three columns: a smaller pool keeps the square check quick.
      for (const v of prefix.length < 2 ? POOL : POOL.slice(0, 6)) build([...prefix, v]);
    };
    build([]);
    const map = new TupleMap<number>();
    const byId = new Map<unknown, number>();
    tuples.forEach((t, i) => {
      const id = tupleKey(t);
      if (!byId.has(id)) byId.set(id, i);
      if (map.get(t) === undefined) map.set(t, i);
    });
    assert.equal(map.size, byId.size, `arity ${arity}`);
    for (const t of tuples) assert.equal(map.get(t), byId.get(tupleKey(t)), `arity ${arity}: ${String(tupleKey(t))}`);
    assert.deepEqual(map.values().sort((a, b) => a - b), [...byId.values()].sort((a, b) => a - b));
    // Deleting every tuple empties the map, levels included; a second delete finds nothing.
    for (const t of tuples) map.delete(t);
    assert.equal(map.size, 0);
    assert.deepEqual(map.values(), []);
    assert.equal(tuples.length === 0 || map.delete(tuples[0] as unknown[]), tuples.length === 0);
    map.set(tuples[0] as unknown[], 7);
    assert.equal(map.get(tuples[0] as unknown[]), 7);
    assert.equal(map.size, 1);
  }
});

test('a tuple map overwrites an entry in place and iterates by first column', () => {
  const map = new TupleMap<string>();
  map.set([2n, 'x'], 'a');
  map.set([1n, 'y'], 'b');
  map.set([2n, 'z'], 'c');
  map.set([2n, 'x'], 'd');
  assert.equal(map.size, 3);
  assert.deepEqual(map.values(), ['d', 'c', 'b']);
  assert.equal(map.delete([2n, 'q']), false);
  assert.equal(map.delete([3n, 'x']), false);
  assert.equal(map.delete([2n, 'x']), true);
  assert.deepEqual(map.values(), ['c', 'b']);
});
