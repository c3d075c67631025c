/** Shared checks for the parser's table-driven tests: parse, then print → parse must give the same AST. */
import assert from 'node:assert/strict';
import type { Expr, Statement } from './ast.js';
import { withoutRanges } from './ast-compare.js';
import { parseExpression, parseStatement } from './parse.js';
import { printExpression, printStatement } from './printer.js';

/** Parses `sql` (must succeed) and checks the round trip, plain and with every identifier quoted. */
export function parseOk(sql: string): Statement {
  const r = parseStatement(sql);
  assert.deepEqual(r.diagnostics.map((d) => d.summary), [], `parse of:\n${sql}`);
  const stmt = r.value;
  assert.ok(stmt);
  for (const quoteAll of [false, true]) {
    const printed = printStatement(stmt, { quoteAll });
    const again = parseStatement(printed);
    assert.deepEqual(again.diagnostics.map((d) => d.summary), [], `reparse of:\n${printed}`);
    assert.deepEqual(withoutRanges(again.value), withoutRanges(stmt), `round trip of:\n${sql}\nprinted as:\n${printed}`);
  }
  return stmt;
}

/** Parses an expression (must succeed) and checks its round trip. */
export function exprOk(sql: string): Expr {
  const r = parseExpression(sql);
  assert.deepEqual(r.diagnostics.map((d) => d.summary), [], `parse of: ${sql}`);
  const e = r.value;
  assert.ok(e);
  const printed = printExpression(e);
  const again = parseExpression(printed);
  assert.deepEqual(again.diagnostics.map((d) => d.summary), [], `reparse of: ${printed}`);
  assert.deepEqual(withoutRanges(again.value), withoutRanges(e), `round trip of ${sql} printed as ${printed}`);
  return e;
}

/** Parses `sql`, which must fail, and returns the diagnostic summary. */
export function parseError(sql: string): string {
  const r = parseStatement(sql);
  assert.equal(r.value, undefined, `expected a failure for:\n${sql}`);
  const d = r.diagnostics[0];
  assert.ok(d);
  return d.summary;
}
