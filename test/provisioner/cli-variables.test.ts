/** Input variables through the CLI: precedence of every source, typed -var values, missing values. */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { cli, readState, removeDir, workdir, writeFiles } from '../support/index.js';

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

describe('typed -var values', () => {
  const dir = workdir({
    'main.tf': 'variable "b" {\n  type    = bool\n  default = true\n}\n\nvariable "n" {\n  type    = number\n  default = 1\n}\n\nvariable "l" {\n  type    = list(string)\n  default = []\n}\n\nvariable "m" {\n  type    = map(number)\n  default = {}\n}\n\noutput "all" {\n  value = { b = var.b, n = var.n, l = var.l, m = var.m }\n}\n',
  });
  after(() => removeDir(dir));
  const applied = async (...vars: string[]): Promise<unknown> => {
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color', ...vars.map((v) => `-var=${v}`)]);
    assert.equal(r.code, 0, r.out + r.err);
    return readState(dir)?.outputs['all']?.value;
  };

  test('true, numbers, lists and maps are parsed by the variable type', async () => {
    assert.deepEqual(await applied('b=true', 'n=5', 'l=["x","y"]', 'm={a=1}'), { b: true, n: 5, l: ['x', 'y'], m: { a: 1 } });
  });

  test('falsy values: -var=b=false and -var=n=0', async () => {
    assert.deepEqual(await applied('b=false', 'n=0'), { b: false, n: 0, l: [], m: {} });
  });
});
