/**
 * The shape of a built-in function: declared parameters (converted to their types before the
 * call, so implementations see clean values), an optional variadic parameter, and how unknown
 * arguments are treated. Implementations throw FunctionArgError / FunctionCallError for user
 * mistakes; the evaluator turns them into "Invalid function argument" diagnostics.
 */
import { InternalError } from '../../shared/invariant.js';
import type { EvalContext } from './types.js';
import type { Type } from './types.js';
import { isObjectValue, type ObjectValue, type Value } from './value.js';

export interface FunctionParam {
  readonly name: string;
  readonly type: Type;
  /** Null is rejected unless allowed. */
  readonly allowNull?: boolean;
}

/** What a function implementation may use besides its arguments. */
export interface FunctionContext {
  readonly ctx: EvalContext;
  /** Renders template text with `vars` as its only variables (for templatefile). */
  renderTemplate(text: string, vars: ObjectValue, file: string): Value;
}

export interface FunctionDef {
  readonly name: string;
  readonly params: readonly FunctionParam[];
  readonly variadic?: FunctionParam;
  /**
   * `deep` (default): any unknown anywhere in the arguments makes the result unknown.
   * `shallow`: only a wholly unknown argument does; the function handles unknowns inside.
   */
  readonly unknowns?: 'deep' | 'shallow';
  /** Special forms (can, try, sensitive, nonsensitive) are handled by the evaluator itself. */
  readonly special?: boolean;
  readonly impl: (args: readonly Value[], fc: FunctionContext) => Value;
}

/** A bad argument: `index` is 0-based. */
export class FunctionArgError extends Error {
  readonly index: number;
  constructor(index: number, message: string) {
    super(message);
    this.name = 'FunctionArgError';
    this.index = index;
  }
}

/** A failure of the call as a whole. */
export class FunctionCallError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FunctionCallError';
  }
}

/** Declares a parameter. */
export function param(name: string, type: Type, opts: { allowNull?: boolean } = {}): FunctionParam {
  return opts.allowNull ? { name, type, allowNull: true } : { name, type };
}

/** Declares a function. */
export function def(name: string, params: readonly FunctionParam[], impl: FunctionDef['impl'], opts: { variadic?: FunctionParam; unknowns?: 'deep' | 'shallow'; special?: boolean } = {}): FunctionDef {
  return { name, params, impl, ...opts };
}

/** The i-th argument as a string (params typed string guarantee it). */
export function str(args: readonly Value[], i: number): string {
  const v = args[i];
  if (typeof v !== 'string') throw new InternalError(`argument ${i} is not a string`);
  return v;
}

/** The i-th argument as a number. */
export function num(args: readonly Value[], i: number): number {
  const v = args[i];
  if (typeof v !== 'number') throw new InternalError(`argument ${i} is not a number`);
  return v;
}

/** The i-th argument as a bool. */
export function bool(args: readonly Value[], i: number): boolean {
  const v = args[i];
  if (typeof v !== 'boolean') throw new InternalError(`argument ${i} is not a bool`);
  return v;
}

/** The i-th argument as a list (a `list(...)`, `set(...)` or tuple parameter). */
export function list(args: readonly Value[], i: number): readonly Value[] {
  const v = args[i];
  if (!Array.isArray(v)) throw new FunctionArgError(i, `a list is required, but have ${v === null ? 'null' : typeof v}`);
  return v as readonly Value[];
}

/** The i-th argument as an object/map. */
export function obj(args: readonly Value[], i: number): ObjectValue {
  const v = args[i];
  if (!isObjectValue(v ?? null)) throw new FunctionArgError(i, 'a map or object is required');
  return v as ObjectValue;
}

/** Sorted own keys: Terraform iterates maps and objects in lexical key order. */
export function sortedKeys(o: ObjectValue): string[] {
  return Object.keys(o).sort();
}
