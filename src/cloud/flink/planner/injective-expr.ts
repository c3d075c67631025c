/**
 * Expressions through which an upsert key column still identifies rows (Flink keeps upsert keys
 * through such projections): the sink's NOT NULL check, an injective CAST (injective-cast.ts), and
 * a string key concatenated with non-NULL string literals (`'user-' || id`, `CONCAT(id, '@x')`):
 * a constant prefix / suffix maps different strings to different strings, and NULL only to NULL.
 */
import type { BoundExpr } from '../binder/index.js';
import { isInjectiveCast } from './injective-cast.js';

/** The one argument `e` is an injective function of, or undefined. */
export function injectiveArgument(e: BoundExpr): BoundExpr | undefined {
  if (e.kind !== 'call') return undefined;
  const [first] = e.args;
  if (e.fn.name === 'NOT_NULL_ENFORCER') return first;
  if (e.fn.name === 'CAST') return first !== undefined && isInjectiveCast(first.type, e.type) ? first : undefined;
  if (e.fn.name === '||' || e.fn.name === 'CONCAT') {
    const vars = e.args.filter((a) => a.kind !== 'literal');
    const [only] = vars;
    const literalsOk = e.args.every((a) => a.kind !== 'literal' || typeof a.value === 'string');
    return vars.length === 1 && only !== undefined && only.type.kind === 'VARCHAR' && literalsOk ? only : undefined;
  }
  return undefined;
}
