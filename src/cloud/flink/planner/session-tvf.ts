/**
 * A bare SESSION window TVF (no GROUP BY window_start, window_end on top): every row with the
 * bounds of the session it ends up in, emitted when the watermark closes that session (a session
 * keeps growing until then). Planned as the window aggregation that already merges sessions — one
 * ARRAY_AGG of the whole row per (session, PARTITION BY key) — followed by an UNNEST of that array
 * and a projection back to the TVF's columns `[...input, window_start, window_end, window_time]`.
 * Late rows are dropped, as for the session window aggregate.
 */
import type { BoundAggregate, BoundExpr, BoundField, LogicalRel } from '../binder/index.js';
import { arrayType, rowType, withNullable, withoutTimeAttribute } from '../types/index.js';

type Rel<K extends LogicalRel['kind']> = Extract<LogicalRel, { kind: K }>;

/** The logical plan that computes a bare SESSION TVF `rel`. */
export function sessionTvfPlan(rel: Rel<'window-tvf'>): LogicalRel {
  const input = rel.input;
  const width = input.fields.length;
  const elementType = rowType(input.fields.map((f, i) => [`f${i}`, withoutTimeAttribute(f.type)] as const), { nullable: false });
  const row: BoundExpr = {
    kind: 'call', fn: { name: 'ROW', type: elementType, fn: (...a: unknown[]) => a, deterministic: true },
    args: input.fields.map((f, i) => ({ kind: 'input', index: i, type: f.type })), type: elementType,
  };
  const rowsType = arrayType(elementType, { nullable: false });
  const agg: BoundAggregate = { fn: 'ARRAY_AGG', arg: row, distinct: false, type: rowsType, text: 'ARRAY_AGG(ROW(*))' };
  const windowFields = rel.fields.slice(width);
  const aggFields: BoundField[] = [
    ...rel.partitionKeys.map((k, i) => ({ name: `$p${i}`, type: k.type })), { name: '$rows', type: rowsType }, ...windowFields,
  ];
  const sessions: LogicalRel = {
    kind: 'window-aggregate', input, window: rel.window, timeIndex: rel.timeIndex, keys: rel.partitionKeys, aggregates: [agg], fields: aggFields,
  };
  const rowsIdx = rel.partitionKeys.length;
  const unnested: LogicalRel = {
    kind: 'unnest', input: sessions, collection: { kind: 'input', index: rowsIdx, type: rowsType }, collectionType: 'ARRAY',
    rowFields: width, withOrdinality: false, outer: false,
    fields: [...aggFields, ...input.fields.map((f) => ({ name: f.name, type: withNullable(f.type, true) }))],
  };
  const project: BoundExpr[] = [
    ...input.fields.map((f, i): BoundExpr => ({ kind: 'input', index: aggFields.length + i, type: f.type })),
    ...windowFields.map((f, w): BoundExpr => ({ kind: 'input', index: rowsIdx + 1 + w, type: f.type })),
  ];
  return { kind: 'calc', input: unnested, project, fields: rel.fields };
}
