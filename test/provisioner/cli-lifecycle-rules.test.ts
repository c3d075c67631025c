/** lifecycle blocks, variable validation and a real file resource, through the CLI. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { cli, readState, removeDir, stateAttr, workdir } from '../support/index.js';

const MAIN = `
variable "env" {
  type    = string
  default = "dev"
  validation {
    condition     = contains(["dev", "prod"], var.env)
    error_message = "env must be dev or prod."
  }
}

resource "random_id" "cbd" {
  byte_length = 4
  keepers = {
    env = var.env
  }
  lifecycle {
    create_before_destroy = true
  }
}

resource "terraform_data" "keep" {
  triggers_replace = var.env
  lifecycle {
    prevent_destroy = true
  }
}

resource "terraform_data" "ign" {
  input = var.env
  lifecycle {
    ignore_changes = [input]
  }
}

resource "local_file" "f" {
  filename = "\${path.module}/out/settings.txt"
  content  = "env=\${var.env}\\n"
}
`;

describe('lifecycle rules', () => {
  const dir = workdir({ 'main.tf': MAIN });
  after(() => removeDir(dir));

  test('apply writes the local file', async () => {
    const r = await cli(dir, ['apply', '-auto-approve']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(readFileSync(join(dir, 'out', 'settings.txt'), 'utf8'), 'env=dev\n');
  });

  test('variable validation fails with its message and the rule location', async () => {
    const r = await cli(dir, ['plan', '-no-color', '-var=env=qa']);
    assert.equal(r.code, 1);
    const text = r.out + r.err;
    assert.match(text, /Error: Invalid value for variable/);
    assert.match(text, /env must be dev or prod\./);
    assert.match(text, /main\.tf:5|main\.tf line 5|main\.tf:4|main\.tf line 4/);
  });

  test('prevent_destroy blocks a plan that would replace the object', async () => {
    const r = await cli(dir, ['plan', '-no-color', '-var=env=prod']);
    assert.equal(r.code, 1, r.out);
    assert.match(r.out + r.err, /Error: Instance cannot be destroyed/);
    assert.match(r.out + r.err, /terraform_data\.keep/);
  });

  test('create_before_destroy replaces in +/- order and leaves no deposed object', async () => {
    const old = stateAttr(dir, 'random_id.cbd', 'id');
    const p = await cli(dir, ['plan', '-no-color', '-var=env=prod', '-target=random_id.cbd']);
    assert.equal(p.code, 0, p.out + p.err);
    assert.match(p.out, /\+\/- resource "random_id" "cbd"/);
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color', '-var=env=prod', '-target=random_id.cbd']);
    assert.equal(r.code, 0, r.out + r.err);
    const created = r.out.indexOf('random_id.cbd: Creation complete');
    const destroyed = r.out.indexOf('random_id.cbd (deposed object): Destruction complete');
    assert.ok(created >= 0 && destroyed > created, r.out);
    assert.notEqual(stateAttr(dir, 'random_id.cbd', 'id'), old);
    assert.equal(readState(dir)?.resources.filter((x) => x.address === 'random_id.cbd').length, 1);
  });

  test('a changed file content replaces the file on disk', async () => {
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color', '-var=env=prod', '-target=local_file.f']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /# local_file\.f must be replaced/);
    assert.equal(readFileSync(join(dir, 'out', 'settings.txt'), 'utf8'), 'env=prod\n');
  });

  test('ignore_changes: a change to an ignored argument plans nothing', async () => {
    const p = await cli(dir, ['plan', '-no-color', '-var=env=prod', '-target=terraform_data.ign', '-detailed-exitcode']);
    assert.equal(p.code, 0, p.out);
  });

  test('destroy removes the file', async () => {
    const r = await cli(dir, ['destroy', '-auto-approve', '-var=env=prod', '-target=local_file.f']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.equal(existsSync(join(dir, 'out', 'settings.txt')), false);
  });
});

describe('ignore_changes on an argument that forces replacement', () => {
  const tf = (env: string): string => `resource "random_id" "r" {\n  byte_length = 4\n  keepers = {\n    env = "${env}"\n  }\n  lifecycle {\n    ignore_changes = [keepers]\n  }\n}\n`;
  const dir = workdir({ 'main.tf': tf('dev') });
  after(() => removeDir(dir));

  test('an ignored keeper change does not replace the object', async () => {
    assert.equal((await cli(dir, ['apply', '-auto-approve'])).code, 0);
    writeFileSync(join(dir, 'main.tf'), tf('prod'));
    const p = await cli(dir, ['plan', '-no-color', '-detailed-exitcode']);
    assert.equal(p.code, 0, p.out);
  });
});

describe('outputs that read resources not created yet', () => {
  const ONLY_A = 'resource "random_id" "a" {\n  byte_length = 2\n}\n';
  const WITH_B = ONLY_A + '\nresource "random_id" "b" {\n  byte_length = 2\n}\n\noutput "b" {\n  value = random_id.b.hex\n}\n';
  const dirs: string[] = [];
  after(() => dirs.forEach(removeDir));

  test('refresh works while an output refers to a resource not in state', async () => {
    const dir = workdir({ 'main.tf': ONLY_A });
    dirs.push(dir);
    assert.equal((await cli(dir, ['apply', '-auto-approve'])).code, 0);
    writeFileSync(join(dir, 'main.tf'), WITH_B);
    const r = await cli(dir, ['refresh', '-no-color']);
    assert.equal(r.code, 0, r.out + r.err);
  });

  test('-target of one resource works while an output reads an untargeted, uncreated one', async () => {
    const dir = workdir({ 'main.tf': WITH_B });
    dirs.push(dir);
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color', '-target=random_id.a']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.deepEqual(readState(dir)?.resources.map((x) => x.address), ['random_id.a']);
  });
});

describe('replace_triggered_by', () => {
  const tf = (trigger: string, a: number): string => `
resource "terraform_data" "t" {
  for_each = { a = ${a}, b = 2 }
  input    = each.value
}

resource "terraform_data" "rt" {
  input = "x"
  lifecycle {
    replace_triggered_by = [${trigger}]
  }
}
`;
  const dirs: string[] = [];
  after(() => dirs.forEach(removeDir));
  const planAfterChange = async (trigger: string): Promise<string> => {
    const dir = workdir({ 'main.tf': tf(trigger, 1) });
    dirs.push(dir);
    assert.equal((await cli(dir, ['apply', '-auto-approve'])).code, 0);
    writeFileSync(join(dir, 'main.tf'), tf(trigger, 9));
    const p = await cli(dir, ['plan', '-no-color']);
    assert.equal(p.code, 0, p.out + p.err);
    return p.out;
  };

  test('a whole resource reference replaces when any instance changes', async () => {
    const out = await planAfterChange('terraform_data.t');
    assert.match(out, /# terraform_data\.rt will be replaced due to changes in replace_triggered_by/);
  });

  test('an instance reference (t["a"]) replaces when that instance changes', async () => {
    const out = await planAfterChange('terraform_data.t["a"]');
    assert.match(out, /# terraform_data\.rt will be replaced due to changes in replace_triggered_by/);
  });

  test('an instance reference does not fire for another instance', async () => {
    const out = await planAfterChange('terraform_data.t["b"]');
    assert.doesNotMatch(out, /terraform_data\.rt will be replaced/);
  });
});

describe('drift', () => {
  const dir = workdir({ 'main.tf': 'resource "local_file" "f" {\n  filename = "${path.module}/f.txt"\n  content  = "hello\\n"\n}\n' });
  after(() => removeDir(dir));

  test('a file changed outside is reported as drift and recreated; -refresh=false does not look', async () => {
    assert.equal((await cli(dir, ['apply', '-auto-approve'])).code, 0);
    writeFileSync(join(dir, 'f.txt'), 'tampered\n');
    const p = await cli(dir, ['plan', '-no-color', '-detailed-exitcode']);
    assert.equal(p.code, 2, p.out + p.err);
    assert.match(p.out, /Objects have changed outside of streamform/);
    assert.match(p.out, /# local_file\.f has been deleted/);
    assert.match(p.out, /# local_file\.f will be created/);
    const noRefresh = await cli(dir, ['plan', '-no-color', '-refresh=false', '-detailed-exitcode']);
    assert.equal(noRefresh.code, 0, noRefresh.out);
  });

  test('apply -refresh-only records the drift without touching the file', async () => {
    const r = await cli(dir, ['apply', '-refresh-only', '-auto-approve', '-no-color']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.deepEqual(readState(dir)?.resources.map((x) => x.address), []);
    assert.equal(readFileSync(join(dir, 'f.txt'), 'utf8'), 'tampered\n');
    const a = await cli(dir, ['apply', '-auto-approve']);
    assert.equal(a.code, 0, a.out + a.err);
    assert.equal(readFileSync(join(dir, 'f.txt'), 'utf8'), 'hello\n');
  });
});
