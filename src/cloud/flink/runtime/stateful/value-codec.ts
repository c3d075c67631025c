/**
 * JSON-safe encoding of runtime values for operator snapshots, and the Map keys operators group by.
 * Snapshots must survive JSON (and v8.serialize): bigint, Uint8Array, Map, NaN/±Infinity and -0 are
 * tagged objects `{ $b }`, `{ $x }`, `{ $m }`, `{ $n }`; arrays stay arrays; everything else is as is.
 */
import { invariant } from '../../../../shared/index.js';

/** A JSON value. */
export type Json = null | boolean | number | string | readonly Json[] | { readonly [k: string]: Json };

/** A Map key standing for a tuple of values: the value itself for one primitive, else a string. */
export type KeyId = string | number | bigint | boolean | null;

/** Encodes one runtime value as JSON-safe data. */
export function encodeValue(v: unknown): Json {
  if (v === null || v === undefined) return null;
  switch (typeof v) {
    case 'string': case 'boolean': return v;
    case 'number': return Number.isFinite(v) && !Object.is(v, -0) ? v : { $n: Object.is(v, -0) ? '-0' : String(v) };
    case 'bigint': return { $b: v.toString() };
    default: break;
  }
  if (Array.isArray(v)) return v.map(encodeValue);
  if (v instanceof Uint8Array) return { $x: Buffer.from(v).toString('hex') };
  if (v instanceof Map) return { $m: [...v].map(([k, x]) => [encodeValue(k), encodeValue(x)]) };
  invariant(false, `cannot encode a runtime value of type ${typeof v}`);
}

/** Decodes what `encodeValue` produced. */
export function decodeValue(j: Json): unknown {
  if (j === null || typeof j !== 'object') return j;
  if (Array.isArray(j)) return j.map(decodeValue);
  const o = j as { readonly [k: string]: Json };
  if (typeof o['$b'] === 'string') return BigInt(o['$b']);
  if (typeof o['$n'] === 'string') return o['$n'] === '-0' ? -0 : Number(o['$n']);
  if (typeof o['$x'] === 'string') return new Uint8Array(Buffer.from(o['$x'], 'hex'));
  if (Array.isArray(o['$m'])) return new Map((o['$m'] as readonly (readonly [Json, Json])[]).map(([k, x]) => [decodeValue(k), decodeValue(x)]));
  invariant(false, 'bad encoded value in a snapshot');
}

/** Encodes a row. */
export function encodeRow(row: readonly unknown[]): Json[] {
  return row.map(encodeValue);
}

/** Decodes a row. */
export function decodeRow(j: Json): unknown[] {
  invariant(Array.isArray(j), 'bad encoded row in a snapshot');
  return (j as readonly Json[]).map(decodeValue);
}

/** JSON text of `encodeValue(v)`: what snapshots store per entry (see `entriesOf`). */
export function valueText(v: unknown): string {
  return JSON.stringify(encodeValue(v));
}

/** JSON text of `encodeRow(row)`. */
export function rowText(row: readonly unknown[]): string {
  return JSON.stringify(encodeRow(row));
}

/**
 * Keyed state in a snapshot is a list of entries, each the JSON text of the entry (operators cache
 * an entry's text until the entry changes): unchanged keys cost no re-encoding, and a checkpoint
 * serializes flat strings instead of a tree of small values. Older snapshots hold the entries
 * themselves; this reads either.
 */
export function entriesOf<T>(s: readonly (string | T)[]): T[] {
  return s.map((e) => (typeof e === 'string' ? JSON.parse(e) as T : e));
}

/** The Map key of one value: primitives stand for themselves, composites by their encoding. */
export function valueKey(v: unknown): KeyId {
  if (v === null || v === undefined) return null;
  const t = typeof v;
  if (t === 'string' || t === 'number' || t === 'bigint' || t === 'boolean') return v as KeyId;
  return `\u0001${valueText(v)}`;
}

/** The Map key of a tuple of values (fixed arity per operator, so one- and n-tuples never mix). */
export function tupleKey(values: readonly unknown[]): KeyId {
  if (values.length === 1) return valueKey(values[0]);
  if (values.length === 0) return '';
  let s = '';
  for (const v of values) {
    if (v === null || v === undefined) s += '\u0000n';
    else if (typeof v === 'string') s += `\u0000s${v.replaceAll('\u0000', '\u0000\u0000')}`;
    else if (typeof v === 'number' || typeof v === 'bigint' || typeof v === 'boolean') s += `\u0000${(typeof v)[0] ?? ''}${String(v)}`;
    else s += `\u0000j${JSON.stringify(encodeValue(v))}`;
  }
  return s;
}

/** Total order on key ids of one operator (they share one type), for deterministic output order. */
export function compareKeyIds(a: KeyId, b: KeyId): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Structural equality of two runtime values (output rows compared before emitting an update). */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!valuesEqual(a[i], b[i])) return false;
    return true;
  }
  if (a instanceof Uint8Array) return b instanceof Uint8Array && Buffer.from(a).equals(b);
  if (a instanceof Map) {
    if (!(b instanceof Map) || a.size !== b.size) return false;
    for (const [k, v] of a) if (!b.has(k) || !valuesEqual(v, b.get(k))) return false;
    return true;
  }
  return false;
}

/**
 * A string key of a row, equal for two rows exactly when their `valueKey`s are (-0 ≠ 0, NaN = NaN,
 * composites by their encoding), built without encoding flat values.
 */
export function rowKey(row: readonly unknown[]): string {
  let s = '';
  for (const v of row) {
    if (v === null || v === undefined) { s += '\u0000z'; continue; }
    switch (typeof v) {
      case 'string': s += `\u0000s${v.replaceAll('\u0000', '\u0000\u0000')}`; break;
      case 'number': s += Object.is(v, -0) ? '\u0000n-0' : `\u0000n${v}`; break;
      case 'bigint': s += `\u0000b${v}`; break;
      case 'boolean': s += v ? '\u0000t' : '\u0000f'; break;
      default: s += `\u0000j${JSON.stringify(encodeValue(v))}`;
    }
  }
  return s;
}

/** Rows of `a` not matched one-for-one by an equal row of `b`, in `a`'s order. */
export function multisetMinus(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]): unknown[][] {
  const counts = new Map<unknown, number>();
  for (const r of b) { const k = rowKey(r); counts.set(k, (counts.get(k) ?? 0) + 1); }
  const out: unknown[][] = [];
  for (const r of a) {
    const k = rowKey(r);
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1); else out.push(r as unknown[]);
  }
  return out;
}
