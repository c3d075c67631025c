/**
 * MATCH_RECOGNIZE: PARTITION BY, ORDER BY, MEASURES, rows per match, AFTER MATCH SKIP, PATTERN
 * (row pattern regular expressions with reluctant quantifiers), WITHIN and DEFINE.
 */
import type { AfterMatch, Expr, MatchRecognize, OrderItem, Pattern, Range, SelectItem, TableRef } from './ast.js';
import type { Cursor } from './cursor.js';
import { parseExpr, parseExprList } from './expression-parser.js';
import { parseOrderItems } from './window-spec-parser.js';

/** Parses `MATCH_RECOGNIZE ( ... )` applied to `input`; the cursor is on MATCH_RECOGNIZE. */
export function parseMatchRecognize(c: Cursor, input: TableRef): MatchRecognize {
  const start = input.range.start;
  c.advance();
  c.expectOp('(');
  let partitionBy: Expr[] = [];
  let orderBy: OrderItem[] = [];
  const measures: SelectItem[] = [];
  if (c.acceptKw('PARTITION')) { c.expectKw('BY'); partitionBy = parseExprList(c); }
  if (c.acceptKw('ORDER')) { c.expectKw('BY'); orderBy = parseOrderItems(c); }
  if (c.acceptKw('MEASURES')) {
    do {
      const expr = parseExpr(c);
      c.expectKw('AS');
      const alias = c.identifier();
      measures.push({ range: c.rangeFrom(expr.range.start), expr, alias });
    } while (c.acceptOp(','));
  }
  let rowsPerMatch: 'ONE ROW PER MATCH' | 'ALL ROWS PER MATCH' | undefined;
  if (c.acceptKw('ONE')) { c.expectKw('ROW', 'PER', 'MATCH'); rowsPerMatch = 'ONE ROW PER MATCH'; }
  else if (c.acceptKw('ALL')) { c.expectKw('ROWS', 'PER', 'MATCH'); rowsPerMatch = 'ALL ROWS PER MATCH'; }
  let afterMatch: AfterMatch | undefined;
  if (c.acceptKw('AFTER')) {
    c.expectKw('MATCH', 'SKIP');
    if (c.acceptKw('PAST')) { c.expectKw('LAST', 'ROW'); afterMatch = { kind: 'PAST LAST ROW' }; }
    else {
      c.expectKw('TO');
      if (c.acceptKw('NEXT')) { c.expectKw('ROW'); afterMatch = { kind: 'TO NEXT ROW' }; }
      else if (c.acceptKw('FIRST')) afterMatch = { kind: 'TO FIRST', variable: c.identifier() };
      else if (c.acceptKw('LAST')) afterMatch = { kind: 'TO LAST', variable: c.identifier() };
      else afterMatch = { kind: 'TO', variable: c.identifier() };
    }
  }
  c.expectKw('PATTERN');
  c.expectOp('(');
  const pattern = alternation(c);
  c.expectOp(')');
  const within = c.acceptKw('WITHIN') ? parseExpr(c) : undefined;
  c.expectKw('DEFINE');
  const define: { range: Range; name: string; condition: Expr }[] = [];
  do {
    const at = c.here();
    const name = c.identifier();
    c.expectKw('AS');
    const condition = parseExpr(c);
    define.push({ range: c.rangeFrom(at), name, condition });
  } while (c.acceptOp(','));
  c.expectOp(')');
  return {
    kind: 'MatchRecognize', range: c.rangeFrom(start), input, partitionBy, orderBy, measures, pattern, define,
    ...(rowsPerMatch ? { rowsPerMatch } : {}), ...(afterMatch ? { afterMatch } : {}), ...(within ? { within } : {}),
  };
}

function alternation(c: Cursor): Pattern {
  const start = c.here();
  const alternatives = [sequence(c)];
  while (c.acceptOp('|')) alternatives.push(sequence(c));
  const only = alternatives[0];
  if (alternatives.length === 1 && only) return only;
  return { kind: 'PatternAlt', range: c.rangeFrom(start), alternatives };
}

function sequence(c: Cursor): Pattern {
  const start = c.here();
  const items = [quantified(c)];
  while (c.atIdentifier() || c.peek().kind === 'word' || c.isOp('(')) items.push(quantified(c));
  const only = items[0];
  if (items.length === 1 && only) return only;
  return { kind: 'PatternSeq', range: c.rangeFrom(start), items };
}

function quantified(c: Cursor): Pattern {
  const start = c.here();
  let p: Pattern;
  if (c.acceptOp('(')) {
    p = c.nested(() => alternation(c));
    c.expectOp(')');
  } else {
    const t = c.peek();
    if (t.kind !== 'word' && t.kind !== 'quoted') { c.expect('<IDENTIFIER>'); c.expect('"("'); c.fail(); }
    c.advance();
    p = { kind: 'PatternVar', range: c.rangeFrom(start), name: t.value };
  }
  let min: number | undefined;
  let max: number | undefined;
  if (c.acceptOp('*')) min = 0;
  else if (c.acceptOp('+')) min = 1;
  else if (c.acceptOp('?')) { min = 0; max = 1; }
  else if (c.acceptOp('{')) {
    if (c.acceptOp(',')) { min = 0; max = c.integer(); }
    else {
      min = c.integer();
      if (c.acceptOp(',')) { if (!c.isOp('}')) max = c.integer(); } else max = min;
    }
    c.expectOp('}');
  }
  if (min === undefined) return p;
  const reluctant = c.isOp('?') ? (c.advance(), true) : false;
  return { kind: 'PatternQuantified', range: c.rangeFrom(start), pattern: p, min, reluctant, ...(max !== undefined ? { max } : {}) };
}
