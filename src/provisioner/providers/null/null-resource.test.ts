import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isUnknown } from '../../lang/index.js';
import { create, destroy, plan, replacePaths, testContext } from '../lifecycle-test-support.js';
import { createNullProvider } from './index.js';

describe('null_resource', () => {
  it('creates with a random decimal id', async () => {
    const p = createNullProvider();
    const a = await create(p, 'null_resource', {});
    const b = await create(p, 'null_resource', {});
    assert.match(a['id'] as string, /^\d+$/);
    assert.ok(BigInt(a['id'] as string) < 2n ** 63n);
    assert.notEqual(a['id'], b['id']);
    assert.equal(a['triggers'], null);
  });

  it('replaces when triggers change and keeps the id otherwise', async () => {
    const p = createNullProvider();
    const prior = await create(p, 'null_resource', { triggers: { cluster: 'c1' } });
    const same = await plan(p, 'null_resource', prior, { triggers: { cluster: 'c1' } });
    assert.deepEqual(replacePaths(same), []);
    assert.equal(same.planned['id'], prior['id']);
    const changed = await plan(p, 'null_resource', prior, { triggers: { cluster: 'c2' } });
    assert.deepEqual(replacePaths(changed), ['triggers']);
    assert.ok(isUnknown(changed.planned['id']));
  });

  it('reads unchanged, deletes and does not import', async () => {
    const p = createNullProvider();
    const s = await create(p, 'null_resource', {});
    assert.deepEqual((await p.readResource('null_resource', s, testContext())).state, s);
    await destroy(p, 'null_resource', s);
    const imp = await p.importResource?.('null_resource', '1', testContext());
    assert.deepEqual(imp?.diagnostics?.map((d) => d.code), ['provider-import-unsupported']);
  });
});

describe('null_data_source', () => {
  it('echoes inputs as outputs', async () => {
    const res = await createNullProvider().readDataSource('null_data_source', { inputs: { a: '1' }, has_computed_default: null }, testContext());
    assert.deepEqual(res.state?.['outputs'], { a: '1' });
    assert.equal(res.state?.['has_computed_default'], 'default');
    assert.equal(res.state?.['id'], 'static');
  });
});
