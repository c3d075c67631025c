/** Narrowing reads of JSON answers (`unknown` in, typed values out) without casts at call sites. */

/** The value as an object, or an empty one. */
export function asObject(v: unknown): { readonly [k: string]: unknown } {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as { [k: string]: unknown }) : {};
}

/** The value as an array, or an empty one. */
export function asArray(v: unknown): readonly unknown[] {
  return Array.isArray(v) ? v : [];
}

/** A string field (nested with a dotted path), or `fallback`. */
export function str(v: unknown, path: string, fallback = ''): string {
  const x = at(v, path);
  return typeof x === 'string' ? x : fallback;
}

/** A number field (nested with a dotted path), or undefined. */
export function num(v: unknown, path: string): number | undefined {
  const x = at(v, path);
  return typeof x === 'number' ? x : undefined;
}

/** A boolean field, or `fallback`. */
export function bool(v: unknown, path: string, fallback = false): boolean {
  const x = at(v, path);
  return typeof x === 'boolean' ? x : fallback;
}

/** The value at a dotted path. */
export function at(v: unknown, path: string): unknown {
  let cur: unknown = v;
  for (const part of path.split('.')) cur = asObject(cur)[part];
  return cur;
}
