import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { exprFromJSON, exprToJSON, type Expr } from './expr.js';
import { parseExpression, parseExpressionSync, parseLiteralOrTemplate, parseTemplate } from './parse-expression.js';

function parse(text: string): Expr {
  const r = parseExpressionSync(text, { file: 'main.tf' });
  assert.deepEqual(r.diagnostics, [], text);
  return r.value!;
}

/** A compact rendering of the AST that ignores ranges, for shape assertions. */
function show(e: Expr): string {
  switch (e.kind) {
    case 'literal': return JSON.stringify(e.value);
    case 'template': return `tmpl(${e.parts.map((p) => (p.kind === 'text' ? JSON.stringify(p.text) : p.kind === 'interp' ? `\${${show(p.expr)}}` : p.kind === 'if' ? `if(${show(p.condition)})` : `for(${p.valueVar})`)).join(' ')})`;
    case 'traversal': return [e.root, ...e.steps.map((s) => (s.kind === 'attr' ? `.${s.name}` : `[${JSON.stringify(s.key)}]`))].join('');
    case 'relative': return `${show(e.source)}${e.steps.map((s) => (s.kind === 'attr' ? `.${s.name}` : `[${JSON.stringify(s.key)}]`)).join('')}`;
    case 'index': return `${show(e.collection)}[${show(e.key)}]`;
    case 'splat': return `splat(${show(e.source)}, ${show(e.each)})`;
    case 'splatItem': return '@';
    case 'call': return `${e.name}(${e.args.map(show).join(', ')}${e.expandFinal ? '...' : ''})`;
    case 'unary': return `${e.op}(${show(e.operand)})`;
    case 'binary': return `${e.op}(${show(e.left)}, ${show(e.right)})`;
    case 'conditional': return `cond(${show(e.condition)}, ${show(e.then)}, ${show(e.else)})`;
    case 'tuple': return `[${e.items.map(show).join(', ')}]`;
    case 'object': return `{${e.items.map((i) => `${show(i.key)}${i.bareKey ? '' : '!'}=${show(i.value)}`).join(', ')}}`;
    case 'for': return `for${e.result === 'tuple' ? '[]' : '{}'}(${e.keyVar ?? ''},${e.valueVar} in ${show(e.collection)}: ${e.keyExpr ? `${show(e.keyExpr)} => ` : ''}${show(e.valueExpr)}${e.grouped ? '...' : ''}${e.condition ? ` if ${show(e.condition)}` : ''})`;
    case 'paren': return `(${show(e.expr)})`;
  }
}

describe('parseExpression: shapes', () => {
  const cases: [string, string][] = [
    ['var.x.a', 'var.x.a'],
    ['a.b[0]["x"].c', 'a.b[0]["x"].c'],
    ['a.0.b', 'a[0].b'],
    ['a[var.k]', 'a[var.k]'],
    ['a[var.k].b', 'a[var.k].b'],
    ['f(x)[0].y', 'f(x)[0].y'],
    ['a[*].b', 'splat(a, @.b)'],
    ['a.*.b', 'splat(a, @.b)'],
    ['a[*].b[0]', 'splat(a, @.b[0])'],
    ['1 + 2 * 3 - 4', 'subtract(add(1, multiply(2, 3)), 4)'],
    ['a || b && !c', 'or(a, and(b, not(c)))'],
    ['a == b != c', 'notEqual(equal(a, b), c)'],
    ['-x', 'negate(x)'],
    ['-1.5e3', '-1500'],
    ['a < b ? "x" : c >= d ? 1 : 2', 'cond(less(a, b), "x", cond(greaterOrEqual(c, d), 1, 2))'],
    ['[1, "two", true, null,]', '[1, "two", true, null]'],
    ['{a = 1, "b" = 2, (k) = 3, c: 4}', '{"a"=1, "b"!=2, (k)!=3, "c"=4}'],
    ['{\n  a = 1\n  b = 2\n}', '{"a"=1, "b"=2}'],
    ['[for k, v in m : v if v != null]', 'for[](k,v in m: v if notEqual(v, null))'],
    ['{for s in l : s.k => s.v... if s.ok}', 'for{}(,s in l: s.k => s.v... if s.ok)'],
    ['f(x, y...)', 'f(x, y...)'],
    ['provider::p::f(1)', 'provider::p::f(1)'],
    ['"hi-${var.x}"', 'tmpl("hi-" ${var.x})'],
    ['"${var.x}"', 'var.x'],
    ['"plain"', '"plain"'],
    ['merge(\n  a, # comment\n  // another\n  b, /* c */\n)', 'merge(a, b)'],
    ['(a).b', '(a).b'],
    ['var.my-name', 'var.my-name'],
  ];
  for (const [text, expected] of cases) it(text, () => assert.equal(show(parse(text)), expected));
});

describe('parseExpression: ranges and errors', () => {
  it('ranges are 1-based and shifted by the start position', () => {
    const e = parseExpressionSync('a +\n  var.b', { file: 'main.tf', start: { line: 10, column: 7 } }).value!;
    assert.equal(e.kind, 'binary');
    if (e.kind !== 'binary') return;
    assert.deepEqual(e.left.range, { start: { line: 10, column: 7 }, end: { line: 10, column: 8 } });
    assert.deepEqual(e.right.range, { start: { line: 11, column: 3 }, end: { line: 11, column: 8 } });
  });
  const bad: [string, RegExp][] = [
    ['a +', /Expected an expression/],
    ['f(a b)', /"," or "\)"/],
    ['[1, 2', /"," or "\]"/],
    ['"abc', /Unterminated template/],
    ['"${a"', /"}" to close the interpolation/],
    ['a b', /Extra characters/],
    ['"%{if a}x"', /Missing %\{endif\}/],
    ['"%{endfor}"', /without a matching %\{for\}/],
    ['"%{while a}"', /Unknown template directive/],
    ['"\\q"', /Invalid escape sequence/],
    ['[for x in l : x', /"\]" to close the for expression/],
    ['{for x in l : x}', /"=>"/],
  ];
  for (const [text, re] of bad) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      const r = parseExpressionSync(text, { file: 'main.tf' });
      assert.equal(r.value, undefined);
      assert.equal(r.diagnostics[0]!.code, 'expr-syntax');
      assert.match(r.diagnostics[0]!.detail!, re);
      assert.equal(r.diagnostics[0]!.range!.file, 'main.tf');
    });
  }
  it('reports the position of the problem', () => {
    const r = parseExpressionSync('merge(\n  a,\n  b c)', { file: 'main.tf' });
    assert.deepEqual(r.diagnostics[0]!.range!.start, { line: 3, column: 5 });
  });
  it('the async form gives the same result', async () => {
    assert.deepEqual(await parseExpression('var.x', { file: 'main.tf' }), parseExpressionSync('var.x', { file: 'main.tf' }));
  });
});

describe('templates', () => {
  it('nests if/else and for directives', () => {
    const e = parseTemplate('a%{if x}b%{else}c%{endif}%{for k, v in m}${k}%{endfor}', { file: 'main.tf' }).value!;
    assert.equal(e.kind, 'template');
    if (e.kind !== 'template') return;
    assert.deepEqual(e.parts.map((p) => p.kind), ['text', 'if', 'for']);
    const [, ifPart, forPart] = e.parts;
    assert.ok(ifPart?.kind === 'if' && ifPart.then.length === 1 && ifPart.else.length === 1);
    assert.ok(forPart?.kind === 'for' && forPart.keyVar === 'k' && forPart.valueVar === 'v');
  });
  it('applies strip markers', () => {
    assert.equal(show(parseTemplate('a \n ${~ x ~} \n b', { file: 'main.tf' }).value!), 'tmpl("a" ${x} "b")');
  });
  it('keeps escaped interpolation markers literal', () => {
    assert.equal(show(parseTemplate('$${a} %%{b}', { file: 'main.tf' }).value!), '"${a} %{b}"');
  });
  it('heredocs keep their final newline and <<- trims indentation', () => {
    assert.equal(show(parse('<<EOT\n  x ${y}\nEOT')), 'tmpl("  x " ${y} "\\n")');
    assert.equal(show(parse('<<-EOT\n    a\n      b\n    EOT')), '"a\\n  b\\n"');
  });
});

describe('parseLiteralOrTemplate', () => {
  it('converts hcl2json JSON recursively', () => {
    const e = parseLiteralOrTemplate({ a: ['x', 1, true, null], '${var.k}': 'v-${var.v}' }, { file: 'main.tf' }).value!;
    assert.equal(show(e), '{"a"=["x", 1, true, null], var.k!=tmpl("v-" ${var.v})}');
  });
  it('collects syntax errors', () => {
    const r = parseLiteralOrTemplate(['${a +}', 'ok'], { file: 'main.tf' });
    assert.equal(r.value, undefined);
    assert.equal(r.diagnostics[0]!.code, 'expr-syntax');
  });
  it('memoises by text and survives a JSON round trip', () => {
    const a = parseTemplate('${var.memo_check}', { file: 'main.tf' }).value!;
    const b = parseTemplate('${var.memo_check}', { file: 'main.tf' }).value!;
    assert.equal(a, b);
    const complex = parse('{for k, v in var.m : k => "${v}-%{if v > 1}big%{endif}"... if v != null}');
    assert.deepEqual(exprFromJSON(exprToJSON(complex)), complex);
  });
});
