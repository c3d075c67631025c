/** count / for_each growth and shrink, modules with for_each, moved blocks and imports, via the CLI. */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { cli, removeDir, stateAddresses, stateAttr, workdir, writeFiles } from '../support/index.js';

const counted = (n: number, keys: string[]): string => `
resource "random_id" "c" {
  count       = ${n}
  byte_length = 4
}

resource "terraform_data" "e" {
  for_each = toset(${JSON.stringify(keys)})
  input    = "item-\${each.key}"
}
`;

describe('count and for_each', () => {
  const dir = workdir({ 'main.tf': counted(3, ['a', 'b']) });
  after(() => removeDir(dir));

  test('growth adds only the new instances', async () => {
    assert.equal((await cli(dir, ['apply', '-auto-approve'])).code, 0);
    const c0 = stateAttr(dir, 'random_id.c[0]', 'id');
    writeFiles(dir, { 'main.tf': counted(4, ['a', 'b', 'c']) });
    const p = await cli(dir, ['plan', '-no-color']);
    assert.match(p.out, /# random_id\.c\[3\] will be created/);
    assert.match(p.out, /# terraform_data\.e\["c"\] will be created/);
    assert.match(p.out, /Plan: 2 to add, 0 to change, 0 to destroy\./);
    assert.equal((await cli(dir, ['apply', '-auto-approve'])).code, 0);
    assert.equal(stateAttr(dir, 'random_id.c[0]', 'id'), c0);
    assert.deepEqual(stateAddresses(dir), [
      'random_id.c[0]', 'random_id.c[1]', 'random_id.c[2]', 'random_id.c[3]',
      'terraform_data.e["a"]', 'terraform_data.e["b"]', 'terraform_data.e["c"]',
    ]);
  });

  test('shrink deletes orphans with the reason', async () => {
    writeFiles(dir, { 'main.tf': counted(1, ['b']) });
    const p = await cli(dir, ['plan', '-no-color']);
    assert.equal(p.code, 0, p.err);
    assert.match(p.out, /# random_id\.c\[3\] will be destroyed\n\s+# \(because index \[3\] is out of range for count\)/);
    assert.match(p.out, /# terraform_data\.e\["a"\] will be destroyed\n\s+# \(because key \["a"\] is not in for_each map\)/);
    assert.match(p.out, /Plan: 0 to add, 0 to change, 5 to destroy\./);
    assert.equal((await cli(dir, ['apply', '-auto-approve'])).code, 0);
    assert.deepEqual(stateAddresses(dir), ['random_id.c[0]', 'terraform_data.e["b"]']);
  });

  test('removing a resource block deletes it (no longer in configuration)', async () => {
    writeFiles(dir, { 'main.tf': 'resource "terraform_data" "e" {\n  for_each = toset(["b"])\n  input    = "item-${each.key}"\n}\n' });
    const p = await cli(dir, ['plan', '-no-color']);
    assert.match(p.out, /# random_id\.c\[0\] will be destroyed\n\s+# \(because random_id\.c is not in configuration\)/);
  });
});

describe('modules', () => {
  const files = {
    'modules/topic/main.tf': `
variable "name" {
  type = string
}

resource "random_id" "suffix" {
  byte_length = 3
  keepers = {
    name = var.name
  }
}

output "full_name" {
  value = "\${var.name}-\${random_id.suffix.hex}"
}
`,
    'main.tf': `
variable "topics" {
  type    = set(string)
  default = ["orders", "payments"]
}

module "topic" {
  source   = "./modules/topic"
  for_each = var.topics
  name     = each.key
}

resource "terraform_data" "all" {
  input = sort([for t in module.topic : t.full_name])
}

output "names" {
  value = { for k, t in module.topic : k => t.full_name }
}
`,
  };
  const dir = workdir(files);
  after(() => removeDir(dir));

  test('module instances are created and root uses their outputs', async () => {
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(stateAddresses(dir), [
      'module.topic["orders"].random_id.suffix', 'module.topic["payments"].random_id.suffix', 'terraform_data.all',
    ]);
    const hex = stateAttr(dir, 'module.topic["orders"].random_id.suffix', 'hex');
    const o = await cli(dir, ['output', '-json', 'names']);
    assert.equal(o.code, 0, o.err);
    assert.equal((JSON.parse(o.out) as Record<string, string>)['orders'], `orders-${String(hex)}`);
    const input = stateAttr(dir, 'terraform_data.all', 'input') as string[];
    assert.equal(input[0], `orders-${String(hex)}`);
  });

  test('dropping a for_each key destroys that module instance only', async () => {
    const p = await cli(dir, ['plan', '-no-color', '-var=topics=["payments"]']);
    assert.equal(p.code, 0, p.err);
    assert.match(p.out, /# module\.topic\["orders"\]\.random_id\.suffix will be destroyed/);
    assert.match(p.out, /# terraform_data\.all will be updated in-place/);
    assert.match(p.out, /Plan: 0 to add, 1 to change, 1 to destroy\./);
  });
});

describe('moved blocks', () => {
  const dir = workdir({ 'main.tf': 'resource "random_id" "old" {\n  byte_length = 4\n}\n' });
  after(() => removeDir(dir));

  test('a moved block renames the state address without replacement', async () => {
    assert.equal((await cli(dir, ['apply', '-auto-approve'])).code, 0);
    const id = stateAttr(dir, 'random_id.old', 'id');
    writeFiles(dir, { 'main.tf': 'resource "random_id" "new" {\n  byte_length = 4\n}\n\nmoved {\n  from = random_id.old\n  to   = random_id.new\n}\n' });
    const p = await cli(dir, ['plan', '-no-color', '-detailed-exitcode']);
    assert.equal(p.code, 2, p.err);
    assert.match(p.out, /# random_id\.old has moved to random_id\.new/);
    assert.match(p.out, /Plan: 0 to add, 0 to change, 0 to destroy\./);
    const r = await cli(dir, ['apply', '-auto-approve']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(stateAddresses(dir), ['random_id.new']);
    assert.equal(stateAttr(dir, 'random_id.new', 'id'), id);
    const again = await cli(dir, ['plan', '-detailed-exitcode']);
    assert.equal(again.code, 0, again.out);
  });

  test('moving into a count instance keeps the object', async () => {
    const id = stateAttr(dir, 'random_id.new', 'id');
    writeFiles(dir, { 'main.tf': 'resource "random_id" "new" {\n  count       = 1\n  byte_length = 4\n}\n\nmoved {\n  from = random_id.new\n  to   = random_id.new[0]\n}\n' });
    const r = await cli(dir, ['apply', '-auto-approve']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(stateAddresses(dir), ['random_id.new[0]']);
    assert.equal(stateAttr(dir, 'random_id.new[0]', 'id'), id);
  });
});

describe('import', () => {
  const dir = workdir({ 'main.tf': 'resource "random_id" "i" {\n  byte_length = 4\n}\n' });
  after(() => removeDir(dir));

  test('import ADDR ID adopts a random_id by its b64url id', async () => {
    const r = await cli(dir, ['import', 'random_id.i', 'AAECAw']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /Import successful!/);
    assert.equal(stateAttr(dir, 'random_id.i', 'hex'), '00010203');
    assert.equal(stateAttr(dir, 'random_id.i', 'dec'), '66051');
    const p = await cli(dir, ['plan', '-detailed-exitcode', '-no-color']);
    assert.equal(p.code, 0, p.out + p.err);
  });

  test('importing an address already in state is refused', async () => {
    const r = await cli(dir, ['import', 'random_id.i', 'BAUGBw']);
    assert.equal(r.code, 1);
    assert.match(r.err, /Resource already managed/);
  });

  test('an import block is planned as an import and applied', { todo: 'BUG: import blocks are planned ("1 to import") but apply writes nothing; engine/apply-walk.ts returns early on `if (!st) return undefined` before the `c.importing` branch for no-op changes' }, async () => {
    writeFiles(dir, { 'main.tf': 'resource "random_id" "i" {\n  byte_length = 4\n}\n\nresource "random_id" "j" {\n  byte_length = 3\n}\n\nimport {\n  to = random_id.j\n  id = "q83v"\n}\n' });
    const p = await cli(dir, ['plan', '-no-color']);
    assert.equal(p.code, 0, p.err);
    assert.match(p.out, /# random_id\.j will be imported/);
    assert.match(p.out, /Plan: 1 to import, 0 to add, 0 to change, 0 to destroy\./);
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color']);
    assert.equal(r.code, 0, r.err);
    assert.equal(stateAttr(dir, 'random_id.j', 'hex'), 'abcdef');
  });
});

describe('moved blocks: chains and modules', () => {
  const MOD = 'resource "random_id" "a" {\n  byte_length = 2\n}\n';
  const dirs: string[] = [];
  after(() => dirs.forEach(removeDir));

  test('a chain of moves (x → y → z) lands on the last address', async () => {
    const dir = workdir({ 'main.tf': 'resource "random_id" "x" {\n  byte_length = 2\n}\n' });
    dirs.push(dir);
    assert.equal((await cli(dir, ['apply', '-auto-approve'])).code, 0);
    const id = stateAttr(dir, 'random_id.x', 'id');
    writeFiles(dir, { 'main.tf': 'resource "random_id" "z" {\n  byte_length = 2\n}\n\nmoved {\n  from = random_id.x\n  to   = random_id.y\n}\n\nmoved {\n  from = random_id.y\n  to   = random_id.z\n}\n' });
    const r = await cli(dir, ['apply', '-auto-approve', '-no-color']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /Resources: 0 added, 0 changed, 0 destroyed\./);
    assert.deepEqual(stateAddresses(dir), ['random_id.z']);
    assert.equal(stateAttr(dir, 'random_id.z', 'id'), id);
  });

  test('renaming a module call with moved keeps its resources', { todo: 'BUG: moved { from = module.a, to = module.b } is ignored: plan destroys module.a.random_id.a ("module.a is not in configuration") and creates module.b.random_id.a' }, async () => {
    const dir = workdir({ 'main.tf': 'module "a" {\n  source = "./mod"\n}\n', 'mod/main.tf': MOD });
    dirs.push(dir);
    assert.equal((await cli(dir, ['apply', '-auto-approve'])).code, 0);
    const id = stateAttr(dir, 'module.a.random_id.a', 'id');
    writeFiles(dir, { 'main.tf': 'module "b" {\n  source = "./mod"\n}\n\nmoved {\n  from = module.a\n  to   = module.b\n}\n' });
    const p = await cli(dir, ['plan', '-no-color']);
    assert.match(p.out, /# module\.a\.random_id\.a has moved to module\.b\.random_id\.a/);
    assert.match(p.out, /Plan: 0 to add, 0 to change, 0 to destroy\./);
    assert.equal((await cli(dir, ['apply', '-auto-approve'])).code, 0);
    assert.equal(stateAttr(dir, 'module.b.random_id.a', 'id'), id);
  });
});
