/**
 * Queries: WITH, SELECT, VALUES, set operations (INTERSECT binds tighter than UNION and EXCEPT),
 * ORDER BY, LIMIT, OFFSET and FETCH.
 */
import type { Cte, Expr, GroupItem, NamedWindow, OrderItem, Query, QueryBody, Select, SelectItem } from './ast.js';
import type { Cursor } from './cursor.js';
import { parseExpr, parseExprList } from './expression-parser.js';
import { parseHints } from './hint-parser.js';
import { parseFrom } from './table-ref-parser.js';
import { parseOrderItems, parseWindowSpec } from './window-spec-parser.js';

/** True when a query starts `n` tokens ahead (SELECT, WITH, VALUES, or a parenthesised query). */
export function atQueryStart(c: Cursor, n = 0): boolean {
  let k = n;
  while (c.isOp('(', k)) k++;
  return c.isKw('SELECT', k) || c.isKw('WITH', k) || c.isKw('VALUES', k);
}

/** Parses a full query. */
export function parseQuery(c: Cursor): Query {
  return c.nested(() => query(c));
}

function query(c: Cursor): Query {
  const start = c.here();
  let ctes: Cte[] | undefined;
  if (c.acceptKw('WITH')) {
    ctes = [];
    do {
      const at = c.here();
      const name = c.identifier();
      const columns = c.isOp('(') ? parenthesizedNames(c) : undefined;
      c.expectKw('AS');
      c.expectOp('(');
      const query = parseQuery(c);
      c.expectOp(')');
      const range = c.rangeFrom(at);
      ctes.push(columns ? { range, name, columns, query } : { range, name, query });
    } while (c.acceptOp(','));
  }
  const body = setExpression(c);
  let orderBy: OrderItem[] | undefined;
  let limit: Expr | undefined;
  let offset: Expr | undefined;
  let fetch: Expr | undefined;
  if (c.acceptKw('ORDER')) { c.expectKw('BY'); orderBy = parseOrderItems(c); }
  if (c.acceptKw('LIMIT')) limit = parseExpr(c);
  if (c.acceptKw('OFFSET')) {
    offset = parseExpr(c);
    if (!c.acceptKw('ROWS')) c.acceptKw('ROW');
  }
  if (c.acceptKw('FETCH')) {
    if (!c.acceptKw('FIRST')) c.expectKw('NEXT');
    fetch = parseExpr(c);
    if (!c.acceptKw('ROWS')) c.expectKw('ROW');
    c.expectKw('ONLY');
  }
  return {
    kind: 'Query', range: c.rangeFrom(start), body,
    ...(ctes ? { with: ctes } : {}), ...(orderBy ? { orderBy } : {}), ...(limit ? { limit } : {}),
    ...(offset ? { offset } : {}), ...(fetch ? { fetch } : {}),
  };
}

/** `(a, b, c)`: a parenthesised identifier list. */
export function parenthesizedNames(c: Cursor): string[] {
  c.expectOp('(');
  const names = [c.identifier()];
  while (c.acceptOp(',')) names.push(c.identifier());
  c.expectOp(')');
  return names;
}

function setExpression(c: Cursor): QueryBody {
  let left = intersectExpression(c);
  for (;;) {
    let op: 'UNION' | 'EXCEPT' | undefined;
    if (c.acceptKw('UNION')) op = 'UNION';
    else if (c.acceptKw('EXCEPT') || (c.isKw('MINUS') && c.advance() !== undefined)) op = 'EXCEPT';
    if (!op) return left;
    const all = quantifier(c);
    const right = intersectExpression(c);
    left = { kind: 'SetOperation', range: { start: left.range.start, end: c.prev().end }, op, all, left, right };
  }
}

function intersectExpression(c: Cursor): QueryBody {
  let left = queryPrimary(c);
  while (c.acceptKw('INTERSECT')) {
    const all = quantifier(c);
    const right = queryPrimary(c);
    left = { kind: 'SetOperation', range: { start: left.range.start, end: c.prev().end }, op: 'INTERSECT', all, left, right };
  }
  return left;
}

function quantifier(c: Cursor): boolean {
  if (c.isKw('ALL')) { c.advance(); return true; }
  if (c.isKw('DISTINCT')) c.advance();
  return false;
}

function queryPrimary(c: Cursor): QueryBody {
  const start = c.here();
  if (c.isKw('SELECT')) return select(c);
  if (c.isKw('VALUES')) {
    c.advance();
    const rows = parseExprList(c);
    return { kind: 'Values', range: c.rangeFrom(start), rows };
  }
  if (c.isOp('(') && atQueryStart(c, 1)) {
    c.advance();
    const q = parseQuery(c);
    c.expectOp(')');
    return { ...q, range: c.rangeFrom(start) };
  }
  c.expect('"SELECT"'); c.expect('"VALUES"'); c.expect('"WITH"'); c.expect('"("');
  return c.fail();
}

function select(c: Cursor): Select {
  const start = c.advance().start;
  const hints = parseHints(c);
  let distinct = false;
  if (c.isKw('DISTINCT')) { c.advance(); distinct = true; } else if (c.isKw('ALL')) c.advance();
  const items: SelectItem[] = [];
  do items.push(selectItem(c)); while (c.acceptOp(','));
  const from = c.acceptKw('FROM') ? parseFrom(c) : undefined;
  const where = c.acceptKw('WHERE') ? parseExpr(c) : undefined;
  let groupBy: GroupItem[] | undefined;
  if (c.acceptKw('GROUP')) {
    c.expectKw('BY');
    groupBy = [];
    do groupBy.push(groupItem(c)); while (c.acceptOp(','));
  }
  const having = c.acceptKw('HAVING') ? parseExpr(c) : undefined;
  let windows: NamedWindow[] | undefined;
  if (c.acceptKw('WINDOW')) {
    windows = [];
    do {
      const at = c.here();
      const name = c.identifier();
      c.expectKw('AS');
      const spec = parseWindowSpec(c);
      windows.push({ range: c.rangeFrom(at), name, spec });
    } while (c.acceptOp(','));
  }
  return {
    kind: 'Select', range: c.rangeFrom(start), distinct, hints, items,
    ...(from ? { from } : {}), ...(where ? { where } : {}), ...(groupBy ? { groupBy } : {}),
    ...(having ? { having } : {}), ...(windows ? { windows } : {}),
  };
}

function selectItem(c: Cursor): SelectItem {
  const expr = parseExpr(c);
  const start = expr.range.start;
  if (expr.kind === 'Star') return { range: expr.range, expr };
  if (c.acceptKw('AS')) {
    const alias = c.identifier();
    return { range: c.rangeFrom(start), expr, alias };
  }
  const alias = c.acceptIdentifier();
  return alias !== undefined ? { range: c.rangeFrom(start), expr, alias } : { range: expr.range, expr };
}

function groupItem(c: Cursor): GroupItem {
  const start = c.here();
  if (c.isKw('GROUPING') && c.isKw('SETS', 1)) {
    c.advance(); c.advance();
    c.expectOp('(');
    const sets: GroupItem[] = [];
    do sets.push(groupItem(c)); while (c.acceptOp(','));
    c.expectOp(')');
    return { kind: 'GroupingSets', range: c.rangeFrom(start), sets };
  }
  if ((c.isKw('ROLLUP') || c.isKw('CUBE')) && c.isOp('(', 1)) {
    const kind = c.advance().upper === 'ROLLUP' ? 'Rollup' : 'Cube';
    c.advance();
    const exprs = parseExprList(c);
    c.expectOp(')');
    return { kind, range: c.rangeFrom(start), exprs };
  }
  if (c.isOp('(') && c.isOp(')', 1)) {
    c.advance(); c.advance();
    return { kind: 'EmptyGrouping', range: c.rangeFrom(start) };
  }
  return parseExpr(c);
}
