import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseLiteralOrTemplate } from './parse-expression.js';
import { parseTraversal, referencesOf } from './references.js';
import { referenceText } from './traverse.js';

function refs(input: unknown): string[] {
  const p = parseLiteralOrTemplate(input, { file: 'main.tf' });
  return referencesOf(p.value!).map((r) => referenceText(r.ref));
}

describe('referencesOf', () => {
  it('finds every kind of root', () => {
    assert.deepEqual(refs('${var.a} ${local.b} ${module.m.out} ${data.t.n.id} ${confluent_kafka_topic.t.id} ${each.key} ${count.index} ${path.module} ${self.id} ${terraform.workspace}'),
      ['var.a', 'local.b', 'module.m', 'data.t.n', 'confluent_kafka_topic.t', 'each', 'count', 'path', 'self', 'terraform']);
  });
  it('excludes for-expression variables but keeps references inside the body', () => {
    assert.deepEqual(refs('${{for k, v in var.m : k => v.id if v != local.skip}}'), ['var.m', 'local.skip']);
    assert.deepEqual(refs('%{for t in var.topics}${t}-${var.env}%{endfor}'), ['var.topics', 'var.env']);
  });
  it('finds references in nested JSON, object keys, calls, splats and indexes', () => {
    assert.deepEqual(refs({ tags: ['${var.a}', { '${local.k}': '${upper(var.b[*].x)}' }], n: '${var.c[var.d]}' }), ['var.a', 'local.k', 'var.b', 'var.c', 'var.d']);
  });
  it('bare object keys are not references', () => assert.deepEqual(refs('${{name = var.x}}'), ['var.x']));
  it('keeps the steps after the referenced object, and the range', () => {
    const p = parseLiteralOrTemplate('${confluent_kafka_topic.t.partitions_count + 1}', { file: 'main.tf' });
    const [r] = referencesOf(p.value!);
    assert.deepEqual(r!.rest.map((s) => s.kind === 'attr' ? s.name : s.key), ['partitions_count']);
    assert.deepEqual(r!.range.start, { line: 1, column: 3 });
  });
});

describe('parseTraversal', () => {
  it('parses bare and wrapped traversals', () => {
    assert.deepEqual(parseTraversal('${keepers}', { file: 'main.tf' }).value?.root, 'keepers');
    const t = parseTraversal('random_id.a.id', { file: 'main.tf' }).value!;
    assert.equal(t.root, 'random_id');
    assert.deepEqual(t.steps.map((s) => s.kind === 'attr' ? s.name : s.key), ['a', 'id']);
    assert.deepEqual(parseTraversal('${tags["a"]}', { file: 'main.tf' }).value?.steps.map((s) => s.kind === 'index' ? s.key : s.name), ['a']);
  });
  it('rejects anything that is not a plain traversal', () => {
    assert.equal(parseTraversal('${upper(x)}', { file: 'main.tf' }).diagnostics[0]!.code, 'expr-invalid-traversal');
  });
});
