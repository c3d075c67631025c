import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Body } from '../config/index.js';
import { evaluate, parseExpressionSync, staticScope, T, UNKNOWN, type EvalScope, type Expr } from '../lang/index.js';
import type { BlockSchema } from '../provider/index.js';
import { decodeBody } from './decode-body.js';

const range = { file: 'main.tf', start: { line: 1, column: 1 } };
function body(attrs: Record<string, string>, blocks: { type: string; labels?: string[]; body: Body }[] = []): Body {
  const attributes = new Map(Object.entries(attrs).map(([name, text]) => [name, { name, expr: parseExpressionSync(text, { file: 'main.tf' }).value!, range }]));
  return { attributes, blocks: blocks.map((b) => ({ type: b.type, labels: b.labels ?? [], body: b.body, range })), range };
}
const ev = (expr: Expr, file: string, scope: EvalScope) => evaluate(expr, scope, { file, baseDir: '.', now: () => 0, uuid: () => 'u' });
const schema: BlockSchema = {
  attributes: {
    name: { type: T.string, required: true },
    size: { type: T.number, optional: true, default: 6 },
    secret: { type: T.string, optional: true, sensitive: true },
    id: { type: T.string, computed: true },
  },
  blocks: {
    rule: { nesting: 'list', block: { attributes: { port: { type: T.number, required: true } } } },
    owner: { nesting: 'single', block: { attributes: { id: { type: T.string, required: true } } } },
  },
};
const scope = staticScope({ var: { n: 'orders', ports: [80, 443], pw: 'x' }, sensitive: ['var.pw'] });

test('decodes attributes and blocks, applies defaults and fills unset attributes with null', () => {
  const r = decodeBody(body({ name: 'var.n' }, [{ type: 'owner', body: body({ id: '"sa-1"' }) }]), schema, scope, ev, { what: 'resource "x" "y"' });
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(r.value, { name: 'orders', size: 6, secret: null, id: null, owner: { id: 'sa-1' }, rule: [] });
  assert.deepEqual(r.sensitivePaths, ['secret']);
});

test('unknown argument gets a did-you-mean and its location', () => {
  const r = decodeBody(body({ name: '"a"', sise: '3' }), schema, scope, ev, { what: 'resource "x" "y"', address: 'x.y' });
  assert.equal(r.diagnostics.length, 1);
  const d = r.diagnostics[0]!;
  assert.equal(d.code, 'config-unknown-attribute');
  assert.match(d.detail!, /"sise" is not expected in resource "x" "y"\. Did you mean "size"\?/);
  assert.equal(d.range?.file, 'main.tf');
  assert.equal(d.address, 'x.y');
});

test('missing required argument, computed-only argument and wrong type are errors', () => {
  const r = decodeBody(body({ id: '"i"', size: '"big"' }), schema, scope, ev, { what: 'resource "x" "y"' });
  const codes = r.diagnostics.map((d) => d.code).sort();
  assert.deepEqual(codes, ['config-attribute-type', 'config-computed-attribute', 'config-missing-argument']);
  assert.match(r.diagnostics.find((d) => d.code === 'config-attribute-type')!.detail!, /size/);
});

test('dynamic blocks expand with their iterator; sensitivity propagates from variables', () => {
  const dyn = body({ for_each: 'var.ports' }, [{ type: 'content', body: body({ port: 'rule.value' }) }]);
  const r = decodeBody(body({ name: '"a"', secret: 'var.pw' }, [{ type: 'dynamic', labels: ['rule'], body: dyn }]), schema, scope, ev, { what: 'resource "x" "y"' });
  assert.deepEqual(r.diagnostics, []);
  assert.deepEqual(r.value.rule, [{ port: 80 }, { port: 443 }]);
  assert.ok(r.sensitivePaths.includes('secret'));
});

test('unknown values pass through type conversion', () => {
  const unknownScope: EvalScope = { lookup: (ref) => (ref.kind === 'var' ? { value: UNKNOWN, sensitive: false } : undefined) };
  const r = decodeBody(body({ name: 'var.n' }), schema, unknownScope, ev, { what: 'resource "x" "y"' });
  assert.deepEqual(r.diagnostics, []);
  assert.equal(r.value.name, UNKNOWN);
});
