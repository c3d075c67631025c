/**
 * Processing-time windows in the planner: a window aggregate, window Top-N / dedup or window join
 * whose windows come from a window TVF over a processing-time attribute is marked `proctime`; the
 * executor then runs its operator on the job's processing-time clock (runtime
 * ProcessingTimeOperator) instead of the watermark.
 */
import type { LogicalRel } from '../binder/index.js';
import { isProctimeAttribute } from '../types/index.js';

/** True when `rel`'s windows (a window TVF or window aggregate, through calcs) are over a processing-time attribute. */
export function isProctimeWindowed(rel: LogicalRel): boolean {
  let r: LogicalRel = rel;
  while (r.kind === 'calc') r = r.input;
  if (r.kind !== 'window-tvf' && r.kind !== 'window-aggregate') return false;
  const t = r.input.fields[r.timeIndex]?.type;
  return t !== undefined && isProctimeAttribute(t);
}
