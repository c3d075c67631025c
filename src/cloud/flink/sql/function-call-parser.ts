/**
 * Ordinary function calls after the name: arguments (named `=>`, `TABLE t [PARTITION BY ...]`,
 * `DESCRIPTOR(...)`), DISTINCT/ALL, IGNORE/RESPECT NULLS, FILTER (WHERE ...) and OVER.
 */
import type { Expr, FunctionCall, Pos, Query } from './ast.js';
import type { Cursor } from './cursor.js';
import { parseExpr, parseExprList } from './expression-parser.js';
import { atQueryStart, parseQuery } from './query-parser.js';
import { parseOver } from './window-spec-parser.js';

/** Parses `(args) [IGNORE|RESPECT NULLS] [FILTER (WHERE ...)] [OVER ...]` after a function name. */
export function callRest(c: Cursor, at: { name: readonly string[]; start: Pos }): FunctionCall {
  const { name, start } = at;
  c.expectOp('(');
  let quantifier: 'DISTINCT' | 'ALL' | undefined;
  if (c.isKw('DISTINCT') || c.isKw('ALL')) quantifier = c.advance().upper === 'ALL' ? 'ALL' : 'DISTINCT';
  const args: Expr[] = [];
  if (!c.isOp(')')) {
    do args.push(argument(c)); while (c.acceptOp(','));
  }
  let nullTreatment = nulls(c);
  c.expectOp(')');
  nullTreatment ??= nulls(c);
  let call: FunctionCall = { kind: 'FunctionCall', range: c.rangeFrom(start), name, args };
  if (quantifier) call = { ...call, quantifier };
  if (nullTreatment) call = { ...call, nullTreatment };
  if (c.isKw('FILTER') && c.isOp('(', 1)) {
    c.advance(); c.advance();
    c.expectKw('WHERE');
    const filter = parseExpr(c);
    c.expectOp(')');
    call = { ...call, filter };
  }
  if (c.isKw('OVER')) { c.advance(); call = { ...call, over: parseOver(c) }; }
  return { ...call, range: c.rangeFrom(start) };
}

function nulls(c: Cursor): 'IGNORE NULLS' | 'RESPECT NULLS' | undefined {
  if ((c.isKw('IGNORE') || c.isKw('RESPECT')) && c.isKw('NULLS', 1)) {
    const w = c.advance().upper;
    c.advance();
    return w === 'IGNORE' ? 'IGNORE NULLS' : 'RESPECT NULLS';
  }
  return undefined;
}

/** One call argument: `name => value`, `TABLE t [PARTITION BY ...]`, `DESCRIPTOR(...)` or an expression. */
function argument(c: Cursor): Expr {
  const start = c.here();
  if (c.atIdentifier() && c.isOp('=>', 1)) {
    const name = c.identifier();
    c.advance();
    const value = argument(c);
    return { kind: 'NamedArgument', range: c.rangeFrom(start), name, value };
  }
  if (c.isKw('TABLE') && (!c.isOp('(', 1) || atQueryStart(c, 1))) {
    c.advance();
    let source: { table: readonly string[] } | { query: Query };
    if (c.acceptOp('(')) {
      source = { query: parseQuery(c) };
      c.expectOp(')');
    } else source = { table: c.compoundName() };
    let partitionBy: Expr[] = [];
    if (c.isKw('PARTITION')) {
      c.advance();
      c.expectKw('BY');
      if (c.acceptOp('(')) { partitionBy = parseExprList(c); c.expectOp(')'); } else partitionBy = [parseExpr(c)];
    }
    return { kind: 'TableArgument', range: c.rangeFrom(start), ...source, partitionBy };
  }
  if (c.isKw('DESCRIPTOR') && c.isOp('(', 1)) {
    c.advance(); c.advance();
    const columns = [c.identifier()];
    while (c.acceptOp(',')) columns.push(c.identifier());
    c.expectOp(')');
    return { kind: 'Descriptor', range: c.rangeFrom(start), columns };
  }
  return parseExpr(c);
}

