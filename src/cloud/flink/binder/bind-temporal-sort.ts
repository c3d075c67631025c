/**
 * ORDER BY without LIMIT on a stream: Flink's temporal sort, allowed only when the first sort key
 * is a rowtime attribute in ascending order; rows are emitted in rowtime order once the watermark
 * passes them (late rows dropped), rows of one rowtime ordered by the further sort keys (else in
 * arrival order). Planned as an OVER relation without aggregates and without partitioning, which
 * buffers and releases rows exactly that way (EXPLAIN: StreamTemporalSort).
 */
import type { OrderItem } from '../sql/index.js';
import { isRowtimeAttribute } from '../types/index.js';
import type { BoundOrderKey, LogicalRel } from './types.js';
import { Scope } from './scope.js';
import { bindExpr } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { BindError, validationError } from './sql-error.js';

/** `rel ORDER BY time [ASC]` as a temporal sort. */
export function temporalSort(rel: LogicalRel, orderBy: readonly OrderItem[], cx: Omit<ExprContext, 'scope'>): LogicalRel {
  const scope = Scope.of(rel.fields, undefined, cx.file);
  const first = orderBy[0];
  if (first === undefined) return rel;
  const time = bindExpr(first.expr, { ...cx, scope });
  if (time.kind !== 'input' || !isRowtimeAttribute(time.type) || first.direction === 'DESC') {
    throw new BindError(validationError(first.range, 'Sort on a non-time-attribute field is not supported.', { file: cx.file }));
  }
  const sortKeys: BoundOrderKey[] = orderBy.slice(1).map((o) => {
    const descending = o.direction === 'DESC';
    return { expr: bindExpr(o.expr, { ...cx, scope }), descending, nullsFirst: o.nulls === undefined ? !descending : o.nulls === 'FIRST' };
  });
  return { kind: 'over', input: rel, partitionKeys: [], timeIndex: time.index, frame: { kind: 'rows', preceding: 0 }, aggregates: [], fields: rel.fields, sortKeys };
}
