/**
 * The evaluator: computes an expression's value against a scope, synchronously. UNKNOWN
 * propagates through every operation; sensitivity is the union of the inputs' sensitivity.
 * Errors are returned as diagnostics carrying the failing sub-expression's range.
 */
import { DiagnosticsError, errorDiag, type Outcome } from '../../shared/diagnostics.js';
import { assertNever } from '../../shared/invariant.js';
import { evalCall } from './call-function.js';
import { evalFail, mark, type EvalEnv } from './eval-env.js';
import type { Expr, Range, TemplatePart } from './expr.js';
import { applyBinary, applyUnary } from './operators.js';
import { parseTemplate } from './parse-expression.js';
import { elementMark } from './sensitive-marks.js';
import { applySteps, evalTraversal, getIndex } from './traverse.js';
import type { EvalContext, EvalScope } from './types.js';
import { isObjectValue, isUnknown, UNKNOWN, type MarkedValue, type ObjectValue, type Value } from './value.js';
import { asBool, asString, typeNameOf } from './value-conversion.js';

/** Evaluates `expr` in `scope`. */
export function evaluate(expr: Expr, scope: EvalScope, ctx: EvalContext): Outcome<MarkedValue> {
  const env: EvalEnv = { scope, ctx, locals: new Map() };
  try {
    return { value: ev(env, expr), diagnostics: [] };
  } catch (e) {
    if (e instanceof DiagnosticsError) return { diagnostics: e.diagnostics };
    throw e;
  }
}

const EMPTY_SCOPE: EvalScope = { lookup: () => undefined };

/** Evaluates an expression that may not refer to anything (type defaults, literals). */
export function evaluateConstant(expr: Expr, file: string): Outcome<Value> {
  const r = evaluate(expr, EMPTY_SCOPE, { file, baseDir: '.', now: () => 0, uuid: () => '00000000-0000-0000-0000-000000000000' });
  return r.value === undefined ? { diagnostics: r.diagnostics } : { value: r.value.value, diagnostics: r.diagnostics };
}

function ev(env: EvalEnv, e: Expr): MarkedValue {
  switch (e.kind) {
    case 'literal': return mark(e.value, false);
    case 'paren': return ev(env, e.expr);
    case 'template': return evalTemplate(env, e.parts);
    case 'traversal': return evalTraversal(env, e);
    case 'relative': return applySteps(env, ev(env, e.source), e.steps);
    case 'index': return getIndex(env, ev(env, e.collection), ev(env, e.key), e.range);
    case 'splat': return evalSplat(env, e);
    case 'splatItem':
      if (env.splatItem === undefined) evalFail(env, e.range, 'expr-invalid-reference', 'Invalid splat', 'A splat item was used outside a splat expression.');
      return env.splatItem;
    case 'call': return evalCall(env, e, ev, renderTemplate);
    case 'unary': return applyUnary(env, e.op, ev(env, e.operand), e.range);
    case 'binary': return applyBinary(env, e.op, ev(env, e.left), ev(env, e.right), e.range);
    case 'conditional': return evalConditional(env, e);
    case 'tuple': {
      const items = e.items.map((i) => ev(env, i));
      return mark(items.map((i) => i.value), items.some((i) => i.sensitive));
    }
    case 'object': return evalObject(env, e);
    case 'for': return evalFor(env, e);
    default: return assertNever(e, 'expression kind');
  }
}

function evalSplat(env: EvalEnv, e: Extract<Expr, { kind: 'splat' }>): MarkedValue {
  const src = ev(env, e.source);
  if (isUnknown(src.value)) return mark(UNKNOWN, src.sensitive && !src.paths);
  if (src.value === null) return mark([], src.sensitive);
  const items = Array.isArray(src.value) ? (src.value as readonly Value[]) : [src.value];
  const out = Array.isArray(src.value) ? items.map((v, i) => ev({ ...env, splatItem: elementMark(src, i, v) }, e.each)) : [ev({ ...env, splatItem: src }, e.each)];
  // A source sensitive only in part is judged by what each item's expression reads of it.
  return mark(out.map((o) => o.value), (src.sensitive && !src.paths) || out.some((o) => o.sensitive));
}

function evalConditional(env: EvalEnv, e: Extract<Expr, { kind: 'conditional' }>): MarkedValue {
  const c = ev(env, e.condition);
  if (isUnknown(c.value)) return mark(UNKNOWN, c.sensitive);
  if (c.value === null) evalFail(env, e.condition.range, 'expr-invalid-condition', 'Null condition', 'The condition value is null. Conditions must either be true or false.');
  const b = asBool(c.value);
  if (b === undefined) evalFail(env, e.condition.range, 'expr-invalid-condition', 'Incorrect condition type', `The condition expression must be of type bool, but have ${typeNameOf(c.value)}.`);
  const chosen = ev(env, b ? e.then : e.else);
  const sensitive = c.sensitive || chosen.sensitive;
  // Terraform unifies the result types: a number or bool result becomes a string when the other branch is a string.
  const v = chosen.value;
  if (typeof v === 'number' || typeof v === 'boolean') {
    const other = tryEval(env, b ? e.else : e.then);
    if (typeof other === 'string') return mark(asString(v) ?? null, sensitive);
  }
  return mark(v, sensitive);
}

function tryEval(env: EvalEnv, e: Expr): Value | undefined {
  if (e.kind === 'literal') return e.value;
  try {
    return ev(env, e).value;
  } catch (err) {
    if (err instanceof DiagnosticsError) return undefined;
    throw err;
  }
}

function objectKey(env: EvalEnv, m: MarkedValue, range: Range): string | undefined {
  if (isUnknown(m.value)) return undefined;
  if (m.value === null) evalFail(env, range, 'expr-invalid-key', 'Null value as key', "Can't use a null value as a key.");
  const k = asString(m.value);
  if (k === undefined) evalFail(env, range, 'expr-invalid-key', 'Incorrect key type', `Can't use this value as a key: a string is required, but have ${typeNameOf(m.value)}.`);
  return k;
}

function evalObject(env: EvalEnv, e: Extract<Expr, { kind: 'object' }>): MarkedValue {
  const out: Record<string, Value> = {};
  let sensitive = false;
  let unknown = false;
  for (const item of e.items) {
    const km = ev(env, item.key);
    const k = objectKey(env, km, item.key.range);
    const vm = ev(env, item.value);
    sensitive ||= km.sensitive || vm.sensitive;
    if (k === undefined) { unknown = true; continue; }
    out[k] = vm.value;
  }
  return mark(unknown ? UNKNOWN : out, sensitive);
}

function entriesOf(env: EvalEnv, m: MarkedValue, range: Range): [Value, Value][] {
  const v = m.value;
  if (v === null) evalFail(env, range, 'expr-invalid-iteration', 'Iteration over null value', 'A null value cannot be used as the collection in a "for" expression.');
  if (Array.isArray(v)) return (v as readonly Value[]).map((x, i) => [i, x]);
  if (isObjectValue(v)) return Object.keys(v).sort().map((k) => [k, v[k] ?? null]);
  evalFail(env, range, 'expr-invalid-iteration', 'Iteration over non-iterable value', `A value of type ${typeNameOf(v)} cannot be used as the collection in a "for" expression.`);
}

function withVars(env: EvalEnv, keyVar: string | undefined, valueVar: string, k: Value, v: Value, coll: MarkedValue): EvalEnv {
  const locals = new Map(env.locals);
  // Keys of a collection sensitive only in part are not sensitive; each element keeps its own marks.
  if (keyVar !== undefined) locals.set(keyVar, mark(k, coll.sensitive && !coll.paths));
  locals.set(valueVar, typeof k === 'string' || typeof k === 'number' ? elementMark(coll, k, v) : mark(v, coll.sensitive));
  return { ...env, locals };
}

function evalFor(env: EvalEnv, e: Extract<Expr, { kind: 'for' }>): MarkedValue {
  const coll = ev(env, e.collection);
  // Nothing of an unknown collection is revealed; marks in part are applied once it is known.
  if (isUnknown(coll.value)) return mark(UNKNOWN, coll.sensitive && !coll.paths);
  let sensitive = coll.sensitive && !coll.paths;
  const tuple: Value[] = [];
  const obj: Record<string, Value> = {};
  const groups: Record<string, Value[]> = {};
  for (const [k, v] of entriesOf(env, coll, e.collection.range)) {
    const inner = withVars(env, e.keyVar, e.valueVar, k, v, coll);
    if (e.condition !== undefined) {
      const c = ev(inner, e.condition);
      sensitive ||= c.sensitive;
      if (isUnknown(c.value)) return mark(UNKNOWN, sensitive);
      const b = asBool(c.value ?? null);
      if (b === undefined) evalFail(env, e.condition.range, 'expr-invalid-condition', 'Invalid "for" condition', `The "if" clause must produce a bool, but have ${typeNameOf(c.value)}.`);
      if (!b) continue;
    }
    if (e.keyExpr === undefined) {
      const vm = ev(inner, e.valueExpr);
      sensitive ||= vm.sensitive;
      tuple.push(vm.value);
      continue;
    }
    const km = ev(inner, e.keyExpr);
    const key = objectKey(env, km, e.keyExpr.range);
    if (key === undefined) return mark(UNKNOWN, sensitive || km.sensitive);
    const vm = ev(inner, e.valueExpr);
    sensitive ||= km.sensitive || vm.sensitive;
    if (e.grouped) { (groups[key] ??= []).push(vm.value); continue; }
    if (Object.prototype.hasOwnProperty.call(obj, key)) {
      evalFail(env, e.keyExpr.range, 'expr-duplicate-key', 'Duplicate object key',
        `Two different items produced the key ${JSON.stringify(key)} in this 'for' expression. If duplicates are expected, use the ellipsis (...) after the value expression to enable grouping by key.`);
    }
    obj[key] = vm.value;
  }
  if (e.result === 'tuple') return mark(tuple, sensitive);
  return mark(e.grouped ? groups : obj, sensitive);
}

interface TemplateAcc { text: string; unknown: boolean; sensitive: boolean }

function evalTemplate(env: EvalEnv, parts: readonly TemplatePart[]): MarkedValue {
  const acc: TemplateAcc = { text: '', unknown: false, sensitive: false };
  renderParts(env, parts, acc);
  return mark(acc.unknown ? UNKNOWN : acc.text, acc.sensitive);
}

function renderParts(env: EvalEnv, parts: readonly TemplatePart[], acc: TemplateAcc): void {
  for (const p of parts) {
    switch (p.kind) {
      case 'text': acc.text += p.text; break;
      case 'interp': {
        const m = ev(env, p.expr);
        acc.sensitive ||= m.sensitive;
        if (isUnknown(m.value)) { acc.unknown = true; break; }
        if (m.value === null) evalFail(env, p.expr.range, 'expr-invalid-template-value', 'Invalid template interpolation value', 'The expression result is null. Cannot include a null value in a string template.');
        const s = asString(m.value);
        if (s === undefined) evalFail(env, p.expr.range, 'expr-invalid-template-value', 'Invalid template interpolation value', `Cannot include the given value in a string template: string required, but have ${typeNameOf(m.value)}.`);
        acc.text += s;
        break;
      }
      case 'if': {
        const c = ev(env, p.condition);
        acc.sensitive ||= c.sensitive;
        if (isUnknown(c.value)) { acc.unknown = true; break; }
        const b = asBool(c.value);
        if (b === undefined) evalFail(env, p.condition.range, 'expr-invalid-condition', 'Incorrect condition type', `The condition of a %{if} directive must be of type bool, but have ${typeNameOf(c.value)}.`);
        renderParts(env, b ? p.then : p.else, acc);
        break;
      }
      case 'for': {
        const coll = ev(env, p.collection);
        acc.sensitive ||= coll.sensitive && !coll.paths;
        if (isUnknown(coll.value)) { acc.unknown = true; break; }
        for (const [k, v] of entriesOf(env, coll, p.collection.range)) renderParts(withVars(env, p.keyVar, p.valueVar, k, v, coll), p.body, acc);
        break;
      }
      default: assertNever(p, 'template part');
    }
  }
}

/** templatefile: the template sees only `vars`, as top-level names. */
function renderTemplate(env: EvalEnv, text: string, vars: ObjectValue, file: string): Value {
  const parsed = parseTemplate(text, { file });
  if (parsed.value === undefined) throw new DiagnosticsError(parsed.diagnostics);
  const locals = new Map<string, MarkedValue>(Object.entries(vars).map(([k, v]) => [k, mark(v, false)]));
  const inner: EvalEnv = { scope: EMPTY_SCOPE, ctx: { ...env.ctx, file }, locals, localsOnly: true };
  const r = ev(inner, parsed.value);
  if (typeof r.value !== 'string' && !isUnknown(r.value)) {
    throw new DiagnosticsError([errorDiag('expr-invalid-template-value', 'Invalid template result', { detail: `The template in ${file} must produce a string.`, range: { file, start: parsed.value.range.start } })]);
  }
  return r.value;
}
