/**
 * The registry of built-in scalar functions and operators, and `resolveFunction`, the one entry
 * point a binder calls: name + argument types in, a typed closure or Confluent/Flink-worded
 * diagnostics out.
 */
import { errorDiag, didYouMean, systemClock, systemIds } from '../../../shared/index.js';
import type { Outcome } from '../../../shared/index.js';
import { printType } from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import type { BoundFunction, CallSite, EvalContext, FunctionDef } from './types.js';
import { arithmeticFunctions } from './operators-arithmetic.js';
import { comparisonFunctions } from './operators-comparison.js';
import { logicalFunctions } from './operators-logical.js';
import { mathFunctions } from './functions-math.js';
import { stringFunctions } from './functions-string.js';
import { stringFunctionsMore } from './functions-string-more.js';
import { regexFunctions } from './functions-regex.js';
import { temporalFunctions } from './functions-temporal.js';
import { conditionalFunctions } from './functions-conditional.js';
import { collectionFunctions } from './functions-collection.js';
import { jsonFunctions } from './functions-json.js';
import { hashFunctions } from './functions-hash.js';

const ALL: readonly (readonly FunctionDef[])[] = [
  arithmeticFunctions, comparisonFunctions, logicalFunctions, mathFunctions, stringFunctions, stringFunctionsMore,
  regexFunctions, temporalFunctions, conditionalFunctions, collectionFunctions, jsonFunctions, hashFunctions,
];

/** Every built-in scalar function and operator by upper-case name. */
export const scalarFunctions: ReadonlyMap<string, FunctionDef> = (() => {
  const m = new Map<string, FunctionDef>();
  for (const group of ALL) for (const f of group) m.set(f.name, f);
  return m;
})();

/** The default evaluation context: UTC, system clock and ids. */
export const defaultEvalContext: EvalContext = { timeZone: 'UTC', clock: systemClock, ids: systemIds };

/** Options for resolving a call. */
export interface ResolveOptions {
  readonly literals?: readonly unknown[];
  readonly ctx?: EvalContext;
  /** Current catalog and database, quoted in the not-found message. */
  readonly catalog?: string;
  readonly database?: string;
  /** See CallSite.rawJson. */
  readonly rawJson?: readonly boolean[];
}

/** Resolves a call by name and argument types into a typed, compiled function. */
export function resolveFunction(name: string, argTypes: readonly LogicalType[], opts: ResolveOptions = {}): Outcome<BoundFunction> {
  const upper = name.toUpperCase();
  const def = scalarFunctions.get(upper);
  if (!def) {
    const near = didYouMean(upper, scalarFunctions.keys());
    return {
      diagnostics: [errorDiag('function-not-found',
        `Function '${name}' does not exist or you do not have permission to access it.\n`
        + `Using current catalog '${opts.catalog ?? 'default'}' and current database '${opts.database ?? 'default'}'.`,
        near !== undefined ? { detail: `Did you mean '${near}'?` } : {})],
    };
  }
  const base: CallSite = { argTypes, literals: opts.literals ?? [], ctx: opts.ctx ?? defaultEvalContext };
  const site: CallSite = opts.rawJson ? { ...base, rawJson: opts.rawJson } : base;
  const t = def.inferType(site);
  if (typeof t === 'string') {
    return {
      diagnostics: [errorDiag('function-invalid-call',
        `Invalid function call:\n${upper}(${argTypes.map((a) => printType(a)).join(', ')})\n\n`
        + `Supported signatures are:\n${def.signatures.join('\n')}`, { detail: t })],
    };
  }
  return { value: { name: upper, type: t, fn: def.compile(site), deterministic: def.deterministic }, diagnostics: [] };
}
