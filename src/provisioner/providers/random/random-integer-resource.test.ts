import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown } from '../../lang/index.js';
import { create, destroy, plan, replacePaths, testContext, withDefaults } from '../lifecycle-test-support.js';
import { createRandomProvider } from './index.js';

describe('random_integer', () => {
  it('creates a result within [min, max] with id = result as string', async () => {
    const p = createRandomProvider();
    const seen = new Set<number>();
    for (let i = 0; i < 60; i++) {
      const s = await create(p, 'random_integer', { min: 1, max: 3 });
      const r = s['result'] as number;
      assert.ok(Number.isInteger(r) && r >= 1 && r <= 3, String(r));
      assert.equal(s['id'], String(r));
      seen.add(r);
    }
    assert.deepEqual([...seen].sort(), [1, 2, 3]);
  });

  it('gives the same result for the same seed, min and max', async () => {
    const a = await create(createRandomProvider(), 'random_integer', { min: 1, max: 1_000_000, seed: 'eu-west' });
    const b = await create(createRandomProvider(), 'random_integer', { min: 1, max: 1_000_000, seed: 'eu-west' });
    assert.equal(a['result'], b['result']);
    const results = new Set<unknown>();
    for (const seed of ['a', 'b', 'c', 'd', 'e']) results.add((await create(createRandomProvider(), 'random_integer', { min: 1, max: 1_000_000, seed }))['result']);
    assert.ok(results.size > 1, 'different seeds give different results');
  });

  it('handles a single-value range and negative bounds', async () => {
    const s = await create(createRandomProvider(), 'random_integer', { min: -5, max: -5 });
    assert.equal(s['result'], -5);
  });

  it('handles the widest safe range, seeded and not', async () => {
    const p = createRandomProvider();
    for (const seed of [null, 'wide']) {
      const s = await create(p, 'random_integer', { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER, seed });
      assert.ok(Number.isSafeInteger(s['result']));
    }
  });

  it('rejects min above max', () => {
    const p = createRandomProvider();
    const d = p.validateResource?.('random_integer', withDefaults(p, 'random_integer', { min: 5, max: 1 })) ?? [];
    assert.deepEqual(d.map((x) => x.code), ['random-min-above-max']);
  });

  it('replaces when min, max, seed or keepers change', async () => {
    const p = createRandomProvider();
    const prior = await create(p, 'random_integer', { min: 1, max: 10 });
    assert.deepEqual(replacePaths(await plan(p, 'random_integer', prior, { min: 1, max: 10 })), []);
    const res = await plan(p, 'random_integer', prior, { min: 1, max: 11, seed: 'x' });
    assert.deepEqual(replacePaths(res), ['max', 'seed']);
    assert.ok(isUnknown(res.planned['result']));
  });

  it('imports result,min,max and result,min,max,seed', async () => {
    const p = createRandomProvider();
    const a = await p.importResource?.('random_integer', '15,1,50', testContext());
    assert.deepEqual([a?.state?.['result'], a?.state?.['min'], a?.state?.['max'], a?.state?.['seed'], a?.state?.['id']], [15, 1, 50, null, '15']);
    const b = await p.importResource?.('random_integer', '15,1,50,abc', testContext());
    assert.equal(b?.state?.['seed'], 'abc');
    for (const id of ['x,1,50', '1,2', '1.5,1,2', '1,2,3,4,5']) {
      const bad = await p.importResource?.('random_integer', id, testContext());
      assert.deepEqual(bad?.diagnostics?.map((d) => d.code), ['random-import-invalid-id'], id);
    }
  });

  it('reads unchanged and deletes', async () => {
    const p = createRandomProvider();
    const s = await create(p, 'random_integer', { min: 0, max: 9 });
    assert.deepEqual((await p.readResource('random_integer', s, testContext())).state, s);
    await destroy(p, 'random_integer', s);
  });
});
