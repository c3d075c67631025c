import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown, UNKNOWN } from '../../lang/index.js';
import { create, destroy, plan, replacePaths, testContext, withDefaults } from '../lifecycle-test-support.js';
import { createRandomProvider } from './index.js';
import { bcryptSalt, bcryptWithSalt } from './bcrypt-hash.js';
import { DEFAULT_SPECIAL_CHARS } from './password-generator.js';

function count(s: string, set: string): number {
  return [...s].filter((c) => set.includes(c)).length;
}

describe('random_string', () => {
  it('creates a string of the requested length with id = result', async () => {
    const state = await create(createRandomProvider(), 'random_string', { length: 24 });
    assert.equal((state['result'] as string).length, 24);
    assert.equal(state['id'], state['result']);
    assert.equal(state['numeric'], true);
    assert.equal(state['number'], true);
    assert.equal(state['special'], true);
    assert.equal(state['min_upper'], 0);
  });

  it('honours the enabled character classes', async () => {
    const p = createRandomProvider();
    for (let i = 0; i < 20; i++) {
      const s = (await create(p, 'random_string', { length: 40, special: false, upper: false, numeric: false }))['result'] as string;
      assert.match(s, /^[a-z]{40}$/);
    }
  });

  it('satisfies every min_* even for otherwise disabled classes', async () => {
    const p = createRandomProvider();
    for (let i = 0; i < 20; i++) {
      const s = (await create(p, 'random_string', { length: 12, min_upper: 3, min_lower: 2, min_numeric: 4, min_special: 2, special: false }))['result'] as string;
      assert.equal(s.length, 12);
      assert.ok(count(s, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ') >= 3, s);
      assert.ok(count(s, 'abcdefghijklmnopqrstuvwxyz') >= 2, s);
      assert.ok(count(s, '0123456789') >= 4, s);
      assert.equal(count(s, DEFAULT_SPECIAL_CHARS), 2, s);
    }
  });

  it('uses override_special instead of the default special characters', async () => {
    const p = createRandomProvider();
    for (let i = 0; i < 10; i++) {
      const s = (await create(p, 'random_string', { length: 30, upper: false, lower: false, numeric: false, override_special: '#_' }))['result'] as string;
      assert.match(s, /^[#_]{30}$/);
    }
  });

  it('treats an empty override_special as the default set', async () => {
    const s = (await create(createRandomProvider(), 'random_string', { length: 20, upper: false, lower: false, numeric: false, override_special: '' }))['result'] as string;
    assert.equal(count(s, DEFAULT_SPECIAL_CHARS), 20);
  });

  it('keeps number and numeric equal, following the deprecated one when only it is set', async () => {
    const p = createRandomProvider();
    const res = await plan(p, 'random_string', null, { length: 8, number: false });
    assert.equal(res.planned['numeric'], false);
    assert.equal(res.planned['number'], false);
    const s = await create(p, 'random_string', { length: 30, number: false, special: false, upper: false });
    assert.match(s['result'] as string, /^[a-z]+$/);
  });

  it('plans numeric unknown while the configured value is unknown', async () => {
    const res = await plan(createRandomProvider(), 'random_string', null, { length: 8, numeric: UNKNOWN });
    assert.ok(isUnknown(res.planned['numeric']));
    assert.ok(isUnknown(res.planned['number']));
  });

  it('reports number/numeric conflicts and lengths below the minimums', () => {
    const p = createRandomProvider();
    const codes = (c: Record<string, number | boolean>) => (p.validateResource?.('random_string', withDefaults(p, 'random_string', c)) ?? []).map((d) => d.code);
    assert.deepEqual(codes({ length: 8, number: false, numeric: true }), ['random-number-numeric-conflict']);
    assert.deepEqual(codes({ length: 3, min_upper: 2, min_lower: 2 }), ['random-length-below-minimums']);
    assert.deepEqual(codes({ length: 4, upper: false, lower: false, special: false, numeric: false }), ['random-no-characters']);
    assert.deepEqual(codes({ length: 4 }), []);
  });

  it('plans no change when config is the same and replaces on any argument change', async () => {
    const p = createRandomProvider();
    const prior = await create(p, 'random_string', { length: 10, keepers: { k: '1' } });
    const same = await plan(p, 'random_string', prior, { length: 10, keepers: { k: '1' } });
    assert.deepEqual(replacePaths(same), []);
    assert.deepEqual(same.planned, prior);
    const longer = await plan(p, 'random_string', prior, { length: 11, keepers: { k: '1' } });
    assert.deepEqual(replacePaths(longer), ['length']);
    assert.ok(isUnknown(longer.planned['result']));
    const kept = await plan(p, 'random_string', prior, { length: 10, keepers: { k: '2' } });
    assert.deepEqual(replacePaths(kept), ['keepers']);
    const noNumbers = await plan(p, 'random_string', prior, { length: 10, keepers: { k: '1' }, numeric: false });
    assert.deepEqual(replacePaths(noNumbers), ['number', 'numeric']);
  });

  it('imports the given string with default rules', async () => {
    const p = createRandomProvider();
    const res = await p.importResource?.('random_string', 'Hello-World1', testContext());
    assert.equal(res?.state?.['result'], 'Hello-World1');
    assert.equal(res?.state?.['id'], 'Hello-World1');
    assert.equal(res?.state?.['length'], 12);
    assert.equal(res?.state?.['numeric'], true);
  });

  it('reads unchanged and deletes', async () => {
    const p = createRandomProvider();
    const state = await create(p, 'random_string', { length: 5 });
    assert.deepEqual((await p.readResource('random_string', state, testContext())).state, state);
    await destroy(p, 'random_string', state);
  });
});

describe('random_password', () => {
  it('marks result sensitive and uses the constant id "none"', async () => {
    const p = createRandomProvider();
    assert.equal(p.schema().resources['random_password']?.attributes['result']?.sensitive, true);
    assert.equal(p.schema().resources['random_string']?.attributes['result']?.sensitive, false);
    const state = await create(p, 'random_password', { length: 16, min_special: 2, override_special: '!#' });
    assert.equal(state['id'], 'none');
    assert.equal((state['result'] as string).length, 16);
    assert.ok(count(state['result'] as string, '!#') >= 2);
    assert.equal(count(state['result'] as string, '@$%&*()-_=+[]{}<>:?'), 0);
  });

  it('stores a bcrypt hash (cost 10) that verifies the result', async () => {
    const p = createRandomProvider();
    assert.equal(p.schema().resources['random_password']?.attributes['bcrypt_hash']?.sensitive, true);
    const state = await create(p, 'random_password', { length: 12 });
    const hash = state['bcrypt_hash'] as string;
    assert.match(hash, /^\$2a\$10\$/);
    const salt = bcryptSalt(hash);
    assert.ok(salt);
    assert.equal(bcryptWithSalt(state['result'] as string, salt, 10), hash);
  });

  it('imports a password', async () => {
    const res = await createRandomProvider().importResource?.('random_password', 's3cr3t!', testContext());
    assert.equal(res?.state?.['result'], 's3cr3t!');
    assert.equal(res?.state?.['id'], 'none');
    assert.equal(res?.state?.['length'], 7);
    const hash = res?.state?.['bcrypt_hash'] as string;
    assert.equal(bcryptWithSalt('s3cr3t!', bcryptSalt(hash) ?? new Uint8Array(16), 10), hash);
  });
});
