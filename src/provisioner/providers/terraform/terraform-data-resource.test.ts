import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { seededIds } from '../../../shared/index.js';
import { isUnknown, UNKNOWN } from '../../lang/index.js';
import type { ObjectValue } from '../../lang/index.js';
import { create, destroy, plan, replacePaths, testContext, withDefaults } from '../lifecycle-test-support.js';
import { createTerraformProvider } from './index.js';

describe('terraform_data', () => {
  it('plans output and id unknown on create, then echoes input as output', async () => {
    const p = createTerraformProvider();
    const input = { name: 'orders', partitions: [1, 2, 3] };
    const res = await plan(p, 'terraform_data', null, { input });
    assert.ok(isUnknown(res.planned['output']));
    assert.ok(isUnknown(res.planned['id']));
    const s = await create(p, 'terraform_data', { input });
    assert.deepEqual(s['output'], input);
    assert.match(s['id'] as string, /^[0-9a-f-]{36}$/);
  });

  it('uses the injected id source for the id', async () => {
    const a = await create(createTerraformProvider({ ids: seededIds(3) }), 'terraform_data', {});
    const b = await create(createTerraformProvider({ ids: seededIds(3) }), 'terraform_data', {});
    assert.equal(a['id'], b['id']);
    assert.equal(a['output'], null);
  });

  it('updates in place when input changes, keeping the id', async () => {
    const p = createTerraformProvider();
    const prior = await create(p, 'terraform_data', { input: 'v1' });
    const same = await plan(p, 'terraform_data', prior, { input: 'v1' });
    assert.deepEqual(same.planned, prior);
    const res = await plan(p, 'terraform_data', prior, { input: 'v2' });
    assert.deepEqual(replacePaths(res), []);
    assert.ok(isUnknown(res.planned['output']));
    assert.equal(res.planned['id'], prior['id']);
    const applied = await p.applyResource({ type: 'terraform_data', action: 'update', prior, planned: res.planned, config: withDefaults(p, 'terraform_data', { input: 'v2' }) }, testContext());
    assert.equal(applied.state?.['output'], 'v2');
    assert.equal(applied.state?.['id'], prior['id']);
  });

  it('replaces when triggers_replace changes', async () => {
    const p = createTerraformProvider();
    const prior = await create(p, 'terraform_data', { triggers_replace: ['a', 1] });
    assert.deepEqual(replacePaths(await plan(p, 'terraform_data', prior, { triggers_replace: ['a', 1] })), []);
    const res = await plan(p, 'terraform_data', prior, { triggers_replace: ['a', 2] });
    assert.deepEqual(replacePaths(res), ['triggers_replace']);
    assert.ok(isUnknown(res.planned['id']));
  });

  it('replaces when triggers_replace is not yet known', async () => {
    const p = createTerraformProvider();
    const prior = await create(p, 'terraform_data', { triggers_replace: 'x' });
    const config: ObjectValue = { triggers_replace: UNKNOWN };
    assert.deepEqual(replacePaths(await plan(p, 'terraform_data', prior, config)), ['triggers_replace']);
  });

  it('reads unchanged, deletes and imports by id', async () => {
    const p = createTerraformProvider();
    const s = await create(p, 'terraform_data', { input: 1 });
    assert.deepEqual((await p.readResource('terraform_data', s, testContext())).state, s);
    await destroy(p, 'terraform_data', s);
    const imp = await p.importResource?.('terraform_data', 'abc', testContext());
    assert.deepEqual(imp?.state, { id: 'abc', input: null, output: null, triggers_replace: null });
  });
});
