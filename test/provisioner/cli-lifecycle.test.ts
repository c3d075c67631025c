/**
 * The create → no-op → change → replace → destroy lifecycle through the real CLI (in-process),
 * plus saved plan files, -target, -replace and taint.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { join } from 'node:path';
import { cli, readState, removeDir, stateAddresses, stateAttr, workdir } from '../support/index.js';

const MAIN = `
variable "tag" {
  type    = string
  default = "a"
}

resource "random_id" "a" {
  byte_length = 4
  keepers = {
    k = var.tag
  }
}

resource "terraform_data" "d" {
  input = "v-\${var.tag}"
}

resource "random_integer" "n" {
  min = 1
  max = 1000000
}

output "hex" {
  value = random_id.a.hex
}
`;

describe('lifecycle', () => {
  const dir = workdir({ 'main.tf': MAIN });
  after(() => removeDir(dir));

  test('apply creates everything; the next plan has no changes (exit 0)', async () => {
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Apply complete! Resources: 3 added, 0 changed, 0 destroyed\./);
    assert.deepEqual(stateAddresses(dir), ['random_id.a', 'random_integer.n', 'terraform_data.d']);
    const p = await cli(dir, ['plan', '-detailed-exitcode', '-no-color']);
    assert.equal(p.code, 0, p.out + p.err);
    assert.match(p.out, /No changes\./);
  });

  test('changing a variable: exit 2, in-place update and keeper replacement both shown', async () => {
    const p = await cli(dir, ['plan', '-detailed-exitcode', '-no-color', '-var=tag=b']);
    assert.equal(p.code, 2, p.err);
    assert.match(p.out, /# random_id\.a must be replaced/);
    assert.match(p.out, /forces replacement/);
    assert.match(p.out, /# terraform_data\.d will be updated in-place/);
    assert.match(p.out, /~ input\s+= "v-a" -> "v-b"/);
    assert.match(p.out, /Plan: 1 to add, 1 to change, 1 to destroy\./);
  });

  test('apply of the change replaces random_id (new id) and updates terraform_data (same id)', async () => {
    const oldId = stateAttr(dir, 'random_id.a', 'id');
    const oldData = stateAttr(dir, 'terraform_data.d', 'id');
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color', '-var=tag=b']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Resources: 1 added, 1 changed, 1 destroyed\./);
    assert.notEqual(stateAttr(dir, 'random_id.a', 'id'), oldId);
    assert.equal(stateAttr(dir, 'terraform_data.d', 'id'), oldData);
    assert.equal(stateAttr(dir, 'terraform_data.d', 'output'), 'v-b');
    const p = await cli(dir, ['plan', '-detailed-exitcode', '-var=tag=b']);
    assert.equal(p.code, 0, p.out);
  });

  test('-replace forces replacement of one instance only', async () => {
    const idBefore = stateAttr(dir, 'random_id.a', 'id');
    const serial = readState(dir)?.serial ?? 0;
    const p = await cli(dir, ['plan', '-no-color', '-var=tag=b', '-replace=random_integer.n']);
    assert.equal(p.code, 0, p.err);
    assert.match(p.out, /# random_integer\.n will be replaced, as requested/);
    assert.match(p.out, /Plan: 1 to add, 0 to change, 1 to destroy\./);
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color', '-var=tag=b', '-replace=random_integer.n']);
    assert.equal(r.code, 0, r.err);
    // A fresh random integer may equal the old one, so check the operations instead of the value.
    assert.match(r.out, /random_integer\.n: Destroying\.\.\./);
    assert.match(r.out, /random_integer\.n: Creation complete/);
    assert.match(r.out, /Resources: 1 added, 0 changed, 1 destroyed\./);
    assert.ok((readState(dir)?.serial ?? 0) > serial);
    assert.equal(stateAttr(dir, 'random_id.a', 'id'), idBefore);
  });

  test('-target limits the plan to the target', async () => {
    const p = await cli(dir, ['plan', '-no-color', '-var=tag=c', '-target=terraform_data.d']);
    assert.equal(p.code, 0, p.err);
    assert.match(p.out, /terraform_data\.d will be updated in-place/);
    assert.doesNotMatch(p.out, /random_id\.a/);
    assert.match(p.out, /Plan: 0 to add, 1 to change, 0 to destroy\./);
    assert.match(p.out + p.err, /-target/);
  });

  test('taint forces replacement; untaint undoes it', async () => {
    let r = await cli(dir, ['taint', 'random_id.a']);
    assert.equal(r.code, 0, r.err);
    assert.equal(readState(dir)?.resources.find((x) => x.address === 'random_id.a')?.status, 'tainted');
    let p = await cli(dir, ['plan', '-no-color', '-var=tag=b']);
    assert.match(p.out, /# random_id\.a is tainted, so must be replaced/);
    r = await cli(dir, ['untaint', 'random_id.a']);
    assert.equal(r.code, 0, r.err);
    p = await cli(dir, ['plan', '-detailed-exitcode', '-var=tag=b']);
    assert.equal(p.code, 0, p.out);
    r = await cli(dir, ['taint', 'random_id.a']);
    const id = stateAttr(dir, 'random_id.a', 'id');
    r = await cli(dir, ['apply', '-auto-approve', '-var=tag=b']);
    assert.equal(r.code, 0, r.err);
    assert.notEqual(stateAttr(dir, 'random_id.a', 'id'), id);
    assert.equal(readState(dir)?.resources.find((x) => x.address === 'random_id.a')?.status, 'ready');
  });

  test('destroy removes everything and clears outputs', async () => {
    const p = await cli(dir, ['plan', '-destroy', '-no-color', '-var=tag=b']);
    assert.equal(p.code, 0, p.out + p.err);
    assert.match(p.out, /Plan: 0 to add, 0 to change, 3 to destroy\./);
    const r = await cli(dir, ['destroy', '-auto-approve', '-no-color', '-var=tag=b']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Destroy complete! Resources: 3 destroyed\./);
    assert.deepEqual(stateAddresses(dir), []);
    assert.deepEqual(readState(dir)?.outputs, {});
  });
});

describe('saved plan files', () => {
  const dir = workdir({ 'main.tf': MAIN });
  after(() => removeDir(dir));

  test('plan -out then apply FILE applies exactly that plan', async () => {
    const p = await cli(dir, ['plan', '-out=first.plan', '-no-color']);
    assert.equal(p.code, 0, p.err);
    const r = await cli(dir, ['apply', '-no-color', 'first.plan']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Resources: 3 added/);
    assert.equal(stateAddresses(dir).length, 3);
  });

  test('a plan file made stale by another apply is refused', async () => {
    const p = await cli(dir, ['plan', '-out=' + join(dir, 'second.plan'), '-var=tag=z']);
    assert.equal(p.code, 0, p.err);
    const other = await cli(dir, ['apply', '-auto-approve', '-var=tag=y']);
    assert.equal(other.code, 0, other.err);
    const hex = stateAttr(dir, 'random_id.a', 'hex');
    const r = await cli(dir, ['apply', '-no-color', 'second.plan']);
    assert.equal(r.code, 1);
    assert.match(r.err, /[Ss]aved plan is stale/);
    assert.equal(stateAttr(dir, 'random_id.a', 'hex'), hex, 'state untouched');
  });

  test('show -json of a plan file and of the state', async () => {
    const p = await cli(dir, ['plan', '-out=third.plan', '-var=tag=w']);
    assert.equal(p.code, 0, p.err);
    const s = await cli(dir, ['show', '-json', 'third.plan']);
    assert.equal(s.code, 0, s.err);
    const plan = JSON.parse(s.out) as { resource_changes: { address: string; change: { actions: string[] } }[] };
    const byAddr = Object.fromEntries(plan.resource_changes.map((c) => [c.address, c.change.actions]));
    assert.deepEqual(byAddr['random_id.a'], ['delete', 'create']);
    assert.deepEqual(byAddr['terraform_data.d'], ['update']);
    const st = await cli(dir, ['show', '-json']);
    assert.equal(st.code, 0, st.err);
    const state = JSON.parse(st.out) as { values: { root_module: { resources: { address: string }[] }; outputs: Record<string, { value: unknown }> } };
    assert.deepEqual(state.values.root_module.resources.map((x) => x.address).sort(), ['random_id.a', 'random_integer.n', 'terraform_data.d']);
    assert.equal(state.values.outputs['hex']?.value, stateAttr(dir, 'random_id.a', 'hex'));
  });

  test('show -json of a plan lists unchanged resources as no-op, as Terraform does', async () => {
    const s = await cli(dir, ['show', '-json', 'third.plan']);
    const plan = JSON.parse(s.out) as { resource_changes: { address: string; change: { actions: string[] } }[] };
    assert.deepEqual(plan.resource_changes.find((c) => c.address === 'random_integer.n')?.change.actions, ['no-op']);
  });

  test('apply of a plan file refuses -var', async () => {
    const r = await cli(dir, ['apply', '-no-color', '-var=tag=q', 'third.plan']);
    assert.equal(r.code, 1);
    assert.match(r.err, /Can't set variables when applying a saved plan/);
  });
});
