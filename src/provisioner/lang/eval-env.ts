/**
 * The evaluator's internal environment and its error helper: evaluation errors travel as a
 * DiagnosticsError until `evaluate` (or `try`/`can`) turns them back into data.
 */
import { DiagnosticsError, errorDiag } from '../../shared/diagnostics.js';
import type { Range } from './expr.js';
import type { EvalContext, EvalScope } from './types.js';
import type { MarkedValue, Value } from './value.js';

export interface EvalEnv {
  readonly scope: EvalScope;
  readonly ctx: EvalContext;
  /** for-expression and template-for variables, innermost last. */
  readonly locals: ReadonlyMap<string, MarkedValue>;
  readonly splatItem?: MarkedValue;
  /** Set while rendering a templatefile: only `locals` (its vars) exist, no scope roots. */
  readonly localsOnly?: boolean;
}

/** Throws an evaluation error at `range`. */
export function evalFail(env: EvalEnv, range: Range, code: string, summary: string, detail?: string): never {
  throw new DiagnosticsError([errorDiag(code, summary, { detail, range: { file: env.ctx.file, start: range.start, end: range.end } })]);
}

/** A marked value; sensitivity given explicitly. */
export function mark(value: Value, sensitive: boolean): MarkedValue {
  return { value, sensitive };
}
