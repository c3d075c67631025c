/**
 * Conformance against HashiCorp's own HCL parser (compiled to wasm in @cdktf/hcl2json): for a
 * corpus of expressions, our parser must accept and reject the same texts, and find the same
 * references.
 */
import assert from 'node:assert/strict';
import { getExpressionAst, getReferencesInExpression } from '@cdktf/hcl2json';
import { describe, it } from 'node:test';
import { parseExpressionSync, parseLiteralOrTemplate } from './parse-expression.js';
import { referencesOf } from './references.js';
import { referenceText } from './traverse.js';

const VALID = [
  'var.x.a', 'a.b[0]["x"].c', 'a[var.k]', 'f(x)[0].y', 'var.list[*].id', 'var.m.*.name', '1 + 2 * 3', '-var.n',
  '!var.flag && (a || b)', 'var.a == "x" ? local.b : null', '[1, "two", true, null]', '{a = 1, "b" = 2, (local.k) = 3}',
  '[for k, v in var.m : v.id if v != null]', '{for s in var.l : s.k => s.v...}', 'merge(var.a, {k = "v"})', 'f(var.l...)',
  '"hi-${var.x}-%{if local.c}y%{else}n%{endif}"', '"%{for t in var.topics}${t},%{endfor}"', '"$${x} %%{y}"',
  'jsonencode({ a = [for x in data.t.n.items : x.id] })', 'try(var.a.b, "d")', 'module.m.out[0]', 'each.value.name',
  'count.index + 1', 'confluent_kafka_topic.t[0].id', 'confluent_kafka_topic.t["k"].id',
];
const FOR_VARIABLES = ['k', 'v', 's', 'x', 't'];
const INVALID = ['a +', 'f(a b)', '[1, 2', '"abc', 'a b', '"%{if a}x"', '{for x in l : x}'];

describe('conformance with the HCL parser in @cdktf/hcl2json', () => {
  for (const text of VALID) {
    it(`accepts ${text} and finds the same references`, async () => {
      await getExpressionAst('main.tf', text);
      const ours = parseExpressionSync(text, { file: 'main.tf' });
      assert.deepEqual(ours.diagnostics, []);
      // hcl2json also lists bare names (`a`) and for-expression variables; neither is a dependency.
      const theirs = (await getReferencesInExpression('main.tf', `\${${text}}`))
        .filter((r) => /[.[]/.test(r.value)).map((r) => r.value.split(/[.[]/)[0])
        .filter((root) => root !== undefined && !FOR_VARIABLES.includes(root));
      const mine = referencesOf(ours.value!).map((u) => referenceText(u.ref).split('.')[0]);
      assert.deepEqual(mine, theirs);
    });
  }
  for (const text of INVALID) {
    it(`rejects ${text}`, async () => {
      await assert.rejects(getExpressionAst('main.tf', text));
      assert.equal(parseExpressionSync(text, { file: 'main.tf' }).value, undefined);
    });
  }
  it('parses hcl2json output of a real file', async () => {
    const { parse } = await import('@cdktf/hcl2json');
    const json = await parse('main.tf', 'locals {\n  a = "${replace(var.x, "\\n", " ")} and \\\\ ${var.y}"\n  b = merge(\n    var.a, # c\n    { k = "v" },\n  )\n}\n');
    const locals = (json as { locals: Record<string, unknown>[] }).locals[0]!;
    for (const v of Object.values(locals)) assert.deepEqual(parseLiteralOrTemplate(v, { file: 'main.tf' }).diagnostics, []);
  });
});
