/**
 * Per-attribute sensitivity of counted and for_each resources reached whole: for expressions,
 * splats and for_each over them see only the sensitive attributes as sensitive, as in Terraform
 * (random_password's `result` is sensitive, its `length` is not).
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import { cli, readState, removeDir, stateAttr, workdir } from '../support/index.js';

const MAIN = `
resource "random_password" "p" {
  for_each = toset(["a", "b"])
  length   = 8
}

resource "random_password" "c" {
  count  = 2
  length = 10
}

output "lengths" {
  value = { for k, p in random_password.p : k => p.length }
}

output "counted" {
  value = random_password.c[*].length
}

resource "terraform_data" "each" {
  for_each = random_password.p
  input    = each.value.length
}
`;

describe('sensitive attributes of expanded resources', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach(removeDir));

  test('outputs and for_each reading non-sensitive attributes of for_each/count resources apply', async () => {
    const dir = workdir({ 'main.tf': MAIN });
    dirs.push(dir);
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color']);
    assert.equal(r.code, 0, r.out + r.err);
    const outs = readState(dir)?.outputs ?? {};
    assert.deepEqual(outs['lengths'], { value: { a: 8, b: 8 }, sensitive: false });
    assert.deepEqual(outs['counted'], { value: [10, 10], sensitive: false });
    assert.equal(stateAttr(dir, 'terraform_data.each["a"]', 'input'), 8);
  });

  test('an output reading the sensitive attribute through a for expression is still refused', async () => {
    const dir = workdir({ 'main.tf': MAIN });
    dirs.push(dir);
    writeFileSync(join(dir, 'extra.tf'), 'output "secrets" {\n  value = { for k, p in random_password.p : k => p.result }\n}\n');
    const r = await cli(dir, ['plan', '-no-color']);
    assert.equal(r.code, 1, r.out + r.err);
    assert.match(r.err, /Output refers to sensitive values/);
  });
});
