/** Deterministic JSON text: object keys sorted, arrays kept in order (used for normalized schema forms). */

/** Serialises `value` with object keys sorted at every level. */
export function stableStringify(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(value).sort()) out[k] = sortKeys((value as Record<string, unknown>)[k]);
    return out;
  }
  return value;
}

/** Parses JSON text, returning a message with line:col on failure instead of throwing. */
export function parseJsonText(text: string): { value: unknown } | { error: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /position (\d+)/.exec(msg);
    if (m?.[1] === undefined) return { error: msg };
    const pos = Number(m[1]);
    const before = text.slice(0, pos);
    const line = before.split('\n').length;
    const col = pos - before.lastIndexOf('\n');
    return { error: `${msg.replace(/ in JSON at position \d+.*$/, '')} at line ${line}, column ${col}` };
  }
}

/** True for a non-null, non-array object. */
export function isObject(v: unknown): v is { readonly [key: string]: unknown } {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
