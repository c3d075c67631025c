/** state list/show/mv/rm/pull/push, outputs, sensitive values and saved-plan JSON through the CLI. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cli, readState, removeDir, stateAddresses, stateAttr, workdir, writeFiles } from '../support/index.js';

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

describe('sensitive values', () => {
  const tf = (key: string): string => `
variable "api_key" {
  type      = string
  sensitive = true
  default   = "${key}"
}

resource "terraform_data" "creds" {
  input = {
    key    = var.api_key
    region = "eu-west-1"
  }
}
`;
  const dir = workdir({ 'main.tf': tf('key-one') });
  after(() => removeDir(dir));

  test('a sensitive variable is masked in the plan and in the apply output', async () => {
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color']);
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out, /key-one/);
    assert.match(r.out, /input\s+= \(sensitive value\)/);
  });

  test('terraform_data.output inherits the sensitivity of its input', async () => {
    const s = await cli(dir, ['state', 'show', '-no-color', 'terraform_data.creds']);
    assert.doesNotMatch(s.out, /key-one/);
    writeFiles(dir, { 'main.tf': tf('key-two') });
    const p = await cli(dir, ['plan', '-no-color']);
    assert.equal(p.code, 0, p.err);
    assert.doesNotMatch(p.out, /key-one|key-two/);
  });
});

describe('show -json of a saved plan', () => {
  const dir = workdir({ 'main.tf': 'resource "random_id" "a" {\n  byte_length = 4\n}\n' });
  after(() => removeDir(dir));

  test('unknown values are flagged in after_unknown, not printed as text', async () => {
    assert.equal((await cli(dir, ['plan', '-out=p.plan'])).code, 0);
    const s = await cli(dir, ['show', '-json', 'p.plan']);
    const plan = JSON.parse(s.out) as { resource_changes: { change: { after: Record<string, unknown>; after_unknown: Record<string, unknown> } }[] };
    const change = plan.resource_changes[0]?.change;
    assert.equal(change?.after_unknown['hex'], true);
    assert.equal(change?.after['hex'], undefined);
  });
});

describe('state command errors', () => {
  const dir = workdir({ 'main.tf': 'resource "random_id" "a" {\n  byte_length = 4\n}\n\nresource "random_id" "b" {\n  byte_length = 4\n}\n' });
  after(() => removeDir(dir));

  test('without a state file, state list fails with a hint', async () => {
    const r = await cli(dir, ['state', 'list']);
    assert.equal(r.code, 1);
    assert.match(r.err, /No state file was found/);
  });

  test('state mv onto an occupied address is refused and changes nothing', async () => {
    assert.equal((await cli(dir, ['apply', '-auto-approve'])).code, 0);
    const a = stateAttr(dir, 'random_id.a', 'id');
    const b = stateAttr(dir, 'random_id.b', 'id');
    const r = await cli(dir, ['state', 'mv', 'random_id.a', 'random_id.b']);
    assert.equal(r.code, 1);
    assert.match(r.err, /already exists in state/);
    assert.equal(stateAttr(dir, 'random_id.a', 'id'), a);
    assert.equal(stateAttr(dir, 'random_id.b', 'id'), b);
  });

  test('state mv / taint of a missing address fail', async () => {
    assert.equal((await cli(dir, ['state', 'mv', 'random_id.zz', 'random_id.q'])).code, 1);
    const t = await cli(dir, ['taint', 'random_id.zz']);
    assert.equal(t.code, 1);
    assert.match(t.err, /No such resource instance/);
  });

  test('state rm of a missing address fails like Terraform', async () => {
    const r = await cli(dir, ['state', 'rm', 'random_id.zz']);
    assert.equal(r.code, 1);
  });
});

describe('backend "local" path', () => {
  const dir = workdir({ 'main.tf': 'terraform {\n  backend "local" {\n    path = "state/custom.db"\n  }\n}\n\nresource "random_id" "a" {\n  byte_length = 2\n}\n' });
  after(() => removeDir(dir));

  test('state lives at the configured path and every command uses it', async () => {
    assert.equal((await cli(dir, ['apply', '-auto-approve'])).code, 0);
    assert.equal(readState(dir), undefined, 'no default state file');
    assert.deepEqual(readState(dir, 'state/custom.db')?.resources.map((r) => r.address), ['random_id.a']);
    assert.equal((await cli(dir, ['state', 'list'])).out, 'random_id.a\n');
    assert.equal((await cli(dir, ['plan', '-detailed-exitcode'])).code, 0);
  });
});
