/** Bad configurations: each gives the expected message with file:line, from validate and from plan. */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cli, removeDir, workdir, writeFiles } from '../support/index.js';

interface Case {
  readonly name: string;
  readonly tf: string;
  /** Patterns the combined output must match. */
  readonly expect: readonly RegExp[];
  /** Only `plan` can find it (values unknown until apply). */
  readonly planOnly?: boolean;
  readonly todo?: string;
  /** Known gap in `validate` only. */
  readonly validateTodo?: string;
}

const CASES: readonly Case[] = [
  {
    name: 'HCL syntax error: unclosed block',
    tf: 'resource "random_id" "a" {\n  byte_length = 4\n\n',
    expect: [/Error: Unclosed configuration block/, /on main\.tf line 1/],
  },
  {
    name: 'HCL syntax error: bad expression',
    tf: 'resource "random_id" "a" {\n  byte_length = = 4\n}\n',
    expect: [/Error: Invalid expression/, /on main\.tf line 2/, /2:   byte_length = = 4/],
  },
  {
    name: 'unknown attribute with did-you-mean',
    tf: 'resource "random_id" "a" {\n  byte_length = 4\n  prefx       = "x"\n}\n',
    expect: [/Error: Unsupported argument/, /on main\.tf line 3/, /Did you mean "prefix"\?/],
  },
  {
    name: 'unknown nested block type',
    tf: 'resource "random_id" "a" {\n  byte_length = 4\n  lifecycel {\n  }\n}\n',
    expect: [/Error: Unsupported block type/, /on main\.tf line 3/, /"lifecycel"/],
  },
  {
    name: 'unknown nested block type suggests the right one',
    tf: 'resource "random_id" "a" {\n  byte_length = 4\n  lifecycel {\n  }\n}\n',
    expect: [/Did you mean "lifecycle"\?/],
  },
  {
    name: 'unknown top-level block type',
    tf: 'resource "random_id" "a" {\n  byte_length = 4\n}\n\nresourze "x" "y" {\n}\n',
    expect: [/Error: Unsupported block type/, /on main\.tf line 5/, /Did you mean "resource"\?/],
  },
  {
    name: 'missing required argument',
    tf: 'resource "random_id" "a" {\n  prefix = "x"\n}\n',
    expect: [/Error: Missing required argument/, /on main\.tf line 1/, /"byte_length" is required/],
  },
  {
    name: 'wrong type',
    tf: 'resource "random_id" "a" {\n  byte_length = "four"\n}\n',
    expect: [/Error: Incorrect attribute value type/, /on main\.tf line 2/, /a number is required/],
  },
  {
    name: 'wrong type for a declared variable default',
    tf: 'variable "n" {\n  type    = number\n  default = "x"\n}\n',
    expect: [/Error: Invalid (default )?value for variable/, /on main\.tf line [13]/, /a number is required/],
    validateTodo: 'validate accepts a variable default of the wrong type (found only by plan, at the block line 1 rather than the default on line 3)',
  },
  {
    name: 'undeclared variable reference',
    tf: 'resource "random_id" "a" {\n  byte_length = var.nope\n}\n',
    expect: [/Error: Reference to undeclared input variable/, /on main\.tf line 2/, /var\.nope/],
  },
  {
    name: 'reference to an undeclared resource',
    tf: 'resource "random_id" "a" {\n  byte_length = random_id.b.dec\n}\n',
    expect: [/Error: Reference to undeclared resource/, /on main\.tf line 2/],
  },
  {
    name: 'cycle between two resources names both with their locations',
    tf: 'resource "terraform_data" "a" {\n  input = terraform_data.b.id\n}\n\nresource "terraform_data" "b" {\n  input = terraform_data.a.id\n}\n',
    expect: [/Error: Cycle: terraform_data\.a, terraform_data\.b/, /terraform_data\.a at main\.tf:1/, /terraform_data\.b at main\.tf:5/],
  },
  {
    name: 'unknown resource type with suggestion',
    tf: 'resource "random_ids" "a" {\n  byte_length = 4\n}\n',
    expect: [/Error: Invalid resource type/, /on main\.tf line 1/, /Did you mean "random_id"\?/],
  },
  {
    name: 'count unknown at plan',
    tf: 'resource "random_id" "a" {\n  byte_length = 4\n}\n\nresource "random_id" "b" {\n  count       = length(random_id.a.hex)\n  byte_length = 4\n}\n',
    expect: [/Error: Invalid count argument/, /on main\.tf line 6/, /cannot be determined until apply/],
    planOnly: true,
  },
  {
    name: 'for_each unknown at plan',
    tf: 'resource "random_id" "a" {\n  byte_length = 4\n}\n\nresource "random_id" "b" {\n  for_each    = toset([random_id.a.hex])\n  byte_length = 4\n}\n',
    expect: [/Error: Invalid for_each argument/, /on main\.tf line 6/, /cannot be determined until apply/],
    planOnly: true,
  },
  {
    name: 'negative count',
    tf: 'resource "random_id" "b" {\n  count       = -1\n  byte_length = 4\n}\n',
    expect: [/Error: Invalid count argument/, /on main\.tf line 2/],
    planOnly: true,
  },
  {
    name: 'for_each over a list is refused',
    tf: 'resource "random_id" "b" {\n  for_each    = ["a"]\n  byte_length = 4\n}\n',
    expect: [/Error: Invalid for_each argument/, /on main\.tf line 2/, /map, or set of strings/],
    planOnly: true,
    todo: 'BUG: for_each = ["a"] (a tuple) is accepted and creates random_id.b["a"]; Terraform requires a map or a set of strings',
  },
  {
    name: 'duplicate resource',
    tf: 'resource "random_id" "a" {\n  byte_length = 4\n}\n\nresource "random_id" "a" {\n  byte_length = 4\n}\n',
    expect: [/Error: Duplicate resource/, /on main\.tf line 5/, /already declared at main\.tf:1/],
  },
];

describe('bad configurations', () => {
  const dirs: string[] = [];
  after(() => dirs.forEach(removeDir));
  for (const c of CASES) {
    for (const cmd of c.planOnly ? ['plan'] : ['validate', 'plan']) {
      const todo = c.todo ?? (cmd === 'validate' ? c.validateTodo : undefined);
      test(`${cmd}: ${c.name}`, todo ? { todo } : {}, async () => {
        const dir = workdir({ 'main.tf': c.tf });
        dirs.push(dir);
        const r = await cli(dir, [cmd, '-no-color']);
        const text = r.out + r.err;
        assert.equal(r.code, 1, text);
        for (const re of c.expect) assert.match(text, re);
      });
    }
  }

  test('validate -json reports diagnostics with file, line and column', async () => {
    const dir = workdir({ 'main.tf': 'resource "random_id" "a" {\n  byte_length = 4\n  prefx       = "x"\n}\n' });
    dirs.push(dir);
    const r = await cli(dir, ['validate', '-json']);
    assert.equal(r.code, 1);
    const v = JSON.parse(r.out) as { valid: boolean; error_count: number; diagnostics: { severity: string; summary: string; range: { filename: string; start: { line: number; column: number } } }[] };
    assert.equal(v.valid, false);
    assert.equal(v.error_count, 1);
    assert.equal(v.diagnostics[0]?.summary, 'Unsupported argument');
    assert.deepEqual(v.diagnostics[0]?.range.filename, 'main.tf');
    assert.deepEqual(v.diagnostics[0]?.range.start, { line: 3, column: 3 });
    writeFiles(dir, { 'main.tf': 'resource "random_id" "a" {\n  byte_length = 4\n}\n' });
    const ok = await cli(dir, ['validate', '-json']);
    assert.equal(ok.code, 0);
    assert.deepEqual(JSON.parse(ok.out), { format_version: '1.0', valid: true, error_count: 0, warning_count: 0, diagnostics: [] });
  });

  test('validate -json: a range ends after the offending token', { todo: 'diagnostic ranges have end == start (Terraform gives the end of the token, e.g. column 8 for "prefx")' }, async () => {
    const dir = workdir({ 'main.tf': 'resource "random_id" "a" {\n  byte_length = 4\n  prefx       = "x"\n}\n' });
    dirs.push(dir);
    const v = JSON.parse((await cli(dir, ['validate', '-json'])).out) as { diagnostics: { range: { end: { line: number; column: number } } }[] };
    assert.deepEqual(v.diagnostics[0]?.range.end, { line: 3, column: 8 });
  });
});

describe('fmt and graph', () => {
  const UGLY = 'resource "random_id" "a" {\nbyte_length=4\n  prefix = "p"\n}\n';
  const PRETTY = 'resource "random_id" "a" {\n  byte_length = 4\n  prefix      = "p"\n}\n';
  const dir = workdir({ 'main.tf': UGLY, 'ok.tf': 'output "x" {\n  value = 1\n}\n' });
  after(() => removeDir(dir));

  test('fmt -check exits 3 and names the file, without rewriting', async () => {
    const r = await cli(dir, ['fmt', '-check']);
    assert.equal(r.code, 3);
    assert.equal(r.out, 'main.tf\n');
    assert.equal(readFileSync(join(dir, 'main.tf'), 'utf8'), UGLY);
  });

  test('fmt rewrites to canonical form; then -check passes', async () => {
    const r = await cli(dir, ['fmt']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'main.tf\n');
    assert.equal(readFileSync(join(dir, 'main.tf'), 'utf8'), PRETTY);
    assert.equal((await cli(dir, ['fmt', '-check'])).code, 0);
  });

  test('fmt -recursive reaches subdirectories; -diff shows the change', async () => {
    writeFiles(dir, { 'sub/x.tf': 'locals {\na=1\n  bb = 2\n}\n' });
    const d = await cli(dir, ['fmt', '-check', '-diff', '-recursive', '-no-color']);
    assert.equal(d.code, 3);
    assert.match(d.out, /sub\/x\.tf/);
    assert.match(d.out, /\+  a  = 1/);
    assert.equal((await cli(dir, ['fmt', '-recursive'])).code, 0);
    assert.equal(readFileSync(join(dir, 'sub', 'x.tf'), 'utf8'), 'locals {\n  a  = 1\n  bb = 2\n}\n');
  });

  test('fmt refuses a file with a syntax error and leaves it alone', { todo: 'fmt on a file with "  a = " (no value) rewrites it and exits 0; Terraform reports the syntax error (exit 2 for fmt) and does not touch the file' }, async () => {
    const bad = 'resource "x" "y" {\n  a = \n}\n';
    writeFiles(dir, { 'bad.tf': bad });
    const r = await cli(dir, ['fmt', '-no-color']);
    try {
      assert.notEqual(r.code, 0);
      assert.match(r.out + r.err, /Error: /);
      assert.equal(readFileSync(join(dir, 'bad.tf'), 'utf8'), bad);
    } finally {
      rmSync(join(dir, 'bad.tf'));
    }
  });

  test('graph prints DOT with dependency edges', async () => {
    writeFiles(dir, { 'main.tf': 'variable "n" {\n  default = 2\n}\n\nresource "random_id" "a" {\n  byte_length = var.n\n}\n\nresource "terraform_data" "d" {\n  input = random_id.a.hex\n}\n' });
    const r = await cli(dir, ['graph']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^digraph \{/);
    assert.match(r.out, /"\[root\] terraform_data\.d" -> "\[root\] random_id\.a"/);
    assert.match(r.out, /"\[root\] random_id\.a" -> "\[root\] var\.n"/);
    assert.match(r.out, /\}\n$/);
  });
});
