/** CAST / TRY_CAST as bound calls: bind-time rule check (Flink wording) plus a compiled converter. */
import { errorDiag } from '../../../shared/index.js';
import type { Outcome } from '../../../shared/index.js';
import { compileCast, explicitCastError, withNullable } from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import type { BoundFunction, EvalContext } from './types.js';
import { defaultEvalContext } from './function-registry.js';

/** Binds CAST(x AS to) or TRY_CAST; the bound function takes one argument. */
export function bindCast(from: LogicalType, to: LogicalType, opts: { tryCast?: boolean; ctx?: EvalContext } = {}): Outcome<BoundFunction> {
  const why = explicitCastError(from, to);
  if (why !== undefined) return { diagnostics: [errorDiag('cast-not-supported', why)] };
  const ctx = opts.ctx ?? defaultEvalContext;
  const tryCast = opts.tryCast === true;
  const fn = compileCast(from, to, { timeZone: ctx.timeZone, tryCast });
  // DECIMAL targets can overflow to NULL, so they stay nullable like TRY_CAST results.
  const type = withNullable(to, from.nullable || tryCast || to.kind === 'DECIMAL' || from.kind === 'NULL');
  return { value: { name: tryCast ? 'TRY_CAST' : 'CAST', type, fn: (v) => fn(v), deterministic: true }, diagnostics: [] };
}
