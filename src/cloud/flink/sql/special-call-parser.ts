/**
 * Functions with keyword syntax inside their parentheses: CAST, TRY_CAST, EXTRACT, POSITION, TRIM,
 * SUBSTRING, OVERLAY, CEIL/FLOOR ... TO, TIMESTAMPADD/TIMESTAMPDIFF and the SQL/JSON functions.
 */
import type { Expr, JsonClause, DataType, Pos } from './ast.js';
import type { Cursor } from './cursor.js';
import { parseExpr, parseOperand } from './expression-parser.js';
import { callRest } from './function-call-parser.js';
import { parseDataType, timeUnit } from './type-parser.js';

const JSON_FUNCTIONS = new Set(['JSON_VALUE', 'JSON_QUERY', 'JSON_EXISTS', 'JSON_OBJECT', 'JSON_ARRAY', 'JSON_OBJECTAGG', 'JSON_ARRAYAGG']);
const SPECIAL = new Set(['CAST', 'TRY_CAST', 'EXTRACT', 'POSITION', 'TRIM', 'SUBSTRING', 'OVERLAY', 'CEIL', 'CEILING',
  'FLOOR', 'TIMESTAMPADD', 'TIMESTAMPDIFF', ...JSON_FUNCTIONS]);

/** True when `word` (upper case) names a function with special argument syntax. */
export function isSpecialCall(word: string): boolean {
  return SPECIAL.has(word);
}

/** Parses a special call; the cursor is on the function name, followed by `(`. */
export function parseSpecialCall(c: Cursor): Expr {
  const nameTok = c.advance();
  const start = nameTok.start;
  const w = nameTok.upper;
  if (JSON_FUNCTIONS.has(w)) return jsonCall(c, { name: w, start });
  if (w === 'SUBSTRING' || w === 'TIMESTAMPADD' || w === 'TIMESTAMPDIFF') {
    if (w === 'SUBSTRING' && !substringHasFrom(c)) return callRest(c, { name: [nameTok.value], start });
    return c.isOp('(') ? keywordArgsCall(c, { name: nameTok.value, start }) : c.fail();
  }
  c.expectOp('(');
  switch (w) {
    case 'CAST':
    case 'TRY_CAST': {
      const expr = parseExpr(c);
      c.expectKw('AS');
      const type = parseDataType(c);
      c.expectOp(')');
      return { kind: 'Cast', range: c.rangeFrom(start), try: w === 'TRY_CAST', expr, type };
    }
    case 'EXTRACT': {
      const unit = timeUnit(c);
      c.expectKw('FROM');
      const expr = parseExpr(c);
      c.expectOp(')');
      return { kind: 'Extract', range: c.rangeFrom(start), unit, expr };
    }
    case 'POSITION': {
      const needle = parseOperand(c);
      c.expectKw('IN');
      const haystack = parseExpr(c);
      c.expectOp(')');
      return { kind: 'Position', range: c.rangeFrom(start), needle, haystack };
    }
    case 'TRIM': return trim(c, start);
    case 'OVERLAY': {
      const expr = parseExpr(c);
      c.expectKw('PLACING');
      const placing = parseExpr(c);
      c.expectKw('FROM');
      const from = parseExpr(c);
      const length = c.acceptKw('FOR') ? parseExpr(c) : undefined;
      c.expectOp(')');
      return { kind: 'Overlay', range: c.rangeFrom(start), expr, placing, from, ...(length ? { length } : {}) };
    }
    default: {
      // CEIL / CEILING / FLOOR
      const fn = w === 'FLOOR' ? 'FLOOR' : 'CEIL';
      const expr = parseExpr(c);
      if (c.acceptKw('TO')) {
        const unit = timeUnit(c);
        c.expectOp(')');
        return { kind: 'FloorCeil', range: c.rangeFrom(start), fn, expr, unit };
      }
      c.expectOp(')');
      return { kind: 'FunctionCall', range: c.rangeFrom(start), name: [nameTok.value], args: [expr] };
    }
  }
}

/** Looks ahead (without consuming) for a top-level FROM inside SUBSTRING's parentheses. */
function substringHasFrom(c: Cursor): boolean {
  let depth = 0;
  for (let n = 0; ; n++) {
    const t = c.peek(n);
    if (t.kind === 'eof') return false;
    if (t.kind === 'op' && (t.value === '(' || t.value === '[')) depth++;
    else if (t.kind === 'op' && (t.value === ')' || t.value === ']')) { depth--; if (depth === 0) return false; }
    else if (depth === 1 && t.kind === 'word' && t.upper === 'FROM') return true;
  }
}

/** SUBSTRING(s FROM a [FOR b]) and TIMESTAMPADD/DIFF(unit, ...) become ordinary calls. */
function keywordArgsCall(c: Cursor, at: { name: string; start: Pos }): Expr {
  const { name, start } = at;
  c.expectOp('(');
  const args: Expr[] = [];
  if (name.toUpperCase() === 'SUBSTRING') {
    args.push(parseExpr(c));
    c.expectKw('FROM');
    args.push(parseExpr(c));
    if (c.acceptKw('FOR')) args.push(parseExpr(c));
  } else {
    const us = c.here();
    const unit = timeUnit(c);
    args.push({ kind: 'TimeUnitArg', range: c.rangeFrom(us), unit });
    while (c.acceptOp(',')) args.push(parseExpr(c));
  }
  c.expectOp(')');
  return { kind: 'FunctionCall', range: c.rangeFrom(start), name: [name], args };
}

function trim(c: Cursor, start: Pos): Expr {
  let side: 'BOTH' | 'LEADING' | 'TRAILING' = 'BOTH';
  let chars: Expr | undefined;
  let expr: Expr;
  const t = c.peek();
  if (t.kind === 'word' && (t.upper === 'BOTH' || t.upper === 'LEADING' || t.upper === 'TRAILING')) {
    c.advance();
    side = t.upper;
    if (!c.acceptKw('FROM')) { chars = parseExpr(c); c.expectKw('FROM'); }
    expr = parseExpr(c);
  } else {
    const first = parseExpr(c);
    if (c.acceptKw('FROM')) { chars = first; expr = parseExpr(c); } else expr = first;
  }
  c.expectOp(')');
  return { kind: 'Trim', range: c.rangeFrom(start), side, expr, ...(chars ? { chars } : {}) };
}

const CLAUSE_WORDS = new Set(['NULL', 'ERROR', 'EMPTY', 'ARRAY', 'OBJECT', 'TRUE', 'FALSE', 'UNKNOWN', 'ABSENT',
  'WITH', 'WITHOUT', 'CONDITIONAL', 'UNCONDITIONAL', 'WRAPPER', 'ON']);

function jsonCall(c: Cursor, at: { name: string; start: Pos }): Expr {
  const { name, start } = at;
  c.expectOp('(');
  const keyed = name === 'JSON_OBJECT' || name === 'JSON_OBJECTAGG';
  const args: Expr[] = [];
  const atClause = (): boolean => c.isOp(')') || c.isKw('RETURNING') || c.isKw('DEFAULT')
    || (c.peek().kind === 'word' && CLAUSE_WORDS.has(c.peek().upper) && (c.isKw('ON', 1) || c.isKw('WRAPPER', 1) || c.isKw('ARRAY', 1) || c.isKw('CONDITIONAL', 1) || c.isKw('UNCONDITIONAL', 1) || c.isKw('OBJECT', 1)));
  if (!atClause()) {
    do {
      if (keyed) {
        const ks = c.here();
        c.acceptKw('KEY');
        const key = parseExpr(c);
        c.expectKw('VALUE');
        const value = parseExpr(c);
        args.push({ kind: 'JsonKeyValue', range: c.rangeFrom(ks), key, value });
      } else args.push(parseExpr(c));
    } while (c.acceptOp(','));
  }
  let returning: DataType | undefined;
  const clauses: JsonClause[] = [];
  while (!c.isOp(')')) {
    if (c.acceptKw('RETURNING')) { returning = parseDataType(c); continue; }
    if (c.acceptKw('DEFAULT')) {
      const expr = parseExpr(c);
      c.expectKw('ON');
      const target = c.peek().upper;
      if (target !== 'EMPTY' && target !== 'ERROR') { c.expect('"EMPTY"'); c.expect('"ERROR"'); c.fail(); }
      c.advance();
      clauses.push({ text: `DEFAULT ON ${target}`, expr });
      continue;
    }
    const words: string[] = [];
    for (;;) {
      const t = c.peek();
      if (t.kind !== 'word' || !CLAUSE_WORDS.has(t.upper)) { c.expect('")"'); c.fail(); }
      words.push(c.advance().upper);
      if (t.upper === 'WRAPPER') break;
      if (t.upper === 'ON') { const target = c.peek(); if (target.kind !== 'word') c.fail(); words.push(c.advance().upper); break; }
    }
    clauses.push({ text: words.join(' ') });
  }
  c.expectOp(')');
  return { kind: 'JsonCall', range: c.rangeFrom(start), name, args, clauses, ...(returning ? { returning } : {}) };
}
