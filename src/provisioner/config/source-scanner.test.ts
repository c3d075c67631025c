import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scanHcl } from './source-scanner.js';

test('finds blocks, labels and attribute positions, skipping strings, heredocs and comments', () => {
  const src = [
    '# comment { not a block',
    'resource "random_id" "r" {',
    '  byte_length = 4 # trailing { brace',
    '  keepers = {',
    '    a = "x}y"',
    '  }',
    '  sql = <<-EOT',
    '    SELECT "{"',
    '  EOT',
    '  lifecycle {',
    '    ignore_changes = [keepers]',
    '  }',
    '}',
    'variable "v" {}',
  ].join('\n');
  const blocks = scanHcl(src);
  assert.equal(blocks.length, 2);
  const r = blocks[0]!;
  assert.deepEqual([r.type, ...r.labels], ['resource', 'random_id', 'r']);
  assert.deepEqual(r.pos, { line: 2, column: 1 });
  assert.deepEqual(r.attributes.get('byte_length')?.pos, { line: 3, column: 3 });
  assert.deepEqual(r.attributes.get('sql')?.pos, { line: 7, column: 3 });
  assert.ok(r.attributes.has('keepers'));
  assert.equal(r.blocks.length, 1);
  assert.equal(r.blocks[0]!.type, 'lifecycle');
  assert.deepEqual(r.blocks[0]!.attributes.get('ignore_changes')?.pos, { line: 11, column: 5 });
  assert.deepEqual([blocks[1]!.type, ...blocks[1]!.labels], ['variable', 'v']);
});

test('one-line blocks and interpolated strings', () => {
  const blocks = scanHcl('locals { a = "${var.x} {" }\noutput "o" { value = local.a }\n');
  assert.equal(blocks.length, 2);
  assert.ok(blocks[0]!.attributes.has('a'));
  assert.deepEqual(blocks[1]!.attributes.get('value')?.pos, { line: 2, column: 14 });
});

test('collects # streamform: annotations of the block they are written in', () => {
  const blocks = scanHcl([
    '# streamform: evolution = "top-level is ignored"',
    'resource "confluent_flink_statement" "s" {',
    '  # streamform: evolution = "cut-over"',
    '  statement = "SELECT 1" // streamform: other = "x"',
    '  lifecycle {',
    '    # streamform: inner = "y"',
    '  }',
    '  # not an annotation: evolution = "no"',
    '}',
  ].join('\n'));
  const r = blocks[0]!;
  assert.deepEqual(Object.fromEntries(r.annotations), { evolution: 'cut-over', other: 'x' });
  assert.deepEqual(Object.fromEntries(r.blocks[0]!.annotations), { inner: 'y' });
});
