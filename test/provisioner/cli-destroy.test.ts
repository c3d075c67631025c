/**
 * `destroy` of configurations whose locals, outputs and resource arguments read resource
 * attributes: like Terraform, references are evaluated against prior state during the destroy
 * plan, so they do not fail on objects that are about to be destroyed.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { cli, readState, removeDir, workdir } from '../support/index.js';

const SINGLE = `
resource "random_id" "a" {
  byte_length = 4
}

locals {
  x = random_id.a.hex
}

resource "terraform_data" "d" {
  input = local.x
}

output "o" {
  value = local.x
}
`;

const EXPANDED = `
resource "random_id" "a" {
  count       = 2
  byte_length = 4
}

resource "random_id" "e" {
  for_each    = toset(["p", "q"])
  byte_length = 4
}

locals {
  x = random_id.a[0].hex
  y = [for k, v in random_id.e : v.hex]
  z = random_id.a[*].hex
}

resource "local_file" "f" {
  filename = "\${path.module}/f-\${local.x}.txt"
  content  = join(",", concat(local.y, local.z))
}

output "o" {
  value = local.x
}
`;

describe('destroy with locals that read resource attributes', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach(removeDir));

  test('a local reading a single resource attribute does not fail the destroy', async () => {
    const dir = workdir({ 'main.tf': SINGLE });
    dirs.push(dir);
    assert.equal((await cli(dir, ['apply', '-auto-approve'])).code, 0);
    const r = await cli(dir, ['destroy', '-auto-approve', '-no-color']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /Destroy complete! Resources: 2 destroyed\./);
    assert.deepEqual(readState(dir)?.resources ?? [], []);
  });

  test('locals indexing count and for_each resources do not fail the destroy', async () => {
    const dir = workdir({ 'main.tf': EXPANDED });
    dirs.push(dir);
    assert.equal((await cli(dir, ['apply', '-auto-approve'])).code, 0);
    const p = await cli(dir, ['plan', '-destroy', '-no-color']);
    assert.equal(p.code, 0, p.out + p.err);
    assert.match(p.out, /Plan: 0 to add, 0 to change, 5 to destroy\./);
    const r = await cli(dir, ['destroy', '-auto-approve', '-no-color']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.deepEqual(readState(dir)?.resources ?? [], []);
  });

  test('a destroy with nothing in state still succeeds', async () => {
    const dir = workdir({ 'main.tf': SINGLE });
    dirs.push(dir);
    const r = await cli(dir, ['destroy', '-auto-approve', '-no-color']);
    assert.equal(r.code, 0, r.out + r.err);
  });
});
