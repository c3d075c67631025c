/**
 * The non-aggregate functions of an OVER window as Flink's streaming planner treats them: LAG(x
 * [, offset [, default]]) is an append-only aggregate over the frame (so only over frames that never
 * retract: UNBOUNDED PRECEDING); LEAD, NTILE, CUME_DIST and PERCENT_RANK are batch-only in Flink and
 * fail with its TableException wording.
 */
import { errorDiag } from '../../../shared/index.js';
import type { FunctionCall } from '../sql/index.js';
import { printExpression } from '../sql/index.js';
import { leastRestrictive, printType, rowType, withNullable, withoutTimeAttribute } from '../types/index.js';
import type { BoundAggregate, BoundExpr, BoundOverFrame } from './types.js';
import { bindExpr, coerce } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { BindError, validationError } from './sql-error.js';

const BATCH_ONLY = new Set(['LEAD', 'NTILE', 'CUME_DIST', 'PERCENT_RANK']);

/** True for LAG / LEAD / NTILE / CUME_DIST / PERCENT_RANK. */
export function isOverOnlyFunction(name: string): boolean {
  return name === 'LAG' || BATCH_ONLY.has(name);
}

/** A Flink TableException (planning, not validation): no position, Flink's message. */
function tableError(message: string): BindError {
  return new BindError(errorDiag('flink-table-exception', message));
}

/** Binds LAG (`call` without its OVER) over `frame`, or throws Flink's error for the batch-only functions. */
export function bindOverFunction(call: FunctionCall, name: string, frame: BoundOverFrame, cx: ExprContext): BoundAggregate {
  if (BATCH_ONLY.has(name)) throw tableError(`${name} Function is not supported in stream mode.`);
  const [xAst, offsetAst, defaultAst, ...rest] = call.args;
  if (xAst === undefined || rest.length > 0) {
    throw new BindError(validationError(call.range, `Invalid number of arguments to function 'LAG'. Was expecting 1 to 3 arguments`, { file: cx.file }));
  }
  if (frame.preceding !== Number.POSITIVE_INFINITY) throw tableError('LAG Function with retraction is not supported in stream mode.');
  const x = bindExpr(xAst, cx);
  let offset = 1;
  if (offsetAst !== undefined) {
    const o = bindExpr(offsetAst, cx);
    const v = o.kind === 'literal' ? (typeof o.value === 'bigint' ? Number(o.value) : o.value) : undefined;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) {
      throw new BindError(validationError(offsetAst.range, `The offset of LAG must be a non-negative integer literal, got ${printExpression(offsetAst)}`, { file: cx.file }));
    }
    offset = v;
  }
  const xType = withoutTimeAttribute(x.type);
  const text = printExpression(call);
  if (defaultAst === undefined) {
    return { fn: 'LAG', arg: x, argType: xType, distinct: false, lag: { offset, withDefault: false }, type: withNullable(xType, true), text };
  }
  const d = bindExpr(defaultAst, cx);
  const common = leastRestrictive([xType, withoutTimeAttribute(d.type)]);
  if (common === undefined) {
    throw new BindError(validationError(call.range, `Cannot apply 'LAG' to arguments of type 'LAG(<${printType(x.type)}>, <INTEGER>, <${printType(d.type)}>)'. Supported form(s): 'LAG(<ANY>, <INTEGER>, <ANY>)'`, { file: cx.file }));
  }
  const type = withNullable(common, x.type.nullable || d.type.nullable);
  const tz = cx.evalCtx.timeZone;
  const pair: BoundExpr[] = [coerce(x, type, tz), coerce(d, type, tz)];
  const pairType = rowType([['x', type], ['d', type]], { nullable: false });
  const arg: BoundExpr = { kind: 'call', fn: { name: 'ROW', type: pairType, fn: (a: unknown, b: unknown) => [a, b], deterministic: true }, args: pair, type: pairType };
  return { fn: 'LAG', arg, argType: type, distinct: false, lag: { offset, withDefault: true }, type, text };
}
