/**
 * A recursive-descent parser for HCL native-syntax expressions (the subset Terraform uses),
 * producing the `Expr` AST. Syntax errors are thrown as DiagnosticsError by the cursor and
 * turned back into data by parse-expression.ts.
 */
import type { BinaryOp, Expr, ObjectItem, Range, Step, TemplatePart } from './expr.js';
import { SourceCursor } from './source-cursor.js';
import { parseTemplateParts } from './template-parser.js';

const LEVELS: readonly (readonly (readonly [string, BinaryOp])[])[] = [
  [['||', 'or']],
  [['&&', 'and']],
  [['==', 'equal'], ['!=', 'notEqual']],
  [['<=', 'lessOrEqual'], ['>=', 'greaterOrEqual'], ['<', 'less'], ['>', 'greater']],
  [['+', 'add'], ['-', 'subtract']],
  [['*', 'multiply'], ['/', 'divide'], ['%', 'modulo']],
];

/** Parses a whole expression text (no surrounding `${}`). Throws DiagnosticsError on bad syntax. */
export function parseExpressionText(text: string, opts: { file: string; start?: Range['start'] | undefined }): Expr {
  const c = new SourceCursor(text, opts);
  const e = parseExpr(c);
  c.skipSpace();
  if (!c.atEnd()) c.fail('Extra characters after the end of the expression.');
  return e;
}

/** Parses template text as hcl2json delivers it (`hi-${var.x}`, directives, no quotes). */
export function parseTemplateText(text: string, opts: { file: string; start?: Range['start'] | undefined }): Expr {
  const c = new SourceCursor(text, opts);
  const parts = parseTemplateParts(c, 'raw', () => parseExpr(c));
  return makeTemplate(parts, c.range(0, text.length));
}

/** `"${x}"` alone is x itself (Terraform keeps its type); plain text is a string literal. */
function makeTemplate(parts: readonly TemplatePart[], range: Range): Expr {
  const only = parts[0];
  if (parts.length === 0) return { kind: 'literal', value: '', range };
  if (parts.length === 1 && only?.kind === 'text') return { kind: 'literal', value: only.text, range };
  if (parts.length === 1 && only?.kind === 'interp') return only.expr;
  return { kind: 'template', parts, range };
}

function parseExpr(c: SourceCursor): Expr {
  c.skipSpace();
  const start = c.pos;
  const cond = parseBinary(c, 0);
  const before = c.pos;
  c.skipSpace();
  if (c.startsWith('?')) {
    c.pos++;
    const then = parseExpr(c);
    c.expect(':', '":" in the conditional expression');
    const els = parseExpr(c);
    return { kind: 'conditional', condition: cond, then, else: els, range: c.range(start) };
  }
  c.pos = before;
  return cond;
}

function parseBinary(c: SourceCursor, level: number): Expr {
  const ops = LEVELS[level];
  if (ops === undefined) return parseUnary(c);
  c.skipSpace();
  const start = c.pos;
  let left = parseBinary(c, level + 1);
  for (;;) {
    const before = c.pos;
    c.skipSpace();
    const op = ops.find(([sym]) => c.startsWith(sym));
    if (op === undefined) { c.pos = before; return left; }
    c.pos += op[0].length;
    const right = parseBinary(c, level + 1);
    left = { kind: 'binary', op: op[1], left, right, range: c.range(start) };
  }
}

function parseUnary(c: SourceCursor): Expr {
  c.skipSpace();
  const start = c.pos;
  if (c.startsWith('!') && !c.startsWith('!=')) {
    c.pos++;
    const operand = parseUnary(c);
    return { kind: 'unary', op: 'not', operand, range: c.range(start) };
  }
  if (c.startsWith('-')) {
    c.pos++;
    const operand = parseUnary(c);
    if (operand.kind === 'literal' && typeof operand.value === 'number') return { kind: 'literal', value: -operand.value, range: c.range(start) };
    return { kind: 'unary', op: 'negate', operand, range: c.range(start) };
  }
  return parsePostfix(c, parsePrimary(c), start, false);
}

function addStep(node: Expr, step: Step, start: number, c: SourceCursor): Expr {
  if (node.kind === 'traversal' || node.kind === 'relative') return { ...node, steps: [...node.steps, step], range: c.range(start) };
  return { kind: 'relative', source: node, steps: [step], range: c.range(start) };
}

function parsePostfix(c: SourceCursor, first: Expr, start: number, attrOnly: boolean): Expr {
  let node = first;
  for (;;) {
    const before = c.pos;
    c.skipSpace();
    const at = c.pos;
    if (c.startsWith('.') && !c.startsWith('...')) {
      c.pos++;
      c.skipSpace();
      if (c.startsWith('*')) {
        if (attrOnly) { c.pos = before; return node; }
        c.pos++;
        node = parseSplat(c, node, start, true);
        continue;
      }
      const digits = /[0-9]+/y;
      digits.lastIndex = c.pos;
      const d = digits.exec(c.text);
      if (d) {
        c.pos += d[0].length;
        node = addStep(node, { kind: 'index', key: Number(d[0]), range: c.range(at) }, start, c);
        continue;
      }
      const name = c.ident();
      if (name === undefined) c.fail('Expected an attribute name after ".".');
      node = addStep(node, { kind: 'attr', name, range: c.range(at) }, start, c);
      continue;
    }
    if (c.startsWith('[') && !attrOnly) {
      c.pos++;
      if (c.eat('*')) {
        c.expect(']', '"]" to close the splat');
        node = parseSplat(c, node, start, false);
        continue;
      }
      const key = parseExpr(c);
      c.expect(']', '"]" to close the index');
      if (key.kind === 'literal' && (typeof key.value === 'number' || typeof key.value === 'string')) {
        node = addStep(node, { kind: 'index', key: key.value, range: c.range(at) }, start, c);
      } else {
        node = { kind: 'index', collection: node, key, range: c.range(start) };
      }
      continue;
    }
    c.pos = before;
    return node;
  }
}

function parseSplat(c: SourceCursor, source: Expr, start: number, attrOnly: boolean): Expr {
  const at = c.pos;
  const item: Expr = { kind: 'splatItem', range: c.range(at) };
  const each = parsePostfix(c, item, at, attrOnly);
  return { kind: 'splat', source, each, range: c.range(start) };
}

function parsePrimary(c: SourceCursor): Expr {
  c.skipSpace();
  const start = c.pos;
  const ch = c.peek();
  if (ch >= '0' && ch <= '9') {
    const re = /[0-9]+(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
    re.lastIndex = c.pos;
    const m = re.exec(c.text);
    if (!m) c.fail('Invalid number.');
    c.pos += m[0].length;
    return { kind: 'literal', value: Number(m[0]), range: c.range(start) };
  }
  if (ch === '"') {
    c.pos++;
    const parts = parseTemplateParts(c, 'quoted', () => parseExpr(c));
    c.pos++;
    return makeTemplate(parts, c.range(start));
  }
  if (c.startsWith('<<')) return parseHeredoc(c);
  if (ch === '(') {
    c.pos++;
    const inner = parseExpr(c);
    c.expect(')', '")" to close the parenthesis');
    return { kind: 'paren', expr: inner, range: c.range(start) };
  }
  if (ch === '[') return parseTupleOrFor(c);
  if (ch === '{') return parseObjectOrFor(c);
  const name = c.ident();
  if (name === undefined) c.fail(c.atEnd() ? 'Expected an expression.' : 'Expected the start of an expression.');
  if (name === 'true' || name === 'false') return { kind: 'literal', value: name === 'true', range: c.range(start) };
  if (name === 'null') return { kind: 'literal', value: null, range: c.range(start) };
  let fn = name;
  while (c.startsWith('::')) {
    c.pos += 2;
    const part = c.ident();
    if (part === undefined) c.fail('Expected a name after "::".');
    fn += `::${part}`;
  }
  const range = c.range(start);
  const end = c.pos;
  c.skipSpace();
  if (c.startsWith('(')) return parseCall(c, fn, start);
  if (fn !== name) c.fail('Expected "(" after a provider function name.');
  c.pos = end;
  return { kind: 'traversal', root: name, steps: [], range };
}

function parseCall(c: SourceCursor, name: string, start: number): Expr {
  c.pos++;
  const args: Expr[] = [];
  let expandFinal = false;
  while (!c.eat(')')) {
    if (expandFinal) c.fail('The "..." expansion is only allowed on the final argument.');
    args.push(parseExpr(c));
    if (c.eat('...')) expandFinal = true;
    if (!c.eat(',')) { c.expect(')', '"," or ")" in the function call'); break; }
  }
  return { kind: 'call', name, args, expandFinal, range: c.range(start) };
}

function isForStart(c: SourceCursor): boolean {
  const save = c.pos;
  const kw = c.ident();
  const next = c.ident();
  c.pos = save;
  return kw === 'for' && next !== undefined;
}

function parseTupleOrFor(c: SourceCursor): Expr {
  const start = c.pos;
  c.pos++;
  if (isForStart(c)) return parseFor(c, start, 'tuple');
  const items: Expr[] = [];
  while (!c.eat(']')) {
    items.push(parseExpr(c));
    if (!c.eat(',')) { c.expect(']', '"," or "]" in the list'); break; }
  }
  return { kind: 'tuple', items, range: c.range(start) };
}

function parseObjectOrFor(c: SourceCursor): Expr {
  const start = c.pos;
  c.pos++;
  if (isForStart(c)) return parseFor(c, start, 'object');
  const items: ObjectItem[] = [];
  while (!c.eat('}')) {
    c.skipSpace();
    const keyStart = c.pos;
    const id = c.ident();
    let key: Expr;
    let bareKey = false;
    c.skipSpace();
    if (id !== undefined && (c.startsWith(':') || (c.startsWith('=') && !c.startsWith('==') && !c.startsWith('=>')))) {
      key = { kind: 'literal', value: id, range: c.range(keyStart) };
      bareKey = true;
    } else {
      c.pos = keyStart;
      key = parseBinary(c, 0);
    }
    if (!c.eat('=') && !c.eat(':')) c.fail('Expected "=" after the object key.');
    const value = parseExpr(c);
    items.push({ key, bareKey, value });
    c.eat(',');
  }
  return { kind: 'object', items, range: c.range(start) };
}

function parseFor(c: SourceCursor, start: number, result: 'tuple' | 'object'): Expr {
  c.ident();
  const first = c.ident();
  if (first === undefined) c.fail('Expected a variable name after "for".');
  let keyVar: string | undefined;
  let valueVar = first;
  if (c.eat(',')) {
    keyVar = first;
    const second = c.ident();
    if (second === undefined) c.fail('Expected a second variable name after ",".');
    valueVar = second;
  }
  if (c.ident() !== 'in') c.fail('Expected "in" after the for variables.');
  const collection = parseExpr(c);
  c.expect(':', '":" after the for collection');
  let keyExpr: Expr | undefined;
  let valueExpr = parseExpr(c);
  if (result === 'object') {
    c.expect('=>', '"=>" between key and value in an object for expression');
    keyExpr = valueExpr;
    valueExpr = parseExpr(c);
  }
  const grouped = result === 'object' && c.eat('...');
  let condition: Expr | undefined;
  if (c.peekIdent() === 'if') { c.ident(); condition = parseExpr(c); }
  c.expect(result === 'tuple' ? ']' : '}', result === 'tuple' ? '"]" to close the for expression' : '"}" to close the for expression');
  const range = c.range(start);
  return {
    kind: 'for', result, valueVar, collection, valueExpr, grouped, range,
    ...(keyVar !== undefined ? { keyVar } : {}),
    ...(keyExpr !== undefined ? { keyExpr } : {}),
    ...(condition !== undefined ? { condition } : {}),
  };
}

function parseHeredoc(c: SourceCursor): Expr {
  const start = c.pos;
  c.pos += 2;
  const flush = c.startsWith('-');
  if (flush) c.pos++;
  const m = /([A-Za-z_][A-Za-z0-9_-]*)[ \t]*\r?\n/y;
  m.lastIndex = c.pos;
  const r = m.exec(c.text);
  if (!r || r[1] === undefined) c.fail('Expected a heredoc marker such as <<EOT followed by a newline.');
  const marker = r[1];
  c.pos += r[0].length;
  const bodyStart = c.pos;
  let lineStart = bodyStart;
  let bodyEnd = -1;
  while (lineStart <= c.text.length) {
    const nl = c.text.indexOf('\n', lineStart);
    const lineEnd = nl < 0 ? c.text.length : nl;
    if (c.text.slice(lineStart, lineEnd).trim() === marker) { bodyEnd = lineStart; break; }
    if (nl < 0) break;
    lineStart = nl + 1;
  }
  if (bodyEnd < 0) c.fail(`Unterminated heredoc; expected a line containing only ${marker}.`, start);
  const parts = parseTemplateParts(c, 'raw', () => parseExpr(c), bodyEnd);
  c.pos = bodyEnd;
  while (!c.atEnd() && c.peek() !== '\n') c.pos++;
  const range = c.range(start);
  return makeTemplate(flush ? flushIndent(parts, c.text.slice(bodyStart, bodyEnd)) : parts, range);
}

/** `<<-` heredocs drop the smallest common indentation of their lines. */
function flushIndent(parts: readonly TemplatePart[], body: string): TemplatePart[] {
  const indents = body.split('\n').filter((l) => l.trim() !== '').map((l) => /^[ \t]*/.exec(l)?.[0].length ?? 0);
  const n = indents.length ? Math.min(...indents) : 0;
  if (n === 0) return [...parts];
  let atLineStart = true;
  const strip = (text: string): string => text.split('\n').map((seg, i) => ((i > 0 || atLineStart) ? seg.replace(new RegExp(`^[ \\t]{0,${n}}`), '') : seg)).join('\n');
  return parts.map((p) => {
    if (p.kind !== 'text') { atLineStart = false; return p; }
    const out: TemplatePart = { kind: 'text', text: strip(p.text) };
    atLineStart = p.text.endsWith('\n');
    return out;
  });
}
