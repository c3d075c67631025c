/**
 * The FROM clause: table names with hints, `FOR SYSTEM_TIME AS OF` and aliases, derived tables,
 * `TABLE(fn(...))` / `LATERAL TABLE(...)` (window TVFs, UDTFs), UNNEST, MATCH_RECOGNIZE and joins.
 * Joins, including comma joins, associate to the left at one level as in Calcite.
 */
import type { Alias, DerivedTable, Expr, FunctionCall, Join, Pos, TableRef } from './ast.js';
import type { Cursor } from './cursor.js';
import { parseExpr, parseExprList } from './expression-parser.js';
import { callRest } from './function-call-parser.js';
import { parseHints } from './hint-parser.js';
import { parseMatchRecognize } from './match-recognize-parser.js';
import { atQueryStart, parenthesizedNames, parseQuery } from './query-parser.js';

/** Parses the table references after FROM. */
export function parseFrom(c: Cursor): TableRef {
  let left = tablePrimary(c);
  for (;;) {
    const start = left.range.start;
    if (c.acceptOp(',')) {
      const right = tablePrimary(c);
      left = { kind: 'Join', range: c.rangeFrom(start), type: 'COMMA', left, right };
      continue;
    }
    if (c.isKw('CROSS')) {
      c.advance();
      c.expectKw('JOIN');
      const right = tablePrimary(c);
      left = { kind: 'Join', range: c.rangeFrom(start), type: 'CROSS', left, right };
      continue;
    }
    const type = joinType(c);
    if (!type) return left;
    const right = tablePrimary(c);
    if (c.acceptKw('USING')) {
      const using = parenthesizedNames(c);
      left = { kind: 'Join', range: c.rangeFrom(start), type, left, right, using };
    } else {
      c.expectKw('ON');
      const on = parseExpr(c);
      left = { kind: 'Join', range: c.rangeFrom(start), type, left, right, on };
    }
  }
}

function joinType(c: Cursor): 'INNER' | 'LEFT' | 'RIGHT' | 'FULL' | undefined {
  if (c.acceptKw('JOIN')) return 'INNER';
  if (c.acceptKw('INNER')) { c.expectKw('JOIN'); return 'INNER'; }
  for (const t of ['LEFT', 'RIGHT', 'FULL'] as const) {
    if (c.acceptKw(t)) { c.acceptKw('OUTER'); c.expectKw('JOIN'); return t; }
  }
  c.expect('"CROSS"');
  return undefined;
}

function tablePrimary(c: Cursor): TableRef {
  const start = c.here();
  const lateral = c.isKw('LATERAL') ? (c.advance(), true) : false;
  let ref: Exclude<TableRef, Join>;
  if (c.isKw('TABLE') && c.isOp('(', 1)) {
    c.advance(); c.advance();
    const call = functionCall(c);
    c.expectOp(')');
    ref = { kind: 'TableFunction', range: c.rangeFrom(start), call, lateral };
  } else if (!lateral && c.isKw('UNNEST') && c.isOp('(', 1)) {
    c.advance(); c.advance();
    const args = parseExprList(c);
    c.expectOp(')');
    const withOrdinality = c.isKw('WITH') && c.isKw('ORDINALITY', 1) ? (c.advance(), c.advance(), true) : false;
    ref = { kind: 'Unnest', range: c.rangeFrom(start), args, withOrdinality };
  } else if (c.isOp('(') && atQueryStart(c, 1)) {
    const derived = (): DerivedTable => {
      c.advance();
      const query = parseQuery(c);
      c.expectOp(')');
      return { kind: 'DerivedTable', range: c.rangeFrom(start), query, lateral };
    };
    // `((SELECT 1) AS x JOIN t ON ...)`: a parenthesised join may start with a subquery.
    if (lateral || !c.isOp('(', 1)) ref = derived();
    else {
      const r = c.either<TableRef>(derived, () => parenthesizedJoin(c));
      if (r.kind !== 'DerivedTable') return r;
      ref = r;
    }
  } else if (!lateral && c.isOp('(')) {
    return parenthesizedJoin(c);
  } else if (lateral) {
    c.expectKw('TABLE');
    return c.fail();
  } else {
    const name = c.compoundName();
    const hints = parseHints(c);
    let systemTime: Expr | undefined;
    if (c.isKw('FOR')) {
      c.advance();
      c.expectKw('SYSTEM_TIME');
      c.expectKw('AS');
      c.expectKw('OF');
      systemTime = parseExpr(c);
    }
    ref = { kind: 'TableName', range: c.rangeFrom(start), name, hints, ...(systemTime ? { systemTime } : {}) };
  }
  if (c.isKw('MATCH_RECOGNIZE')) ref = parseMatchRecognize(c, ref);
  const alias = parseAlias(c);
  return alias ? { ...ref, alias, range: c.rangeFrom(start) } : ref;
}

function parenthesizedJoin(c: Cursor): TableRef {
  c.advance();
  const inner = c.nested(() => parseFrom(c));
  c.expectOp(')');
  return inner;
}

function functionCall(c: Cursor): FunctionCall {
  const start: Pos = c.here();
  const name = c.compoundName();
  return callRest(c, { name, start });
}

/** `[AS] alias [(c1, c2)]`. */
export function parseAlias(c: Cursor): Alias | undefined {
  const start = c.here();
  const explicit = c.acceptKw('AS');
  const name = explicit ? c.identifier() : c.acceptIdentifier();
  if (name === undefined) return undefined;
  if (c.isOp('(')) {
    const columns = parenthesizedNames(c);
    return { range: c.rangeFrom(start), name, columns };
  }
  return { range: c.rangeFrom(start), name };
}
