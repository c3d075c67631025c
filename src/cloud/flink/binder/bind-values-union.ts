/**
 * The two query bodies whose columns take the common type of several inputs (Flink's
 * leastRestrictive): VALUES (its rows) and UNION ALL (its inputs, flattened). Inputs whose types
 * differ are cast; a UNION ALL column stays a time attribute only when it is one in every input.
 */
import type { Range, Values } from '../sql/index.js';
import type { EvalContext } from '../expr/index.js';
import { leastRestrictive, printType, typesEqual, withNullable } from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import type { BoundExpr, BoundField, LogicalRel } from './types.js';
import { bindExpr, coerce } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { BindError, validationError } from './sql-error.js';

/** VALUES rows: all of one width, each column cast to the rows' common type. `ecx`: an empty scope. */
export function bindValues(v: Values, ecx: ExprContext): LogicalRel {
  const rows = v.rows.map((r) => (r.kind === 'RowConstructor' ? r.fields : [r]).map((e) => bindExpr(e, ecx)));
  const width = rows[0]?.length ?? 0;
  rows.forEach((r, i) => {
    if (r.length !== width) throw new BindError(validationError(v.rows[i]?.range ?? v.range, 'Values passed to VALUES operator must have compatible types', { file: ecx.file }));
  });
  const fields: BoundField[] = [];
  for (let c = 0; c < width; c++) {
    const types = rows.map((r) => (r[c] as BoundExpr).type);
    const common = leastRestrictive(types);
    if (common === undefined) throw new BindError(validationError(v.range, 'Values passed to VALUES operator must have compatible types', { file: ecx.file }));
    fields.push({ name: `EXPR$${c}`, type: common });
  }
  const coerced = rows.map((r) => r.map((e, c) => coerce(e, (fields[c] as BoundField).type, ecx.evalCtx.timeZone)));
  return { kind: 'values', rows: coerced, fields };
}

/**
 * A column of a UNION ALL stays a time attribute (as in Flink) when it is one in every input: all
 * rowtime or all proctime, of the same timestamp kind; otherwise it is a plain timestamp.
 */
function keptTimeAttribute(types: readonly LogicalType[], common: LogicalType): LogicalType {
  const first = types[0];
  if (first === undefined || (first.kind !== 'TIMESTAMP' && first.kind !== 'TIMESTAMP_LTZ') || first.timeAttribute === undefined) return common;
  const attr = first.timeAttribute;
  const all = types.every((t) => t.kind === first.kind && t.timeAttribute === attr);
  return all && common.kind === first.kind ? { ...common, timeAttribute: attr } : common;
}

/** UNION ALL: inputs of equal width, cast to the column-wise common type. */
export function unionAll(inputs: readonly LogicalRel[], range: Range, cx: { readonly file: string; readonly evalCtx: EvalContext }): LogicalRel {
  const flat = inputs.flatMap((r) => (r.kind === 'union' ? r.inputs : [r]));
  const visible = flat.map((r) => r.fields.filter((f) => f.hidden !== true));
  const width = visible[0]?.length ?? 0;
  if (visible.some((v) => v.length !== width)) throw new BindError(validationError(range, 'Column count mismatch in UNION ALL', { file: cx.file }));
  const fields: BoundField[] = [];
  for (let c = 0; c < width; c++) {
    const types = visible.map((v) => (v[c] as BoundField).type);
    const common = leastRestrictive(types);
    if (common === undefined) throw new BindError(validationError(range, `Type mismatch in column ${c + 1} of UNION ALL: ${types.map((t) => printType(t)).join(', ')}`, { file: cx.file }));
    fields.push({ name: (visible[0]?.[c] as BoundField).name, type: withNullable(keptTimeAttribute(types, common), types.some((t) => t.nullable)) });
  }
  const shaped = flat.map((r) => {
    const idx = r.fields.map((f, i) => (f.hidden === true ? -1 : i)).filter((i) => i >= 0);
    const same = idx.length === r.fields.length && fields.every((f, c) => { const t = r.fields[c]?.type; return t !== undefined && typesEqual(t, f.type); });
    if (same) return r;
    const project = idx.map((i, c) => coerce({ kind: 'input', index: i, type: (r.fields[i] as BoundField).type }, (fields[c] as BoundField).type, cx.evalCtx.timeZone));
    return { kind: 'calc', input: r, project, fields } as LogicalRel;
  });
  return { kind: 'union', inputs: shaped, fields };
}
