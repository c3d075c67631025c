/**
 * -target like Terraform's TargetsTransformer: a target brings in everything it depends on
 * (references and depends_on, transitively, data sources included, which are read); a targeted
 * destroy also destroys what depends on the target; root outputs are evaluated only when every
 * resource they read is in the targeted set, and the others keep their prior value.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { cli, readState, removeDir, stateAddresses, workdir } from '../support/index.js';

const CHAIN = `
resource "random_id" "a" {
  byte_length = 4
}

resource "random_id" "b" {
  byte_length = 4
}

resource "random_id" "c" {
  byte_length = 4
  depends_on  = [random_id.b]
}

resource "terraform_data" "d" {
  input      = random_id.a.hex
  depends_on = [random_id.c]
}

resource "terraform_data" "other" {
  input = 1
}
`;

const DATA = `
data "local_file" "in" {
  filename = "\${path.module}/in.txt"
}

data "local_file" "other" {
  filename = "\${path.module}/in.txt"
}

locals {
  shouted = upper(data.local_file.other.content)
}

resource "terraform_data" "t" {
  input = data.local_file.in.content
}

resource "terraform_data" "u" {
  input = "u"
}

output "o" {
  value = local.shouted
}

output "p" {
  value = upper(terraform_data.t.output)
}

output "q" {
  value = "\${terraform_data.u.output}-x"
}
`;

describe('-target includes dependencies', () => {
  const dir = workdir({ 'main.tf': CHAIN });
  after(() => removeDir(dir));

  test('targeting a resource plans what it references and what it depends_on, transitively', async () => {
    const p = await cli(dir, ['plan', '-no-color', '-target=terraform_data.d']);
    assert.equal(p.code, 0, p.out + p.err);
    for (const a of ['random_id.a', 'random_id.b', 'random_id.c', 'terraform_data.d']) assert.match(p.out, new RegExp(`# ${a.replace('.', '\\.')} will be created`));
    assert.doesNotMatch(p.out, /terraform_data\.other/);
    assert.match(p.out, /Plan: 4 to add, 0 to change, 0 to destroy\./);
  });

  test('apply -target creates the target with its dependencies only', async () => {
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color', '-target=terraform_data.d']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.deepEqual(stateAddresses(dir), ['random_id.a', 'random_id.b', 'random_id.c', 'terraform_data.d']);
  });

  test('destroy -target also destroys what depends on the target, and not its dependencies', async () => {
    const r = await cli(dir, ['destroy', '-auto-approve', '-no-color', '-target=random_id.b']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /Destroy complete! Resources: 3 destroyed\./);
    assert.deepEqual(stateAddresses(dir), ['random_id.a']);
  });
});

describe('-target with depends_on on a module', () => {
  const dir = workdir({
    'main.tf': 'module "m" {\n  source = "./m"\n}\n\nresource "terraform_data" "after" {\n  input      = 1\n  depends_on = [module.m]\n}\n',
    'm/main.tf': 'resource "random_id" "inner" {\n  byte_length = 2\n}\n\nresource "terraform_data" "unreferenced" {\n  input = 2\n}\n\noutput "hex" {\n  value = random_id.inner.hex\n}\n',
  });
  after(() => removeDir(dir));

  test('depends_on = [module.m] brings in every resource of the module, not only those its outputs read', async () => {
    assert.equal((await cli(dir, ['init'])).code, 0);
    const p = await cli(dir, ['plan', '-no-color', '-target=terraform_data.after']);
    assert.equal(p.code, 0, p.out + p.err);
    assert.match(p.out, /# module\.m\.random_id\.inner will be created/);
    assert.match(p.out, /# module\.m\.terraform_data\.unreferenced will be created/);
    assert.match(p.out, /Plan: 3 to add, 0 to change, 0 to destroy\./);
  });
});

describe('-target with data sources and outputs', () => {
  const dir = workdir({ 'main.tf': DATA, 'in.txt': 'hello' });
  after(() => removeDir(dir));

  test('a data source the target depends on is read at plan; outputs reading untargeted objects are left out', async () => {
    const p = await cli(dir, ['plan', '-no-color', '-target=terraform_data.t']);
    assert.equal(p.code, 0, p.out + p.err);
    assert.match(p.out, /\+ input\s+= "hello"/);
    assert.match(p.out, /\+ p = "HELLO"|\+ p = \(known after apply\)/);
    assert.doesNotMatch(p.out, /\+ o =/);
    assert.doesNotMatch(p.out, /\+ q =/);
    assert.match(p.out + p.err, /Resource targeting is in effect/);
  });

  test('apply -target does not fail on outputs that read untargeted data sources', async () => {
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color', '-target=terraform_data.u']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.deepEqual(stateAddresses(dir), ['terraform_data.u']);
    assert.match(r.out, /Warning: Applied changes may be incomplete[\s\S]*Apply complete!/);
    const outs = readState(dir)?.outputs ?? {};
    assert.deepEqual(Object.keys(outs).sort(), ['q']);
    assert.match(String(outs['q']?.value), /-x$/);
  });

  test('a later targeted apply keeps outputs it does not evaluate', async () => {
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color', '-target=terraform_data.t']);
    assert.equal(r.code, 0, r.out + r.err);
    const outs = readState(dir)?.outputs ?? {};
    assert.deepEqual(Object.keys(outs).sort(), ['p', 'q']);
    assert.equal(outs['p']?.value, 'HELLO');
    const full = await cli(dir, ['apply', '-auto-approve', '-no-color']);
    assert.equal(full.code, 0, full.out + full.err);
    assert.equal(readState(dir)?.outputs['o']?.value, 'HELLO');
  });
});
