/**
 * Converts between values decoded from Schema Registry formats (avsc / JSON objects) and the Flink
 * runtime representation of flink/types, compiled once per column type. Avro logical types are
 * read from their underlying types (`timestamp-millis` long, `decimal` big-endian bytes, `date`
 * int), which is how avsc hands them over without registered logical types.
 */
import { decimalToString, parseDecimal } from '../types/index.js';
import type { LogicalType } from '../types/index.js';

/** Converts one decoded field value to the runtime value. */
export type FromRegistry = (v: unknown) => unknown;
/** Converts one runtime value to what the encoder expects. */
export type ToRegistry = (v: unknown) => unknown;

/** The reader of one column type. */
export function fromRegistry(t: LogicalType): FromRegistry {
  const f = fromNonNull(t);
  return (v) => (v === null || v === undefined ? null : f(v));
}

function fromNonNull(t: LogicalType): FromRegistry {
  switch (t.kind) {
    case 'BOOLEAN': return (v) => v === true || v === 'true';
    case 'TINYINT': case 'SMALLINT': case 'INTEGER': case 'DATE': case 'TIME': return (v) => Number(v);
    case 'BIGINT': return (v) => (typeof v === 'bigint' ? v : BigInt(Math.trunc(Number(v))));
    case 'FLOAT': return (v) => Math.fround(Number(v));
    case 'DOUBLE': return (v) => Number(v);
    case 'DECIMAL': {
      const scale = t.scale;
      return (v) => (v instanceof Uint8Array ? bytesToBigint(v) : parseDecimal(String(v), scale) ?? null);
    }
    case 'CHAR': case 'VARCHAR': return (v) => (typeof v === 'string' ? v : String(v));
    case 'BINARY': case 'VARBINARY': return (v) => (v instanceof Uint8Array ? Uint8Array.from(v) : Uint8Array.from(Buffer.from(String(v), 'base64')));
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ':
      return t.precision <= 3 ? (v) => Number(v) : (v) => Number(v) / 1000;
    case 'ARRAY': case 'MULTISET': {
      const el = fromRegistry(t.element);
      if (t.kind === 'ARRAY') return (v) => (v as unknown[]).map(el);
      return (v) => toMap(v, el, (x) => Number(x)) as unknown;
    }
    case 'MAP': {
      const k = fromRegistry(t.key);
      const val = fromRegistry(t.value);
      return (v) => toMap(v, k, val);
    }
    case 'ROW': {
      const fields = t.fields.map((f) => ({ name: f.name, read: fromRegistry(f.type) }));
      return (v) => fields.map((f) => f.read((v as Record<string, unknown>)[f.name]));
    }
    case 'INTERVAL_DAY_TIME': case 'INTERVAL_YEAR_MONTH': return (v) => Number(v);
    case 'NULL': return () => null;
  }
}

function toMap(v: unknown, key: FromRegistry, value: FromRegistry): Map<unknown, unknown> {
  const m = new Map<unknown, unknown>();
  if (Array.isArray(v)) for (const e of v as { key: unknown; value: unknown }[]) m.set(key(e.key), value(e.value));
  else for (const [k, x] of Object.entries(v as Record<string, unknown>)) m.set(key(k), value(x));
  return m;
}

/** The writer of one column type; `json` writes JSON-safe values (numbers for BIGINT, base64 bytes). */
export function toRegistry(t: LogicalType, opts: { readonly json?: boolean } = {}): ToRegistry {
  const f = toNonNull(t, opts.json === true);
  return (v) => (v === null || v === undefined ? null : f(v));
}

function toNonNull(t: LogicalType, json: boolean): ToRegistry {
  switch (t.kind) {
    case 'BIGINT': return json ? (v) => Number(v) : (v) => (typeof v === 'bigint' && v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v);
    case 'DECIMAL': {
      const scale = t.scale;
      return json ? (v) => Number(decimalToString(v as bigint, scale)) : (v) => bigintToBytes(v as bigint);
    }
    case 'BINARY': case 'VARBINARY': return json ? (v) => Buffer.from(v as Uint8Array).toString('base64') : (v) => Buffer.from(v as Uint8Array);
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ': return t.precision <= 3 ? (v) => v : (v) => Math.round((v as number) * 1000);
    case 'ARRAY': { const el = toRegistry(t.element, { json }); return (v) => (v as unknown[]).map(el); }
    case 'MULTISET': case 'MAP': {
      const k = t.kind === 'MAP' ? toRegistry(t.key, { json }) : toRegistry(t.element, { json });
      const val = t.kind === 'MAP' ? toRegistry(t.value, { json }) : (x: unknown) => x;
      const keyIsString = (t.kind === 'MAP' ? t.key : t.element).kind === 'VARCHAR' || (t.kind === 'MAP' ? t.key : t.element).kind === 'CHAR';
      return (v) => {
        const m = v as Map<unknown, unknown>;
        if (keyIsString) { const o: Record<string, unknown> = {}; for (const [a, b] of m) o[String(a)] = val(b); return o; }
        return [...m].map(([a, b]) => ({ key: k(a), value: val(b) }));
      };
    }
    case 'ROW': {
      const fields = t.fields.map((f) => ({ name: f.name, write: toRegistry(f.type, { json }) }));
      return (v) => { const o: Record<string, unknown> = {}; fields.forEach((f, i) => { o[f.name] = f.write((v as unknown[])[i]); }); return o; };
    }
    default: return (v) => v;
  }
}

/** Big-endian two's complement bytes → bigint (Avro `decimal`). */
export function bytesToBigint(b: Uint8Array): bigint {
  if (b.length === 0) return 0n;
  let n = 0n;
  for (const x of b) n = (n << 8n) | BigInt(x);
  return (b[0] as number) & 0x80 ? n - (1n << BigInt(b.length * 8)) : n;
}

/** bigint → minimal big-endian two's complement bytes. */
export function bigintToBytes(n: bigint): Buffer {
  const out: number[] = [];
  let v = n;
  for (;;) {
    out.unshift(Number(v & 0xffn));
    const rest = v >> 8n;
    const signOk = (rest === 0n && (out[0] as number) < 0x80) || (rest === -1n && (out[0] as number) >= 0x80);
    if (signOk) break;
    v = rest;
  }
  return Buffer.from(out);
}
