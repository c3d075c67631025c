/** OVER clauses, named window specifications and ORDER BY item lists. */
import type { Expr, OrderItem, WindowFrame, WindowFrameBound, WindowRef, WindowSpec } from './ast.js';
import type { Cursor } from './cursor.js';
import { parseExpr, parseExprList } from './expression-parser.js';

/** After OVER: `w` or `( ... )`. */
export function parseOver(c: Cursor): WindowSpec | WindowRef {
  if (c.atIdentifier()) {
    const start = c.here();
    const name = c.identifier();
    return { kind: 'WindowRef', range: c.rangeFrom(start), name };
  }
  return parseWindowSpec(c);
}

/** `( [base] [PARTITION BY ...] [ORDER BY ...] [ROWS|RANGE ...] )`. */
export function parseWindowSpec(c: Cursor): WindowSpec {
  const start = c.here();
  c.expectOp('(');
  const base = c.atIdentifier() ? c.identifier() : undefined;
  let partitionBy: Expr[] = [];
  let orderBy: OrderItem[] = [];
  if (c.acceptKw('PARTITION')) { c.expectKw('BY'); partitionBy = parseExprList(c); }
  if (c.acceptKw('ORDER')) { c.expectKw('BY'); orderBy = parseOrderItems(c); }
  let frame: WindowFrame | undefined;
  if (c.isKw('ROWS') || c.isKw('RANGE')) {
    const unit = c.advance().upper === 'ROWS' ? 'ROWS' : 'RANGE';
    if (c.acceptKw('BETWEEN')) {
      const s = bound(c);
      c.expectKw('AND');
      frame = { unit, start: s, end: bound(c) };
    } else frame = { unit, start: bound(c) };
  } else { c.expect('"ROWS"'); c.expect('"RANGE"'); }
  c.expectOp(')');
  return {
    kind: 'WindowSpec', range: c.rangeFrom(start), partitionBy, orderBy,
    ...(base !== undefined ? { base } : {}), ...(frame ? { frame } : {}),
  };
}

function bound(c: Cursor): WindowFrameBound {
  if (c.acceptKw('UNBOUNDED')) {
    if (c.acceptKw('PRECEDING')) return { kind: 'UNBOUNDED PRECEDING' };
    c.expectKw('FOLLOWING');
    return { kind: 'UNBOUNDED FOLLOWING' };
  }
  if (c.acceptKw('CURRENT')) { c.expectKw('ROW'); return { kind: 'CURRENT ROW' }; }
  const offset = parseExpr(c);
  if (c.acceptKw('PRECEDING')) return { kind: 'PRECEDING', offset };
  c.expectKw('FOLLOWING');
  return { kind: 'FOLLOWING', offset };
}

/** `expr [ASC|DESC] [NULLS FIRST|LAST], ...`. */
export function parseOrderItems(c: Cursor): OrderItem[] {
  const items: OrderItem[] = [];
  do {
    const expr = parseExpr(c);
    let item: OrderItem = { range: expr.range, expr };
    if (c.isKw('ASC') || c.isKw('DESC')) item = { ...item, direction: c.advance().upper === 'ASC' ? 'ASC' : 'DESC' };
    else { c.expect('"ASC"'); c.expect('"DESC"'); }
    if (c.isKw('NULLS')) {
      c.advance();
      if (c.acceptKw('FIRST')) item = { ...item, nulls: 'FIRST' };
      else { c.expectKw('LAST'); item = { ...item, nulls: 'LAST' }; }
    }
    items.push({ ...item, range: c.rangeFrom(expr.range.start) });
  } while (c.acceptOp(','));
  return items;
}
