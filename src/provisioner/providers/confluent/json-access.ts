/**
 * Narrowing reads of JSON response bodies (`unknown` in, typed values out) by dotted path.
 * A missing or mistyped field reads as undefined; the caller decides whether that is an error.
 */

/** The value at a dotted path (`spec.config.kind`). */
export function at(body: unknown, path: string): unknown {
  let cur: unknown = body;
  for (const part of path.split('.')) {
    if (typeof cur !== 'object' || cur === null || Array.isArray(cur)) return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** A string at path, or undefined. */
export function jstr(body: unknown, path: string): string | undefined {
  const v = at(body, path);
  return typeof v === 'string' ? v : undefined;
}

/** A number at path, or undefined. */
export function jnum(body: unknown, path: string): number | undefined {
  const v = at(body, path);
  return typeof v === 'number' ? v : typeof v === 'string' && v !== '' && Number.isFinite(Number(v)) ? Number(v) : undefined;
}

/** A bool at path, or undefined. */
export function jbool(body: unknown, path: string): boolean | undefined {
  const v = at(body, path);
  return typeof v === 'boolean' ? v : undefined;
}

/** An array at path (empty when absent). */
export function jarr(body: unknown, path: string): readonly unknown[] {
  const v = at(body, path);
  return Array.isArray(v) ? v : [];
}

/** A string map at path (non-string entries dropped). */
export function jmap(body: unknown, path: string): Record<string, string> {
  const v = at(body, path);
  const out: Record<string, string> = {};
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return out;
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) if (typeof x === 'string') out[k] = x;
  return out;
}
