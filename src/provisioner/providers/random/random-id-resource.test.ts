import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { seededIds } from '../../../shared/index.js';
import { isUnknown } from '../../lang/index.js';
import { create, destroy, plan, replacePaths, testContext } from '../lifecycle-test-support.js';
import { createRandomProvider } from './index.js';

describe('random_id', () => {
  it('plans every encoding as unknown on create', async () => {
    const p = createRandomProvider();
    const res = await plan(p, 'random_id', null, { byte_length: 8 });
    for (const a of ['id', 'b64_url', 'b64_std', 'hex', 'dec']) assert.ok(isUnknown(res.planned[a]), a);
    assert.equal(res.planned['byte_length'], 8);
  });

  it('creates consistent encodings of the same bytes', async () => {
    const state = await create(createRandomProvider(), 'random_id', { byte_length: 8 });
    const bytes = Buffer.from(state['b64_url'] as string, 'base64url');
    assert.equal(bytes.length, 8);
    assert.equal(state['id'], state['b64_url']);
    assert.doesNotMatch(state['id'] as string, /[=+/]/);
    assert.equal(state['b64_std'], bytes.toString('base64'));
    assert.equal(state['hex'], bytes.toString('hex'));
    assert.equal(state['dec'], BigInt(`0x${bytes.toString('hex')}`).toString());
    assert.equal(state['prefix'], null);
    assert.equal(state['keepers'], null);
  });

  it('puts the prefix before every encoding but not the id', async () => {
    const state = await create(createRandomProvider(), 'random_id', { byte_length: 4, prefix: 'app-' });
    for (const a of ['b64_url', 'b64_std', 'hex', 'dec']) assert.match(state[a] as string, /^app-/, a);
    assert.equal(`app-${state['id'] as string}`, state['b64_url']);
  });

  it('draws its bytes from the injected id source', async () => {
    const a = await create(createRandomProvider({ ids: seededIds(7) }), 'random_id', { byte_length: 6 });
    const b = await create(createRandomProvider({ ids: seededIds(7) }), 'random_id', { byte_length: 6 });
    assert.equal(a['id'], b['id']);
  });

  it('keeps the value while config and keepers are unchanged', async () => {
    const p = createRandomProvider();
    const prior = await create(p, 'random_id', { byte_length: 4, keepers: { ami: 'a-1' } });
    const res = await plan(p, 'random_id', prior, { byte_length: 4, keepers: { ami: 'a-1' } });
    assert.deepEqual(replacePaths(res), []);
    assert.deepEqual(res.planned, prior);
  });

  it('replaces when keepers or byte_length change, with new values unknown', async () => {
    const p = createRandomProvider();
    const prior = await create(p, 'random_id', { byte_length: 4, keepers: { ami: 'a-1' } });
    const res = await plan(p, 'random_id', prior, { byte_length: 4, keepers: { ami: 'a-2' } });
    assert.deepEqual(replacePaths(res), ['keepers']);
    assert.ok(isUnknown(res.planned['id']));
    const res2 = await plan(p, 'random_id', prior, { byte_length: 5, keepers: { ami: 'a-1' } });
    assert.deepEqual(replacePaths(res2), ['byte_length']);
  });

  it('does not replace when keepers only gain or lose null values or go from null to empty', async () => {
    const p = createRandomProvider();
    const prior = await create(p, 'random_id', { byte_length: 4 });
    assert.deepEqual(replacePaths(await plan(p, 'random_id', prior, { byte_length: 4, keepers: {} })), []);
    assert.deepEqual(replacePaths(await plan(p, 'random_id', prior, { byte_length: 4, keepers: { a: null } })), []);
    assert.deepEqual(replacePaths(await plan(p, 'random_id', prior, { byte_length: 4, keepers: { a: 'x' } })), ['keepers']);
    const kept = await create(p, 'random_id', { byte_length: 4, keepers: { a: 'x' } });
    assert.deepEqual(replacePaths(await plan(p, 'random_id', kept, { byte_length: 4 })), ['keepers']);
  });

  it('reads back unchanged and deletes', async () => {
    const p = createRandomProvider();
    const state = await create(p, 'random_id', { byte_length: 4 });
    const read = await p.readResource('random_id', state, testContext());
    assert.deepEqual(read.state, state);
    await destroy(p, 'random_id', state);
  });

  it('imports from a base64url id with and without prefix', async () => {
    const p = createRandomProvider();
    const plain = await p.importResource?.('random_id', 'p-9hUBq2', testContext());
    assert.equal(plain?.state?.['id'], 'p-9hUBq2');
    assert.equal(plain?.state?.['byte_length'], 6);
    assert.equal(plain?.state?.['hex'], Buffer.from('p-9hUBq2', 'base64url').toString('hex'));
    const prefixed = await p.importResource?.('random_id', 'my,prefix-,p-9hUBq2', testContext());
    assert.equal(prefixed?.state?.['id'], 'p-9hUBq2');
    assert.equal(prefixed?.state?.['b64_url'], 'my,prefix-p-9hUBq2');
    assert.equal(prefixed?.state?.['prefix'], 'my,prefix-');
    assert.equal(prefixed?.state?.['byte_length'], 6);
  });

  it('rejects an import id that is not base64url', async () => {
    const res = await createRandomProvider().importResource?.('random_id', 'p-9hUBq2s', testContext());
    assert.equal(res?.state, null);
    assert.deepEqual(res?.diagnostics?.map((d) => [d.code, d.address]), [['random-import-invalid-id', 'test.resource']]);
  });

  it('rejects a byte_length below 1 in the schema', () => {
    const v = createRandomProvider().schema().resources['random_id']?.attributes['byte_length']?.validate;
    assert.ok(v);
    assert.equal(v(4), undefined);
    assert.ok(v(0));
    assert.ok(v(1.5));
  });
});
