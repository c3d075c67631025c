/**
 * The engine's default proposal for a resource's new state, from its schema: configured values
 * win; unset computed attributes keep the prior value (or become UNKNOWN when creating);
 * `ignore_changes` paths keep their prior values. Providers may refine it in planResource.
 */
import type { ObjectValue, Value } from '../lang/index.js';
import { isObjectValue, UNKNOWN } from '../lang/index.js';
import type { BlockSchema } from '../provider/index.js';

function proposeBlock(schema: BlockSchema, prior: ObjectValue | null, config: ObjectValue): ObjectValue {
  const out: Record<string, Value> = {};
  for (const [name, a] of Object.entries(schema.attributes)) {
    const c = config[name] ?? null;
    if (c !== null) { out[name] = c; continue; }
    if (a.computed) { out[name] = prior ? (prior[name] ?? null) : UNKNOWN; continue; }
    out[name] = null;
  }
  for (const [name, b] of Object.entries(schema.blocks ?? {})) {
    const c = config[name] ?? null;
    const p = prior ? (prior[name] ?? null) : null;
    if (b.nesting === 'single') {
      if (isObjectValue(c)) out[name] = proposeBlock(b.block, isObjectValue(p) ? p : null, c);
      else out[name] = b.computed ? (prior ? p : UNKNOWN) : null;
      continue;
    }
    const list = Array.isArray(c) ? c : [];
    if (list.length === 0 && b.computed) { out[name] = prior ? p : UNKNOWN; continue; }
    const plist = Array.isArray(p) ? p : [];
    out[name] = list.map((item, i) => (isObjectValue(item) ? proposeBlock(b.block, isObjectValue(plist[i]) ? (plist[i] as ObjectValue) : null, item) : item));
  }
  return out;
}

/** Default proposed new state. */
export function proposeNewState(schema: BlockSchema, prior: ObjectValue | null, config: ObjectValue): ObjectValue {
  return proposeBlock(schema, prior, config);
}

/** Splits `a.b["c"][0]` into steps. */
export function pathSteps(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  const re = /([A-Za-z_][A-Za-z0-9_-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  for (const m of path.matchAll(re)) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(JSON.parse(`"${m[3]}"`) as string);
  }
  return out;
}

export function getPath(v: Value | undefined, steps: readonly (string | number)[]): Value | undefined {
  let cur: Value | undefined = v;
  for (const s of steps) {
    if (cur === undefined || cur === null) return undefined;
    if (typeof s === 'number') cur = Array.isArray(cur) ? cur[s] : undefined;
    else cur = isObjectValue(cur) ? cur[s] : undefined;
  }
  return cur;
}

export function setPath(v: Value, steps: readonly (string | number)[], nv: Value): Value {
  if (steps.length === 0) return nv;
  const [s, ...rest] = steps;
  if (typeof s === 'number' && Array.isArray(v)) {
    const copy = [...v];
    copy[s] = setPath(copy[s] ?? null, rest, nv);
    return copy;
  }
  if (typeof s === 'string' && isObjectValue(v)) return { ...v, [s]: setPath(v[s] ?? null, rest, nv) };
  return v;
}

/** Applies lifecycle.ignore_changes: the listed paths keep their prior values. */
export function applyIgnoreChanges(planned: ObjectValue, prior: ObjectValue, ignore: 'all' | readonly string[], schema: BlockSchema): ObjectValue {
  if (ignore === 'all') {
    const out: Record<string, Value> = { ...planned };
    for (const [name, a] of Object.entries(schema.attributes)) if (a.optional || a.required) out[name] = prior[name] ?? null;
    for (const name of Object.keys(schema.blocks ?? {})) out[name] = prior[name] ?? null;
    return out;
  }
  let out: Value = planned;
  for (const p of ignore) {
    const steps = pathSteps(p);
    const pv = getPath(prior, steps);
    if (pv !== undefined) out = setPath(out, steps, pv);
  }
  return out as ObjectValue;
}
