/**
 * Contracts of the scalar function library. A binder looks a function up by name, asks it for the
 * result type of the argument types it has (bind time, errors as text), then compiles a closure
 * specialised for exactly those types (and any literal arguments), so the per-row path does no
 * type dispatch and no argument-array allocation: closures take positional arguments.
 */
import type { Clock, IdSource } from '../../../shared/index.js';
import type { LogicalType } from '../types/index.js';

/** A compiled scalar function: positional argument values in, value out (NULL = null). */
export type ScalarFn = (...args: unknown[]) => unknown;

/** What a statement evaluates against: session time zone, injected clock and randomness. */
export interface EvalContext {
  /** `sql.local-time-zone`, an IANA id or offset; default 'UTC'. */
  readonly timeZone: string;
  readonly clock: Clock;
  readonly ids: IdSource;
}

/** One call site as the binder sees it. */
export interface CallSite {
  readonly argTypes: readonly LogicalType[];
  /**
   * Literal argument values, by position; `undefined` where the argument is not a literal. Used to
   * precompile LIKE patterns, regexes, JSON paths and to read time-unit symbols (passed as STRING
   * literals such as 'DAY').
   */
  readonly literals: readonly unknown[];
  readonly ctx: EvalContext;
  /**
   * Positions whose argument is already JSON text to embed verbatim (a nested JSON_OBJECT,
   * JSON_ARRAY or JSON(...) call), for JSON_OBJECT and JSON_ARRAY. Absent means none.
   */
  readonly rawJson?: readonly boolean[];
}

/** The outcome of binding a function to argument types: a result type and a closure factory. */
export interface Binding {
  readonly type: LogicalType;
  readonly make: () => ScalarFn;
}

/** A built-in scalar function or operator. */
export interface FunctionDef {
  /** Upper-case name ('SUBSTRING', '+', 'IS NULL'). */
  readonly name: string;
  /** Human-readable accepted signatures, used in error messages. */
  readonly signatures: readonly string[];
  /** False for RAND, UUID, NOW…: must not be constant-folded. */
  readonly deterministic: boolean;
  /** The result type for the argument types, or the reason they are not accepted. */
  inferType(site: CallSite): LogicalType | string;
  /** A closure specialised for the call site; only call after inferType accepted it. */
  compile(site: CallSite): ScalarFn;
}

/** A resolved call: what the binder stores in its bound tree. */
export interface BoundFunction {
  readonly name: string;
  readonly type: LogicalType;
  readonly fn: ScalarFn;
  readonly deterministic: boolean;
}
