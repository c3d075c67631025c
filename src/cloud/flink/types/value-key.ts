/**
 * Hash keys for grouping, joins and DISTINCT: a JS value usable as a Map key such that two SQL
 * values are the same key exactly when they are not distinct. A single primitive column is its own
 * key (no allocation); composite keys are encoded to a string with type-tagged parts.
 */
import type { LogicalType } from './types.js';

const PRIMITIVE = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'DECIMAL', 'CHAR', 'VARCHAR', 'BOOLEAN', 'DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ', 'INTERVAL_YEAR_MONTH', 'INTERVAL_DAY_TIME']);

/** Encodes one value of type `t` into a self-delimiting string. */
export function compileValueEncoder(t: LogicalType): (v: unknown) => string {
  switch (t.kind) {
    case 'CHAR': case 'VARCHAR': return (v) => (v === null ? 'N' : `s${(v as string).length}:${v as string}`);
    case 'BINARY': case 'VARBINARY': return (v) => (v === null ? 'N' : `x${Buffer.from(v as Uint8Array).toString('hex')};`);
    case 'BOOLEAN': return (v) => (v === null ? 'N' : v ? 'T' : 'F');
    case 'FLOAT': case 'DOUBLE': return (v) => (v === null ? 'N' : `d${Object.is(v, -0) ? 0 : (v as number)};`);
    case 'ARRAY': { const e = compileValueEncoder(t.element); return (v) => (v === null ? 'N' : `[${(v as unknown[]).map(e).join('')}]`); }
    case 'ROW': { const fs = t.fields.map((f) => compileValueEncoder(f.type)); return (v) => (v === null ? 'N' : `(${fs.map((f, i) => f((v as unknown[])[i] ?? null)).join('')})`); }
    case 'MAP': case 'MULTISET': {
      const k = compileValueEncoder(t.kind === 'MAP' ? t.key : t.element);
      const val = t.kind === 'MAP' ? compileValueEncoder(t.value) : (n: unknown) => `c${String(n)};`;
      return (v) => (v === null ? 'N' : `{${[...(v as Map<unknown, unknown>)].map(([a, b]) => k(a) + val(b)).sort().join('')}}`);
    }
    default: return (v) => (v === null ? 'N' : `n${String(v)};`);
  }
}

/** Compiles a key function over the given columns of a row array. */
export function compileRowKey(types: readonly LogicalType[], columns: readonly number[]): (row: readonly unknown[]) => unknown {
  const [only] = columns;
  if (columns.length === 1 && only !== undefined) {
    const t = types[only];
    if (t !== undefined && PRIMITIVE.has(t.kind)) return (row) => row[only];
    if (t !== undefined && (t.kind === 'FLOAT' || t.kind === 'DOUBLE')) return (row) => { const v = row[only]; return Object.is(v, -0) ? 0 : v; };
  }
  const encs = columns.map((c) => { const t = types[c]; return t ? compileValueEncoder(t) : () => 'N'; });
  return (row) => { let s = ''; for (let i = 0; i < columns.length; i++) s += (encs[i] as (v: unknown) => string)(row[columns[i] as number] ?? null); return s; };
}
