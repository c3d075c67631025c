/**
 * SQL/JSON path subset: optional `strict`/`lax` mode (strict when absent, as in Flink/Calcite),
 * `$`, `.key`, `."key"`, `['key']`, `[n]`, `[*]`, `.*`. Evaluation returns every match; strict mode
 * reports structural mismatches (missing member, index out of range) as errors, lax mode skips them
 * and unwraps arrays for member access.
 */

/** One path step. */
export type PathStep =
  | { readonly kind: 'member'; readonly name: string }
  | { readonly kind: 'index'; readonly index: number }
  | { readonly kind: 'wildcardMember' }
  | { readonly kind: 'wildcardIndex' };

/** A compiled JSON path. */
export interface JsonPath { readonly mode: 'strict' | 'lax'; readonly steps: readonly PathStep[] }

/** Evaluation result: matches, or an error message (strict-mode failure). */
export type PathResult = { readonly values: unknown[] } | { readonly error: string };

const cache = new Map<string, JsonPath | string>();

/** Parses a path; returns an error message when invalid. */
export function parseJsonPath(text: string): JsonPath | string {
  const hit = cache.get(text);
  if (hit !== undefined) return hit;
  const r = parse(text);
  if (cache.size > 1000) cache.clear();
  cache.set(text, r);
  return r;
}

function parse(text: string): JsonPath | string {
  let s = text.trim();
  let mode: 'strict' | 'lax' = 'strict';
  const m = /^(strict|lax)\s+/i.exec(s);
  if (m) { mode = (m[1] ?? 'strict').toLowerCase() as 'strict' | 'lax'; s = s.slice(m[0].length); }
  if (!s.startsWith('$')) return `Illegal jsonpath spec: ${text}, format of the spec should be: '<lax|strict> $'`;
  const steps: PathStep[] = [];
  let i = 1;
  while (i < s.length) {
    const c = s[i];
    if (c === '.') {
      i++;
      if (s[i] === '*') { steps.push({ kind: 'wildcardMember' }); i++; continue; }
      if (s[i] === '"') {
        const end = s.indexOf('"', i + 1);
        if (end < 0) return `Invalid JSON path: ${text}`;
        steps.push({ kind: 'member', name: s.slice(i + 1, end) }); i = end + 1; continue;
      }
      const id = /^[A-Za-z_$][\w$]*/.exec(s.slice(i));
      if (!id) return `Invalid JSON path: ${text}`;
      steps.push({ kind: 'member', name: id[0] }); i += id[0].length; continue;
    }
    if (c === '[') {
      const end = s.indexOf(']', i);
      if (end < 0) return `Invalid JSON path: ${text}`;
      const inner = s.slice(i + 1, end).trim();
      i = end + 1;
      if (inner === '*') { steps.push({ kind: 'wildcardIndex' }); continue; }
      const q = /^(['"])(.*)\1$/.exec(inner);
      if (q) { steps.push({ kind: 'member', name: q[2] ?? '' }); continue; }
      if (/^\d+$/.test(inner)) { steps.push({ kind: 'index', index: Number(inner) }); continue; }
      return `Invalid JSON path: ${text}`;
    }
    if (c === ' ') { i++; continue; }
    return `Invalid JSON path: ${text}`;
  }
  return { mode, steps };
}

function isObject(v: unknown): v is Record<string, unknown> { return typeof v === 'object' && v !== null && !Array.isArray(v); }

/** Evaluates a path against a parsed JSON document. */
export function evalJsonPath(path: JsonPath, doc: unknown): PathResult {
  let current: unknown[] = [doc];
  const strict = path.mode === 'strict';
  for (const step of path.steps) {
    const next: unknown[] = [];
    for (const v of current) {
      switch (step.kind) {
        case 'member': {
          const targets = !strict && Array.isArray(v) ? v : [v];
          for (const t of targets) {
            if (isObject(t) && Object.prototype.hasOwnProperty.call(t, step.name)) next.push(t[step.name]);
            else if (strict) return { error: isObject(t) ? `No results for path: $['${step.name}']` : `jsonpath member accessor can only be applied to an object` };
          }
          break;
        }
        case 'index': {
          if (Array.isArray(v)) {
            if (step.index < v.length) next.push(v[step.index]);
            else if (strict) return { error: `array index ${step.index} out of bounds` };
          } else if (!strict && step.index === 0) next.push(v);
          else if (strict) return { error: 'jsonpath array accessor can only be applied to an array' };
          break;
        }
        case 'wildcardIndex': {
          if (Array.isArray(v)) next.push(...v);
          else if (!strict) next.push(v);
          else return { error: 'jsonpath wildcard array accessor can only be applied to an array' };
          break;
        }
        case 'wildcardMember': {
          if (isObject(v)) next.push(...Object.values(v));
          else if (strict) return { error: 'jsonpath wildcard member accessor can only be applied to an object' };
          break;
        }
      }
    }
    current = next;
  }
  return { values: current };
}
