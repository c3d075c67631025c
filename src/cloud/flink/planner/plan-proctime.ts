/**
 * Processing time in the planner: a window aggregate over a window TVF on a processing-time
 * attribute, an OVER ordered by one and an interval join between two are marked `proctime`; the
 * executor then runs their operator on the job's processing-time clock (runtime
 * ProcessingTimeOperator) instead of the watermark. Window Top-N / dedup / joins over
 * processing-time windows are refused as in Flink (plan-stateful.ts, plan-join.ts).
 */
import type { LogicalRel } from '../binder/index.js';
import { isProctimeAttribute } from '../types/index.js';
import type { LogicalType } from '../types/index.js';

/** True when `rel`'s windows (a window TVF or window aggregate, through calcs) are over a processing-time attribute. */
export function isProctimeWindowed(rel: LogicalRel): boolean {
  let r: LogicalRel = rel;
  while (r.kind === 'calc') r = r.input;
  if (r.kind !== 'window-tvf' && r.kind !== 'window-aggregate') return false;
  const t = r.input.fields[r.timeIndex]?.type;
  return t !== undefined && isProctimeAttribute(t);
}

/** True for a processing-time attribute field (an interval join's time column). */
export function isProctimeField(f: { readonly type: LogicalType } | undefined): boolean {
  return f !== undefined && isProctimeAttribute(f.type);
}
