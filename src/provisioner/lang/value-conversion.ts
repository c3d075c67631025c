/**
 * Terraform's automatic conversions between primitive values, number rendering, and the
 * type names used in error messages.
 */
import { isUnknown, type Value } from './value.js';

/** Renders a number the way Terraform does: `5`, `2.5`, never `5.0`. */
export function formatNumber(n: number): string {
  if (Number.isInteger(n)) return Math.abs(n) < 1e21 ? String(n) : BigInt(n).toString();
  return String(Number(n.toPrecision(15)));
}

/** The Terraform-ish type word for a value, for messages: string, number, bool, null, tuple, object. */
export function typeNameOf(v: Value): string {
  if (v === null) return 'null';
  if (isUnknown(v)) return 'unknown';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'tuple';
  return 'object';
}

/** Converts a primitive to a string, or returns undefined when it is not convertible. */
export function asString(v: Value): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return undefined;
}

const NUMBER_TEXT = /^-?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** Converts a number or numeric string to a number, or returns undefined. */
export function asNumber(v: Value): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string' && NUMBER_TEXT.test(v)) return Number(v);
  return undefined;
}

/** Converts a bool or "true"/"false" to a bool, or returns undefined. */
export function asBool(v: Value): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (v === 'true') return true;
  if (v === 'false') return false;
  return undefined;
}

/** Levenshtein distance, for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] ?? 0;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] ?? 0;
      prev[j] = Math.min((prev[j] ?? 0) + 1, (prev[j - 1] ?? 0) + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length] ?? 0;
}

/** The closest candidate within a small edit distance, for "Did you mean ...?" hints. */
export function suggest(name: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(name.toLowerCase(), c.toLowerCase());
    if (d < bestD && d <= Math.max(2, Math.floor(name.length / 3))) { best = c; bestD = d; }
  }
  return best;
}
