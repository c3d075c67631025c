import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Dag, walkDag } from './dag.js';

function chain(): Dag<null> {
  const g = new Dag<null>();
  for (const id of ['a', 'b', 'c', 'd']) g.add({ id, data: null });
  g.depend('b', 'a'); g.depend('c', 'b'); g.depend('d', 'a');
  return g;
}

test('topological order respects dependencies and is stable', () => {
  assert.deepEqual(chain().topoOrder(), ['a', 'b', 'd', 'c']);
});

test('finds cycles with their path', () => {
  const g = chain();
  g.depend('a', 'c');
  const cycles = g.cycles();
  assert.equal(cycles.length, 1);
  assert.deepEqual(cycles[0], ['a', 'c', 'b', 'a']);
});

test('walk runs dependencies first, skips dependents of failures, continues independent branches', async () => {
  const order: string[] = [];
  const r = await walkDag(chain(), async (n) => { order.push(n.id); return n.id !== 'b'; }, { parallelism: 2 });
  assert.ok(order.indexOf('a') < order.indexOf('b'));
  assert.ok(order.includes('d'));
  assert.ok(!order.includes('c'));
  assert.deepEqual([...r.failed], ['b']);
  assert.deepEqual([...r.skipped], ['c']);
});

test('reverse walk runs dependents first', async () => {
  const order: string[] = [];
  await walkDag(chain(), async (n) => { order.push(n.id); return true; }, { parallelism: 1, reverse: true });
  assert.ok(order.indexOf('c') < order.indexOf('b'));
  assert.ok(order.indexOf('b') < order.indexOf('a'));
  assert.ok(order.indexOf('d') < order.indexOf('a'));
});

test('bounded parallelism', async () => {
  const g = new Dag<null>();
  for (let i = 0; i < 20; i++) g.add({ id: `n${i}`, data: null });
  let running = 0, peak = 0;
  await walkDag(g, async () => { running++; peak = Math.max(peak, running); await new Promise((r) => setImmediate(r)); running--; return true; }, { parallelism: 3 });
  assert.equal(peak, 3);
});
