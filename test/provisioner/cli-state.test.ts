/** state list/show/mv/rm/pull/push, outputs and variables through the CLI. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cli, removeDir, workdir, writeFiles } from '../support/cli-harness.js';
import { readState, stateAddresses, stateAttr } from '../support/state-reader.js';

const MAIN = `
resource "random_id" "a" {
  byte_length = 4
}

resource "random_password" "p" {
  length  = 12
  special = false
}

resource "terraform_data" "d" {
  count = 2
  input = random_id.a.hex
}

output "hex" {
  value = random_id.a.hex
}

output "secret" {
  value     = random_password.p.result
  sensitive = true
}

output "obj" {
  value = { n = 3, tags = ["x", "y"] }
}
`;

describe('state commands', () => {
  const dir = workdir({ 'main.tf': MAIN });
  after(() => removeDir(dir));

  test('state list (all and filtered) and state show', async () => {
    assert.equal((await cli(dir, ['apply', '-auto-approve'])).code, 0);
    let r = await cli(dir, ['state', 'list']);
    assert.equal(r.out, 'random_id.a\nrandom_password.p\nterraform_data.d[0]\nterraform_data.d[1]\n');
    r = await cli(dir, ['state', 'list', 'terraform_data.d']);
    assert.equal(r.out, 'terraform_data.d[0]\nterraform_data.d[1]\n');
    r = await cli(dir, ['state', 'show', '-no-color', 'random_id.a']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^# random_id\.a:\nresource "random_id" "a" \{\n/);
    assert.match(r.out, new RegExp(`hex\\s+= "${String(stateAttr(dir, 'random_id.a', 'hex'))}"`));
    r = await cli(dir, ['state', 'show', '-no-color', 'random_password.p']);
    assert.match(r.out, /result\s+= \(sensitive value\)/);
    assert.doesNotMatch(r.out, new RegExp(String(stateAttr(dir, 'random_password.p', 'result'))));
    r = await cli(dir, ['state', 'show', 'random_id.zzz']);
    assert.equal(r.code, 1);
  });

  test('state mv renames without a replacement, and back again', async () => {
    const id = stateAttr(dir, 'random_id.a', 'id');
    let r = await cli(dir, ['state', 'mv', 'random_id.a', 'random_id.b']);
    assert.equal(r.code, 0, r.err);
    assert.equal(stateAttr(dir, 'random_id.b', 'id'), id);
    const p = await cli(dir, ['plan', '-no-color']);
    assert.match(p.out, /# random_id\.b will be destroyed/);
    assert.match(p.out, /# random_id\.a will be created/);
    r = await cli(dir, ['state', 'mv', 'random_id.b', 'random_id.a']);
    assert.equal(r.code, 0, r.err);
    assert.equal((await cli(dir, ['plan', '-detailed-exitcode'])).code, 0);
  });

  test('state mv of a whole counted resource moves all instances', async () => {
    let r = await cli(dir, ['state', 'mv', 'terraform_data.d', 'terraform_data.e']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(stateAddresses(dir).filter((a) => a.startsWith('terraform_data')), ['terraform_data.e[0]', 'terraform_data.e[1]']);
    r = await cli(dir, ['state', 'mv', 'terraform_data.e', 'terraform_data.d']);
    assert.equal(r.code, 0, r.err);
  });

  test('state pull | state rm | state push round trip', async () => {
    const pulled = await cli(dir, ['state', 'pull']);
    assert.equal(pulled.code, 0, pulled.err);
    const json = JSON.parse(pulled.out) as { version: number; serial: number; lineage: string; resources: unknown[] };
    assert.equal(json.version, 4);
    assert.equal(json.lineage, readState(dir)?.lineage);
    const before = readState(dir);
    let r = await cli(dir, ['state', 'rm', 'random_password.p', 'terraform_data.d[1]']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(stateAddresses(dir), ['random_id.a', 'terraform_data.d[0]']);
    // The pulled copy is now older than the state: a plain push is refused.
    const file = join(dir, 'pulled.json');
    writeFileSync(file, pulled.out);
    r = await cli(dir, ['state', 'push', file]);
    assert.equal(r.code, 1);
    assert.match(r.err, /serial/i);
    // A newer serial is accepted and restores exactly what was pulled.
    writeFileSync(file, JSON.stringify({ ...json, serial: (readState(dir)?.serial ?? 0) + 1 }));
    r = await cli(dir, ['state', 'push', file]);
    assert.equal(r.code, 0, r.err);
    const after = readState(dir);
    assert.deepEqual(after?.resources, before?.resources);
    assert.equal((await cli(dir, ['plan', '-detailed-exitcode'])).code, 0);
  });

  test('state push of a different lineage needs -force', async () => {
    const pulled = JSON.parse((await cli(dir, ['state', 'pull'])).out) as Record<string, unknown>;
    const file = join(dir, 'other.json');
    writeFileSync(file, JSON.stringify({ ...pulled, lineage: '00000000-0000-4000-8000-000000000000', serial: 999 }));
    let r = await cli(dir, ['state', 'push', file]);
    assert.equal(r.code, 1);
    assert.match(r.err, /lineage/i);
    r = await cli(dir, ['state', 'push', '-force', file]);
    assert.equal(r.code, 0, r.err);
    assert.equal(readState(dir)?.lineage, '00000000-0000-4000-8000-000000000000');
  });

  test('outputs: human (sensitive masked), -json, -raw', async () => {
    const hex = String(stateAttr(dir, 'random_id.a', 'hex'));
    const secret = String(stateAttr(dir, 'random_password.p', 'result'));
    let r = await cli(dir, ['output', '-no-color']);
    assert.equal(r.out, `hex = "${hex}"\nobj = {\n  "n"    = 3\n  "tags" = [\n    "x",\n    "y",\n  ]\n}\nsecret = <sensitive>\n`);
    r = await cli(dir, ['output', '-json']);
    const all = JSON.parse(r.out) as Record<string, { value: unknown; sensitive: boolean }>;
    assert.equal(all['secret']?.value, secret);
    assert.equal(all['secret']?.sensitive, true);
    assert.deepEqual(all['obj']?.value, { n: 3, tags: ['x', 'y'] });
    r = await cli(dir, ['output', '-raw', 'hex']);
    assert.equal(r.out, hex);
    r = await cli(dir, ['output', '-raw', 'secret']);
    assert.equal(r.out, secret);
    r = await cli(dir, ['output', 'secret']);
    assert.equal(r.out, '<sensitive>\n');
    r = await cli(dir, ['output', '-raw', 'obj']);
    assert.equal(r.code, 1);
    assert.match(r.err, /Unsupported value for raw output/);
    r = await cli(dir, ['output', 'nope']);
    assert.equal(r.code, 1);
    assert.match(r.err, /Output "nope" not found/);
  });

  test('the apply summary masks sensitive outputs', async () => {
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /secret = <sensitive>/);
    assert.doesNotMatch(r.out, new RegExp(String(stateAttr(dir, 'random_password.p', 'result'))));
  });
});

const VARS = `
variable "v" {
  type = string
}

output "v" {
  value = var.v
}
`;

describe('variable precedence', () => {
  const dir = workdir({ 'main.tf': VARS });
  after(() => removeDir(dir));
  const value = async (args: string[] = [], env: Record<string, string> = {}): Promise<string> => {
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color', ...args], env);
    assert.equal(r.code, 0, r.out + r.err);
    return String(readState(dir)?.outputs['v']?.value);
  };

  test('missing required variable without a terminal is an error naming it', async () => {
    const r = await cli(dir, ['plan', '-no-color']);
    assert.equal(r.code, 1);
    assert.match(r.out + r.err, /Error: No value for required variable "v"/);
    assert.match(r.out + r.err, /on main\.tf line 2, in variable "v":/);
  });

  test('TF_VAR_ < terraform.tfvars < *.auto.tfvars (lexical) < -var-file/-var in order', async () => {
    assert.equal(await value([], { TF_VAR_v: 'env' }), 'env');
    writeFiles(dir, { 'terraform.tfvars': 'v = "tfvars"\n' });
    assert.equal(await value([], { TF_VAR_v: 'env' }), 'tfvars');
    writeFiles(dir, { 'terraform.tfvars.json': '{"v": "tfvars-json"}\n' });
    assert.equal(await value([], { TF_VAR_v: 'env' }), 'tfvars-json');
    writeFiles(dir, { 'b.auto.tfvars': 'v = "auto-b"\n', 'a.auto.tfvars': 'v = "auto-a"\n' });
    assert.equal(await value([], { TF_VAR_v: 'env' }), 'auto-b');
    writeFiles(dir, { 'extra.tfvars': 'v = "file"\n' });
    assert.equal(await value(['-var-file=extra.tfvars']), 'file');
    assert.equal(await value(['-var-file=extra.tfvars', '-var=v=flag']), 'flag');
    assert.equal(await value(['-var=v=flag', '-var-file=extra.tfvars']), 'file');
  });

  test('a -var for an undeclared variable is an error; a tfvars entry only a warning', async () => {
    let r = await cli(dir, ['plan', '-var=nope=1']);
    assert.equal(r.code, 1);
    assert.match(r.err, /Value for undeclared variable/);
    writeFiles(dir, { 'c.auto.tfvars': 'other = 1\n' });
    r = await cli(dir, ['plan', '-no-color']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out + r.err, /Value for undeclared variable/);
  });
});
