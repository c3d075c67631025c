/**
 * Function calls: arity checks, argument conversion to declared parameter types, unknown and
 * sensitivity propagation, and the special forms can/try/sensitive/nonsensitive which evaluate
 * their arguments lazily.
 */
import { DiagnosticsError } from '../../shared/diagnostics.js';
import { convertValue, ConversionError } from './convert-to-type.js';
import type { Expr } from './expr.js';
import { evalFail, mark, type EvalEnv } from './eval-env.js';
import { FunctionArgError, FunctionCallError, type FunctionContext, type FunctionParam } from './function-def.js';
import { functionNames, lookupFunction } from './function-registry.js';
import { typeString } from './types.js';
import { isUnknown, isWhollyKnown, UNKNOWN, type MarkedValue, type ObjectValue, type Value } from './value.js';
import { suggest, typeNameOf } from './value-conversion.js';

type CallExpr = Extract<Expr, { kind: 'call' }>;
type Evaluator = (env: EvalEnv, e: Expr) => MarkedValue;
type TemplateRenderer = (env: EvalEnv, text: string, vars: ObjectValue, file: string) => Value;

/** Evaluates a call expression. */
export function evalCall(env: EvalEnv, e: CallExpr, ev: Evaluator, render: TemplateRenderer): MarkedValue {
  switch (e.name) {
    case 'can': return evalCan(env, e, ev);
    case 'try': return evalTry(env, e, ev);
    case 'sensitive': case 'nonsensitive': {
      const arg = e.args[0];
      if (e.args.length !== 1 || arg === undefined) evalFail(env, e.range, 'expr-function-arity', 'Invalid function call', `Function "${e.name}" expects exactly one argument.`);
      return mark(ev(env, arg).value, e.name === 'sensitive');
    }
    case 'issensitive': {
      const arg = e.args[0];
      if (e.args.length !== 1 || arg === undefined) evalFail(env, e.range, 'expr-function-arity', 'Invalid function call', 'Function "issensitive" expects exactly one argument.');
      return mark(ev(env, arg).sensitive, false);
    }
  }
  const fn = lookupFunction(e.name);
  if (fn === undefined) {
    const s = suggest(e.name, functionNames());
    evalFail(env, e.range, 'expr-unknown-function', 'Call to unknown function', `There is no function named ${JSON.stringify(e.name)}.${s !== undefined ? ` Did you mean ${JSON.stringify(s)}?` : ''}`);
  }
  const argExprs: Expr[] = [];
  let args: MarkedValue[] = e.args.map((a) => ev(env, a));
  argExprs.push(...e.args);
  const sensitive = args.some((a) => a.sensitive);
  if (e.expandFinal) {
    const last = args[args.length - 1];
    const lastExpr = e.args[e.args.length - 1];
    if (last === undefined || lastExpr === undefined) evalFail(env, e.range, 'expr-invalid-expansion', 'Invalid expanding argument value', 'There is no final argument to expand.');
    if (isUnknown(last.value)) return mark(UNKNOWN, sensitive);
    if (!Array.isArray(last.value)) evalFail(env, lastExpr.range, 'expr-invalid-expansion', 'Invalid expanding argument value', 'The expanding argument (indicated by ...) must be of a tuple, list, or set type.');
    const spread = (last.value as readonly Value[]).map((v) => mark(v, last.sensitive));
    args = [...args.slice(0, -1), ...spread];
    argExprs.splice(argExprs.length - 1, 1, ...spread.map(() => lastExpr));
  }
  const minArgs = fn.params.length;
  if (args.length < minArgs) {
    const missing = fn.params[args.length];
    evalFail(env, e.range, 'expr-function-arity', 'Not enough function arguments',
      `Function ${JSON.stringify(fn.name)} expects ${minArgs}${fn.variadic ? ' or more' : ''} argument(s). Missing value for ${JSON.stringify(missing?.name ?? '')}.`);
  }
  if (args.length > minArgs && fn.variadic === undefined) {
    evalFail(env, argExprs[minArgs]?.range ?? e.range, 'expr-function-arity', 'Too many function arguments', `Function ${JSON.stringify(fn.name)} expects only ${minArgs} argument(s).`);
  }
  const values: Value[] = [];
  for (let i = 0; i < args.length; i++) {
    const p: FunctionParam | undefined = fn.params[i] ?? fn.variadic;
    const a = args[i];
    if (p === undefined || a === undefined) continue;
    const range = argExprs[i]?.range ?? e.range;
    const bad = (why: string): never => evalFail(env, range, 'expr-invalid-function-argument', 'Invalid function argument',
      `Invalid value for ${JSON.stringify(p.name)} parameter (argument ${i + 1} of ${fn.name}): ${why}.`);
    if (a.value === null && !p.allowNull) bad('argument must not be null');
    try {
      values.push(convertValue(a.value, p.type));
    } catch (err) {
      if (!(err instanceof ConversionError)) throw err;
      bad(p.type.kind === 'list' || p.type.kind === 'map' || p.type.kind === 'set'
        ? `${typeString(p.type).replace('(any)', '')} required, but have ${typeNameOf(a.value)}` : err.message);
    }
  }
  const unknown = fn.unknowns === 'shallow' ? values.some((v) => isUnknown(v)) : values.some((v) => !isWhollyKnown(v));
  if (unknown) return mark(UNKNOWN, sensitive);
  const fc: FunctionContext = { ctx: env.ctx, renderTemplate: (text, vars, file) => render(env, text, vars, file) };
  try {
    return mark(fn.impl(values, fc), sensitive);
  } catch (err) {
    if (err instanceof FunctionArgError) {
      const p = fn.params[err.index] ?? fn.variadic;
      evalFail(env, argExprs[err.index]?.range ?? e.range, 'expr-invalid-function-argument', 'Invalid function argument',
        `Invalid value for ${JSON.stringify(p?.name ?? `argument ${err.index + 1}`)} parameter (argument ${err.index + 1} of ${fn.name}): ${err.message}.`);
    }
    if (err instanceof FunctionCallError) evalFail(env, e.range, 'expr-function-call-failed', 'Error in function call', `Call to function ${JSON.stringify(fn.name)} failed: ${err.message}.`);
    throw err;
  }
}

function evalCan(env: EvalEnv, e: CallExpr, ev: Evaluator): MarkedValue {
  const arg = e.args[0];
  if (e.args.length !== 1 || arg === undefined) evalFail(env, e.range, 'expr-function-arity', 'Invalid function call', 'Function "can" expects exactly one argument.');
  try {
    const m = ev(env, arg);
    return isWhollyKnown(m.value) ? mark(true, m.sensitive) : mark(UNKNOWN, m.sensitive);
  } catch (err) {
    if (err instanceof DiagnosticsError) return mark(false, false);
    throw err;
  }
}

function evalTry(env: EvalEnv, e: CallExpr, ev: Evaluator): MarkedValue {
  if (e.args.length === 0) evalFail(env, e.range, 'expr-function-arity', 'Not enough function arguments', 'Function "try" expects at least one argument.');
  const problems: string[] = [];
  for (const arg of e.args) {
    try {
      const m = ev(env, arg);
      // An unknown result might still fail once known, so try cannot decide yet.
      return isWhollyKnown(m.value) ? m : mark(UNKNOWN, m.sensitive);
    } catch (err) {
      if (!(err instanceof DiagnosticsError)) throw err;
      problems.push(...err.diagnostics.map((d) => `- ${d.summary}${d.detail ? `: ${d.detail}` : ''}`));
    }
  }
  evalFail(env, e.range, 'expr-function-call-failed', 'Error in function call', `Call to function "try" failed: no expression succeeded:\n${problems.join('\n')}\nAt least one expression must produce a successful result.`);
}
