import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown } from '../../lang/index.js';
import { create, destroy, plan, replacePaths, testContext } from '../lifecycle-test-support.js';
import { createRandomProvider } from './index.js';

describe('random_uuid', () => {
  it('creates a v4 uuid with id = result', async () => {
    const s = await create(createRandomProvider(), 'random_uuid', {});
    assert.match(s['result'] as string, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(s['id'], s['result']);
  });

  it('replaces only when keepers change', async () => {
    const p = createRandomProvider();
    const prior = await create(p, 'random_uuid', { keepers: { a: '1' } });
    assert.deepEqual(replacePaths(await plan(p, 'random_uuid', prior, { keepers: { a: '1' } })), []);
    const res = await plan(p, 'random_uuid', prior, { keepers: { a: '2' } });
    assert.deepEqual(replacePaths(res), ['keepers']);
    assert.ok(isUnknown(res.planned['result']));
  });

  it('imports a uuid and rejects anything else', async () => {
    const p = createRandomProvider();
    const ok = await p.importResource?.('random_uuid', 'aabbccdd-eeff-0011-2233-445566778899', testContext());
    assert.equal(ok?.state?.['result'], 'aabbccdd-eeff-0011-2233-445566778899');
    const bad = await p.importResource?.('random_uuid', 'nope', testContext());
    assert.deepEqual(bad?.diagnostics?.map((d) => d.code), ['random-import-invalid-id']);
  });

  it('reads unchanged and deletes', async () => {
    const p = createRandomProvider();
    const s = await create(p, 'random_uuid', {});
    assert.deepEqual((await p.readResource('random_uuid', s, testContext())).state, s);
    await destroy(p, 'random_uuid', s);
  });
});
