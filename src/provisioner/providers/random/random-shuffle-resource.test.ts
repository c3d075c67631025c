import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown } from '../../lang/index.js';
import { create, plan, replacePaths, testContext } from '../lifecycle-test-support.js';
import { createRandomProvider } from './index.js';

const INPUT = ['a', 'b', 'c', 'd', 'e'];

describe('random_shuffle', () => {
  it('creates a permutation of the input with id "-"', async () => {
    const s = await create(createRandomProvider(), 'random_shuffle', { input: INPUT });
    assert.deepEqual([...(s['result'] as string[])].sort(), INPUT);
    assert.equal(s['id'], '-');
    assert.equal(s['result_count'], null);
  });

  it('takes fewer items, or repeats whole permutations for more', async () => {
    const p = createRandomProvider();
    const few = (await create(p, 'random_shuffle', { input: INPUT, result_count: 2 }))['result'] as string[];
    assert.equal(few.length, 2);
    assert.equal(new Set(few).size, 2);
    const many = (await create(p, 'random_shuffle', { input: ['x', 'y'], result_count: 5 }))['result'] as string[];
    assert.equal(many.length, 5);
    assert.deepEqual([...many.slice(0, 2)].sort(), ['x', 'y']);
    assert.deepEqual([...many.slice(2, 4)].sort(), ['x', 'y']);
    const none = await create(p, 'random_shuffle', { input: [] });
    assert.deepEqual(none['result'], []);
  });

  it('is deterministic with a seed', async () => {
    const a = await create(createRandomProvider(), 'random_shuffle', { input: INPUT, seed: 'eu' });
    const b = await create(createRandomProvider(), 'random_shuffle', { input: INPUT, seed: 'eu' });
    assert.deepEqual(a['result'], b['result']);
  });

  it('replaces when input or keepers change, and reads unchanged', async () => {
    const p = createRandomProvider();
    const prior = await create(p, 'random_shuffle', { input: INPUT });
    assert.deepEqual(replacePaths(await plan(p, 'random_shuffle', prior, { input: INPUT })), []);
    const res = await plan(p, 'random_shuffle', prior, { input: ['a'] });
    assert.deepEqual(replacePaths(res), ['input']);
    assert.ok(isUnknown(res.planned['result']));
    assert.deepEqual((await p.readResource('random_shuffle', prior, testContext())).state, prior);
  });
});
