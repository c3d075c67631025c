/**
 * Attribute paths in Terraform's bracket form (`config["cleanup.policy"]`, `keepers.a`,
 * `tags[0]`) parsed into steps, and the prefix test used for sensitivity and forced replacement.
 */
import type { AttrPath } from './plan-model.js';

/** One step into a value: an attribute or map key (string) or a list index (number). */
export type PathStep = string | number;
/** A parsed attribute path. */
export type Path = readonly PathStep[];

/** Parses a bracket-form attribute path; malformed tails are kept as one literal step. */
export function parseAttrPath(text: AttrPath): Path {
  const steps: PathStep[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i];
    if (c === '.') { i++; continue; }
    if (c === '[') {
      const close = findClose(text, i);
      if (close < 0) { steps.push(text.slice(i)); break; }
      const inner = text.slice(i + 1, close);
      if (inner.startsWith('"')) steps.push(unquote(inner));
      else if (/^\d+$/.test(inner)) steps.push(Number(inner));
      else steps.push(inner);
      i = close + 1;
      continue;
    }
    let j = i;
    while (j < text.length && text[j] !== '.' && text[j] !== '[') j++;
    steps.push(text.slice(i, j));
    i = j;
  }
  return steps;
}

function findClose(text: string, open: number): number {
  let inString = false;
  for (let k = open + 1; k < text.length; k++) {
    const ch = text[k];
    if (inString) {
      if (ch === '\\') k++;
      else if (ch === '"') inString = false;
    } else if (ch === '"') inString = true;
    else if (ch === ']') return k;
  }
  return -1;
}

function unquote(s: string): string {
  try {
    const v: unknown = JSON.parse(s);
    return typeof v === 'string' ? v : s;
  } catch {
    return s.slice(1, -1);
  }
}

/** Steps compare by text so `keepers.a` and `keepers["a"]`, `tags[0]` and `tags.0` agree. */
function stepEquals(a: PathStep, b: PathStep): boolean {
  return String(a) === String(b);
}

/** True when `prefix` is a prefix of (or equal to) `path`. */
export function isPrefix(prefix: Path, path: Path): boolean {
  if (prefix.length > path.length) return false;
  for (let i = 0; i < prefix.length; i++) {
    const p = prefix[i], q = path[i];
    if (p === undefined || q === undefined || !stepEquals(p, q)) return false;
  }
  return true;
}

/** True when `path` or one of its ancestors is in `set`. */
export function coveredBy(set: readonly Path[], path: Path): boolean {
  return set.some((p) => isPrefix(p, path));
}

/** True when `path` equals a member of `set`. */
export function pathIn(set: readonly Path[], path: Path): boolean {
  return set.some((p) => p.length === path.length && isPrefix(p, path));
}
