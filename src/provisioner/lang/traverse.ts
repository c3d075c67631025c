/**
 * Attribute and index access on values (`.name`, `[0]`, `["k"]`) and resolution of traversal
 * roots to scope references, with Terraform's error messages.
 */
import type { Expr, Range, Step } from './expr.js';
import { evalFail, mark, type EvalEnv } from './eval-env.js';
import { elementMark, markPaths, pathsBelow, type SensitivePath } from './sensitive-marks.js';
import type { Reference } from './types.js';
import { isObjectValue, isUnknown, UNKNOWN, type MarkedValue, type Value } from './value.js';
import { asNumber, asString, suggest, typeNameOf } from './value-conversion.js';

/** Applies one attribute access. */
export function getAttr(env: EvalEnv, m: MarkedValue, name: string, range: Range): MarkedValue {
  const v = m.value;
  if (isUnknown(v)) return elementMark(m, name, v);
  if (v === null) evalFail(env, range, 'expr-null-value', 'Attempt to get attribute from null value', 'This value is null, so it does not have any attributes.');
  if (isObjectValue(v)) {
    if (Object.prototype.hasOwnProperty.call(v, name)) return elementMark(m, name, v[name] ?? null);
    const s = suggest(name, Object.keys(v));
    evalFail(env, range, 'expr-unsupported-attribute', 'Unsupported attribute',
      `This object does not have an attribute named ${JSON.stringify(name)}.${s !== undefined ? ` Did you mean ${JSON.stringify(s)}?` : ''}`);
  }
  if (Array.isArray(v)) {
    evalFail(env, range, 'expr-unsupported-attribute', 'Unsupported attribute',
      `Can't access attributes on a list of objects. Did you mean to access attribute ${JSON.stringify(name)} for a specific element of the list, or across all elements of the list (with [*])?`);
  }
  evalFail(env, range, 'expr-unsupported-attribute', 'Unsupported attribute', `Can't access attributes on a primitive-typed value (${typeNameOf(v)}).`);
}

/** Applies one index access. */
export function getIndex(env: EvalEnv, m: MarkedValue, key: MarkedValue, range: Range): MarkedValue {
  const v = m.value;
  const sensitive = m.sensitive || key.sensitive;
  if (isUnknown(v) || isUnknown(key.value)) return mark(UNKNOWN, sensitive);
  if (v === null) evalFail(env, range, 'expr-null-value', 'Attempt to index null value', 'This value is null, so it does not have any indices.');
  if (Array.isArray(v)) {
    const n = asNumber(key.value);
    if (n === undefined || !Number.isInteger(n)) evalFail(env, range, 'expr-invalid-index', 'Invalid index', 'The given key does not identify an element in this collection value: a whole number is required.');
    if (n < 0) evalFail(env, range, 'expr-invalid-index', 'Invalid index', 'The given key does not identify an element in this collection value: a negative number is not a valid index for a sequence.');
    if (n >= v.length) evalFail(env, range, 'expr-invalid-index', 'Invalid index', `The given key does not identify an element in this collection value: the given index is greater than or equal to the length of the collection (${v.length}).`);
    return elementMark(m, n, (v as readonly Value[])[n] ?? null, key.sensitive);
  }
  if (isObjectValue(v)) {
    const k = asString(key.value);
    if (k === undefined) evalFail(env, range, 'expr-invalid-index', 'Invalid index', `The given key is not valid for an object or map: a string is required, but have ${typeNameOf(key.value)}.`);
    if (!Object.prototype.hasOwnProperty.call(v, k)) {
      const s = suggest(k, Object.keys(v));
      evalFail(env, range, 'expr-invalid-index', 'Invalid index', `The given key does not identify an element in this collection value.${s !== undefined ? ` Did you mean ${JSON.stringify(s)}?` : ''}`);
    }
    return elementMark(m, k, v[k] ?? null, key.sensitive);
  }
  evalFail(env, range, 'expr-invalid-index', 'Invalid index', `This value does not have any indices (it is a ${typeNameOf(v)}).`);
}

/** Applies a sequence of static steps. */
export function applySteps(env: EvalEnv, m: MarkedValue, steps: readonly Step[]): MarkedValue {
  let cur = m;
  for (const s of steps) cur = s.kind === 'attr' ? getAttr(env, cur, s.name, s.range) : getIndex(env, cur, mark(s.key, false), s.range);
  return cur;
}

const UNDECLARED: Record<Reference['kind'], string> = {
  var: 'Reference to undeclared input variable',
  local: 'Reference to undeclared local value',
  module: 'Reference to undeclared module',
  resource: 'Reference to undeclared resource',
  data: 'Reference to undeclared resource',
  each: 'Reference to "each" in context without for_each',
  count: 'Reference to "count" in non-counted context',
  path: 'Invalid reference',
  self: 'Invalid "self" reference',
  terraform: 'Invalid reference',
};

/** Splits a traversal into the scope reference it names and the steps applied to its value. */
export function referenceOf(root: string, steps: readonly Step[]): { ref: Reference; rest: readonly Step[]; used: number } | { error: string } {
  const name = (i: number): string | undefined => { const s = steps[i]; return s?.kind === 'attr' ? s.name : undefined; };
  switch (root) {
    case 'var': case 'local': case 'module': {
      const n = name(0);
      if (n === undefined) return { error: `The "${root}" object cannot be accessed directly. Instead, access one of its attributes.` };
      return { ref: { kind: root, name: n }, rest: steps.slice(1), used: 1 };
    }
    case 'data': {
      const t = name(0), n = name(1);
      if (t === undefined || n === undefined) return { error: 'A reference to a data source must be followed by at least one attribute access, specifying the resource type and name (data.TYPE.NAME).' };
      return { ref: { kind: 'data', type: t, name: n }, rest: steps.slice(2), used: 2 };
    }
    case 'each': case 'count': case 'path': case 'self': case 'terraform':
      return { ref: { kind: root }, rest: steps, used: 0 };
    default: {
      const n = name(0);
      if (n === undefined) return { error: `A reference to a resource type must be followed by at least one attribute access, specifying the resource name (${root}.NAME).` };
      return { ref: { kind: 'resource', type: root, name: n }, rest: steps.slice(1), used: 1 };
    }
  }
}

/** Renders a reference as Terraform writes it (`var.x`, `aws_instance.a`, `each`). */
export function referenceText(ref: Reference): string {
  switch (ref.kind) {
    case 'var': return `var.${ref.name}`;
    case 'local': return `local.${ref.name}`;
    case 'module': return `module.${ref.name}`;
    case 'resource': return `${ref.type}.${ref.name}`;
    case 'data': return `data.${ref.type}.${ref.name}`;
    default: return ref.kind;
  }
}

/** Evaluates a traversal expression against for-locals and the scope. */
export function evalTraversal(env: EvalEnv, e: Extract<Expr, { kind: 'traversal' }>): MarkedValue {
  const local = env.locals.get(e.root);
  if (local !== undefined) return applySteps(env, local, e.steps);
  if (env.localsOnly) {
    const s = suggest(e.root, env.locals.keys());
    evalFail(env, e.range, 'expr-undeclared-reference', 'Unknown variable',
      `There is no variable named ${JSON.stringify(e.root)} in the vars given to the template.${s !== undefined ? ` Did you mean ${JSON.stringify(s)}?` : ''}`);
  }
  const r = referenceOf(e.root, e.steps);
  if ('error' in r) evalFail(env, e.range, 'expr-invalid-reference', 'Invalid reference', r.error);
  const found = env.scope.lookup(r.ref);
  if (found === undefined) {
    const what = referenceText(r.ref);
    evalFail(env, e.range, 'expr-undeclared-reference', UNDECLARED[r.ref.kind], `${what} is not declared here.`);
  }
  const res = applySteps(env, found, r.rest);
  const paths = env.scope.sensitivePaths?.(r.ref);
  if (!paths?.length || (res.sensitive && !res.paths)) return res;
  // The scope's sensitive attribute paths, followed along the static steps: reaching into one
  // makes the result sensitive, stopping above one leaves it sensitive in part.
  let rest: SensitivePath[] = [...paths];
  for (const s of r.rest) {
    if (rest.length === 0 || rest.some((p) => p.length === 0)) break;
    rest = pathsBelow(rest, s.kind === 'attr' ? s.name : s.key);
  }
  return markPaths(res.value, [...(res.paths ?? []), ...rest]);
}

