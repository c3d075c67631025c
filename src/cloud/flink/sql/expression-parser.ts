/**
 * Expressions with Calcite's precedence, lowest first: OR, AND, NOT, comparisons and predicates
 * (=, <>, IS, BETWEEN, IN, LIKE, SIMILAR TO), + -, * / % ||, unary + -, postfix [i] and .field.
 */
import type { BinaryOp, Expr, IsTest, Pos } from './ast.js';
import type { Cursor } from './cursor.js';
import { CALLABLE_RESERVED, NILADIC } from './keywords.js';
import { parseQuery, atQueryStart } from './query-parser.js';
import { parseSpecialCall, isSpecialCall } from './special-call-parser.js';
import { intervalQualifier } from './type-parser.js';
import { callRest } from './function-call-parser.js';

/** Parses one expression. */
export function parseExpr(c: Cursor): Expr {
  return c.nested(() => orExpr(c));
}

/** Parses `expr, expr, ...` (at least one). */
export function parseExprList(c: Cursor): Expr[] {
  const list = [parseExpr(c)];
  while (c.acceptOp(',')) list.push(parseExpr(c));
  return list;
}

function binary(c: Cursor, parts: { op: BinaryOp; left: Expr; right: Expr }): Expr {
  const { op, left, right } = parts;
  return { kind: 'Binary', range: { start: left.range.start, end: c.prev().end }, op, left, right };
}

function orExpr(c: Cursor): Expr {
  let left = andExpr(c);
  while (c.isKw('OR')) { c.advance(); left = binary(c, { op: 'OR', left, right: andExpr(c) }); }
  return left;
}

function andExpr(c: Cursor): Expr {
  let left = notExpr(c);
  while (c.isKw('AND')) { c.advance(); left = binary(c, { op: 'AND', left, right: notExpr(c) }); }
  return left;
}

function notExpr(c: Cursor): Expr {
  if (c.isKw('NOT')) {
    const start = c.advance().start;
    const operand = c.nested(() => notExpr(c));
    return { kind: 'Unary', range: c.rangeFrom(start), op: 'NOT', operand };
  }
  return comparison(c);
}

const COMPARISONS: Readonly<Record<string, BinaryOp>> = { '=': '=', '<>': '<>', '!=': '<>', '<': '<', '<=': '<=', '>': '>', '>=': '>=' };

function comparison(c: Cursor): Expr {
  let left = additive(c);
  for (;;) {
    const t = c.peek();
    const start = left.range.start;
    if (t.kind === 'op' && Object.hasOwn(COMPARISONS, t.value)) {
      c.advance();
      left = binary(c, { op: COMPARISONS[t.value] ?? '=', left, right: additive(c) });
      continue;
    }
    if (c.isKw('IS')) {
      c.advance();
      const negated = c.acceptKw('NOT');
      if (c.acceptKw('DISTINCT')) {
        c.expectKw('FROM');
        const right = additive(c);
        left = { kind: 'IsDistinctFrom', range: c.rangeFrom(start), left, right, negated };
        continue;
      }
      const test = isTest(c);
      left = { kind: 'Is', range: c.rangeFrom(start), expr: left, negated, test };
      continue;
    }
    const negated = c.isKw('NOT') && ['IN', 'BETWEEN', 'LIKE', 'SIMILAR'].some((k) => c.isKw(k, 1));
    if (negated) c.advance();
    if (c.isKw('IN')) {
      c.advance();
      c.expectOp('(');
      if (atQueryStart(c)) {
        const query = parseQuery(c);
        c.expectOp(')');
        left = { kind: 'InQuery', range: c.rangeFrom(start), expr: left, query, negated };
      } else {
        const list = parseExprList(c);
        c.expectOp(')');
        left = { kind: 'InList', range: c.rangeFrom(start), expr: left, list, negated };
      }
      continue;
    }
    if (c.isKw('BETWEEN')) {
      c.advance();
      let symmetric = false;
      if (c.isKw('SYMMETRIC')) { c.advance(); symmetric = true; } else if (c.isKw('ASYMMETRIC')) c.advance();
      const low = additive(c);
      c.expectKw('AND');
      const high = additive(c);
      left = { kind: 'Between', range: c.rangeFrom(start), expr: left, low, high, negated, symmetric };
      continue;
    }
    if (c.isKw('LIKE') || c.isKw('SIMILAR')) {
      const op = c.advance().upper === 'LIKE' ? 'LIKE' : 'SIMILAR TO';
      if (op === 'SIMILAR TO') c.expectKw('TO');
      const pattern = additive(c);
      const escape = c.isKw('ESCAPE') ? (c.advance(), additive(c)) : undefined;
      left = { kind: 'Like', range: c.rangeFrom(start), op, expr: left, pattern, negated, ...(escape ? { escape } : {}) };
      continue;
    }
    return left;
  }
}

function isTest(c: Cursor): IsTest {
  for (const test of ['NULL', 'TRUE', 'FALSE', 'UNKNOWN'] as const) if (c.acceptKw(test)) return test;
  c.expectKw('JSON');
  for (const k of ['VALUE', 'SCALAR', 'ARRAY', 'OBJECT'] as const) if (c.isKw(k)) { c.advance(); return `JSON ${k}`; }
  return 'JSON';
}

/** Parses an operand of a comparison (additive level): used where IN/AND must not be consumed. */
export function parseOperand(c: Cursor): Expr {
  return additive(c);
}

function additive(c: Cursor): Expr {
  let left = multiplicative(c);
  while (c.isOp('+') || c.isOp('-')) {
    const op = c.advance().value === '+' ? '+' : '-';
    left = binary(c, { op, left, right: multiplicative(c) });
  }
  return left;
}

function multiplicative(c: Cursor): Expr {
  let left = unary(c);
  for (;;) {
    const t = c.peek();
    if (t.kind !== 'op' || !['*', '/', '%', '||'].includes(t.value)) return left;
    c.advance();
    left = binary(c, { op: t.value as BinaryOp, left, right: unary(c) });
  }
}

function unary(c: Cursor): Expr {
  if (c.isOp('-') || c.isOp('+')) {
    const t = c.advance();
    const operand = c.nested(() => unary(c));
    return { kind: 'Unary', range: c.rangeFrom(t.start), op: t.value === '-' ? '-' : '+', operand };
  }
  return postfix(c);
}

function postfix(c: Cursor): Expr {
  let e = primary(c);
  for (;;) {
    if (c.isOp('[')) {
      c.advance();
      const index = parseExpr(c);
      c.expectOp(']');
      e = { kind: 'ElementAccess', range: c.rangeFrom(e.range.start), target: e, index };
    } else if (c.isOp('.') && c.atIdentifier(1)) {
      c.advance();
      const field = c.identifier();
      e = e.kind === 'Identifier'
        ? { kind: 'Identifier', range: c.rangeFrom(e.range.start), names: [...e.names, field] }
        : { kind: 'FieldAccess', range: c.rangeFrom(e.range.start), target: e, field };
    } else return e;
  }
}

function primary(c: Cursor): Expr {
  const t = c.peek();
  const start = t.start;
  switch (t.kind) {
    case 'number': c.advance(); return { kind: 'NumericLiteral', range: c.rangeFrom(start), text: t.value };
    case 'string': return stringLiteral(c);
    case 'binary': c.advance(); return { kind: 'BinaryLiteral', range: c.rangeFrom(start), hex: t.value };
    case 'op':
      if (t.value === '(') return parenthesized(c);
      if (t.value === '*') { c.advance(); return { kind: 'Star', range: c.rangeFrom(start) }; }
      break;
    case 'quoted': return nameOrCall(c);
    case 'word': return wordPrimary(c);
    default: break;
  }
  return failPrimary(c);
}

function failPrimary(c: Cursor): never {
  for (const e of ['<IDENTIFIER>', '<LITERAL>', '"("', '"CASE"', '"CAST"', '"NOT"']) c.expect(e);
  return c.fail();
}

/** A string literal; SQL continues a literal across lines: `'abc'\n'def'` is `'abcdef'`. */
function stringLiteral(c: Cursor): Expr {
  const first = c.advance();
  let value = first.value;
  while (c.peek().kind === 'string') {
    const next = c.peek();
    if (next.start.line === c.prev().end.line) c.fail('String literal continued on same line');
    value += c.advance().value;
  }
  return { kind: 'StringLiteral', range: c.rangeFrom(first.start), value };
}

function wordPrimary(c: Cursor): Expr {
  const t = c.peek();
  const w = t.upper;
  const start = t.start;
  const callNext = c.isOp('(', 1);
  if (w === 'TRUE' || w === 'FALSE' || w === 'UNKNOWN') { c.advance(); return { kind: 'BooleanLiteral', range: c.rangeFrom(start), value: w }; }
  if (w === 'NULL') { c.advance(); return { kind: 'NullLiteral', range: c.rangeFrom(start) }; }
  if ((w === 'DATE' || w === 'TIME' || w === 'TIMESTAMP' || w === 'TIMESTAMP_LTZ') && c.peek(1).kind === 'string') {
    c.advance();
    const value = c.string();
    return { kind: 'TypedLiteral', range: c.rangeFrom(start), type: w, value };
  }
  if (w === 'INTERVAL') return intervalLiteral(c);
  if (w === 'CASE') return caseExpr(c);
  if (w === 'EXISTS' && callNext) {
    c.advance(); c.advance();
    const query = parseQuery(c);
    c.expectOp(')');
    return { kind: 'Exists', range: c.rangeFrom(start), query };
  }
  if ((w === 'ARRAY' || w === 'MAP') && c.isOp('[', 1)) {
    c.advance(); c.advance();
    const items = c.isOp(']') ? [] : parseExprList(c);
    c.expectOp(']');
    return w === 'ARRAY'
      ? { kind: 'ArrayConstructor', range: c.rangeFrom(start), elements: items }
      : { kind: 'MapConstructor', range: c.rangeFrom(start), entries: items };
  }
  if (w === 'ROW' && callNext) {
    c.advance(); c.advance();
    const fields = c.isOp(')') ? [] : parseExprList(c);
    c.expectOp(')');
    return { kind: 'RowConstructor', range: c.rangeFrom(start), fields, explicit: true };
  }
  if (callNext && isSpecialCall(w)) return parseSpecialCall(c);
  if (NILADIC.has(w) && !callNext) {
    c.advance();
    return { kind: 'FunctionCall', range: c.rangeFrom(start), name: [t.value], args: [], niladic: true };
  }
  if (callNext && CALLABLE_RESERVED.has(w)) { c.advance(); return callRest(c, { name: [t.value], start }); }
  if (!c.atIdentifier()) return failPrimary(c);
  return nameOrCall(c);
}

function nameOrCall(c: Cursor): Expr {
  const start = c.here();
  const names = [c.identifier()];
  for (;;) {
    if (c.isOp('.') && c.isOp('*', 1)) {
      c.advance(); c.advance();
      return { kind: 'Star', range: c.rangeFrom(start), qualifier: names };
    }
    if (c.isOp('.') && c.atIdentifier(1)) { c.advance(); names.push(c.identifier()); continue; }
    break;
  }
  if (c.isOp('(')) return callRest(c, { name: names, start });
  return { kind: 'Identifier', range: c.rangeFrom(start), names };
}

function parenthesized(c: Cursor): Expr {
  const start = c.advance().start;
  if (!atQueryStart(c)) return parenthesizedList(c, start);
  const subquery = (): Expr => {
    const query = parseQuery(c);
    c.expectOp(')');
    return { kind: 'ScalarSubquery', range: c.rangeFrom(start), query };
  };
  // `((SELECT 1) + 1)`: an inner parenthesis may open a query inside a larger expression.
  return c.isOp('(') ? c.either(subquery, () => parenthesizedList(c, start)) : subquery();
}

function parenthesizedList(c: Cursor, start: Pos): Expr {
  const list = parseExprList(c);
  c.expectOp(')');
  const only = list[0];
  if (list.length === 1 && only) return only;
  return { kind: 'RowConstructor', range: c.rangeFrom(start), fields: list, explicit: false };
}

function intervalLiteral(c: Cursor): Expr {
  const start = c.advance().start;
  const t = c.peek();
  let value: string;
  if (t.kind === 'string' || t.kind === 'number') value = c.advance().value;
  else { c.expect('<QUOTED_STRING>'); return c.fail(); }
  const qualifier = intervalQualifier(c);
  return { kind: 'IntervalLiteral', range: c.rangeFrom(start), value, qualifier };
}

function caseExpr(c: Cursor): Expr {
  const start = c.advance().start;
  c.expect('"WHEN"');
  const operand = c.isKw('WHEN') ? undefined : parseExpr(c);
  const whens: { when: Expr; then: Expr }[] = [];
  while (c.acceptKw('WHEN')) {
    const when = parseExpr(c);
    c.expectKw('THEN');
    whens.push({ when, then: parseExpr(c) });
  }
  if (whens.length === 0) c.fail();
  const elseExpr = c.acceptKw('ELSE') ? parseExpr(c) : undefined;
  c.expectKw('END');
  return {
    kind: 'Case', range: c.rangeFrom(start), whens,
    ...(operand ? { operand } : {}), ...(elseExpr ? { else: elseExpr } : {}),
  };
}
