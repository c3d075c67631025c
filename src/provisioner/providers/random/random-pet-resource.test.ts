import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { create, destroy, plan, replacePaths, testContext } from '../lifecycle-test-support.js';
import { createRandomProvider } from './index.js';
import { PET_ADJECTIVES, PET_ADVERBS, PET_NAMES } from './pet-words.js';

describe('random_pet', () => {
  it('defaults to adjective-name', async () => {
    const s = await create(createRandomProvider(), 'random_pet', {});
    const [adjective, name, ...rest] = (s['id'] as string).split('-');
    assert.ok(PET_ADJECTIVES.includes(adjective ?? ''), adjective);
    assert.ok(PET_NAMES.includes(name ?? ''), name);
    assert.deepEqual(rest, []);
    assert.equal(s['length'], 2);
    assert.equal(s['separator'], '-');
  });

  it('builds adverbs, adjective and name with prefix and separator', async () => {
    const s = await create(createRandomProvider(), 'random_pet', { length: 4, prefix: 'dev', separator: '_' });
    const words = (s['id'] as string).split('_');
    assert.equal(words.length, 5);
    assert.equal(words[0], 'dev');
    assert.ok(PET_ADVERBS.includes(words[1] ?? ''));
    assert.ok(PET_ADVERBS.includes(words[2] ?? ''));
    assert.ok(PET_ADJECTIVES.includes(words[3] ?? ''));
    assert.ok(PET_NAMES.includes(words[4] ?? ''));
    const one = await create(createRandomProvider(), 'random_pet', { length: 1 });
    assert.ok(PET_NAMES.includes(one['id'] as string));
  });

  it('has enough words for variety and no separators inside words', async () => {
    for (const list of [PET_NAMES, PET_ADJECTIVES, PET_ADVERBS]) {
      assert.ok(list.length >= 100);
      assert.equal(new Set(list).size, list.length, 'no duplicates');
      for (const w of list) assert.match(w, /^[a-z]+$/);
    }
    const p = createRandomProvider();
    const names = new Set<unknown>();
    for (let i = 0; i < 30; i++) names.add((await create(p, 'random_pet', {}))['id']);
    assert.ok(names.size >= 25);
  });

  it('replaces when any argument or keeper changes', async () => {
    const p = createRandomProvider();
    const prior = await create(p, 'random_pet', { keepers: { k: 'a' } });
    assert.deepEqual(replacePaths(await plan(p, 'random_pet', prior, { keepers: { k: 'a' } })), []);
    assert.deepEqual(replacePaths(await plan(p, 'random_pet', prior, { keepers: { k: 'a' }, separator: '.' })), ['separator']);
    assert.deepEqual(replacePaths(await plan(p, 'random_pet', prior, { keepers: { k: 'b' } })), ['keepers']);
  });

  it('reads unchanged, deletes and does not support import', async () => {
    const p = createRandomProvider();
    const s = await create(p, 'random_pet', {});
    assert.deepEqual((await p.readResource('random_pet', s, testContext())).state, s);
    await destroy(p, 'random_pet', s);
    const imp = await p.importResource?.('random_pet', 'x', testContext());
    assert.deepEqual(imp?.diagnostics?.map((d) => d.code), ['provider-import-unsupported']);
  });
});
