/** Rendering SQL values as JSON text (JSON_STRING, JSON_OBJECT, JSON_ARRAY), typed per column. */
import { compileToString, decimalToString, formatDouble, formatFloat } from '../types/index.js';
import type { LogicalType } from '../types/index.js';

/** Compiles a value -> JSON text renderer for type `t` (NULL -> 'null'). */
export function compileJsonText(t: LogicalType, timeZone: string): (v: unknown) => string {
  const nullSafe = (f: (v: unknown) => string) => (v: unknown): string => (v === null || v === undefined ? 'null' : f(v));
  switch (t.kind) {
    case 'BOOLEAN': return nullSafe((v) => (v ? 'true' : 'false'));
    case 'TINYINT': case 'SMALLINT': case 'INTEGER': case 'BIGINT': return nullSafe((v) => String(v));
    case 'FLOAT': return nullSafe((v) => (Number.isFinite(v) ? formatFloat(v as number) : JSON.stringify(formatFloat(v as number))));
    case 'DOUBLE': return nullSafe((v) => (Number.isFinite(v) ? formatDouble(v as number) : JSON.stringify(formatDouble(v as number))));
    case 'DECIMAL': { const s = t.scale; return nullSafe((v) => decimalToString(v as bigint, s)); }
    case 'CHAR': case 'VARCHAR': return nullSafe((v) => JSON.stringify(v));
    case 'BINARY': case 'VARBINARY': return nullSafe((v) => JSON.stringify(Buffer.from(v as Uint8Array).toString('base64')));
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ': {
      const s = compileToString(t, { timeZone });
      return nullSafe((v) => JSON.stringify(s(v).replace(' ', 'T')));
    }
    case 'ARRAY': { const e = compileJsonText(t.element, timeZone); return nullSafe((v) => `[${(v as unknown[]).map(e).join(',')}]`); }
    case 'MAP': case 'MULTISET': {
      const k = compileToString(t.kind === 'MAP' ? t.key : t.element, { timeZone });
      const val = t.kind === 'MAP' ? compileJsonText(t.value, timeZone) : (n: unknown) => String(n);
      return nullSafe((v) => `{${[...(v as Map<unknown, unknown>)].map(([a, b]) => `${JSON.stringify(a === null ? 'null' : k(a))}:${val(b)}`).join(',')}}`);
    }
    case 'ROW': {
      const fs = t.fields.map((f) => [JSON.stringify(f.name), compileJsonText(f.type, timeZone)] as const);
      return nullSafe((v) => `{${fs.map(([n, f], i) => `${n}:${f((v as unknown[])[i])}`).join(',')}}`);
    }
    case 'NULL': return () => 'null';
    default: { const s = compileToString(t, { timeZone }); return nullSafe((v) => JSON.stringify(s(v))); }
  }
}

/** Text of a JSON scalar as JSON_VALUE returns it (strings unquoted). */
export function scalarText(v: unknown): string | null {
  if (v === null) return null;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return JSON.stringify(v);
}
