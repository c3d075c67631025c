/**
 * The pluggable record formats of topic sources and sinks. The catalog's format code supplies
 * Avro/JSON/Protobuf decoders over the Schema Registry codec; the raw and plain-JSON codecs here
 * serve inferred raw tables and tests.
 *
 * A deserializer returns a FRESH row array (the source appends metadata columns to it) or an Error
 * saying why the record does not fit; it must accept a null value (an upsert tombstone) by filling
 * the value columns with null.
 */
import type { LogRecord } from '../../kafka/index.js';
import type { Row } from './types.js';

/** Reads a record as a row, or says why it cannot. */
export type RecordDeserializer = (record: LogRecord) => Row | Error;

/** Writes a row as record key and value bytes. */
export interface RecordSerializer {
  /** Key bytes; absent for tables without key columns. */
  readonly key?: (row: Row) => Buffer | null;
  readonly value: (row: Row) => Buffer;
}

/** Inferred raw table: columns `key` and `val` (VARBINARY), the record's bytes as they are. */
export function rawDeserializer(): RecordDeserializer {
  return (r) => [r.key, r.value];
}

/** Raw writer for `key`/`val` style rows: column `keyIndex` (optional) and `valueIndex` hold bytes. */
export function rawSerializer(opts: { readonly valueIndex: number; readonly keyIndex?: number }): RecordSerializer {
  const v = opts.valueIndex;
  const value = (row: Row): Buffer => toBuffer(row[v]) ?? Buffer.alloc(0);
  const k = opts.keyIndex;
  return k === undefined ? { value } : { key: (row) => toBuffer(row[k]), value };
}

/** Where a JSON column comes from. */
export interface JsonColumn {
  readonly name: string;
  readonly from: 'key' | 'value';
}

/** Plain JSON objects (no Schema Registry framing) in key and/or value, one field per column. */
export function jsonDeserializer(columns: readonly JsonColumn[]): RecordDeserializer {
  const needsKey = columns.some((c) => c.from === 'key');
  return (r) => {
    let key: Record<string, unknown> | null = null;
    let value: Record<string, unknown> | null = null;
    try {
      if (needsKey && r.key !== null) key = asObject(JSON.parse(r.key.toString('utf8')));
      if (r.value !== null) value = asObject(JSON.parse(r.value.toString('utf8')));
    } catch (e) {
      return e instanceof Error ? e : new Error(String(e));
    }
    if ((needsKey && r.key !== null && key === null) || (r.value !== null && value === null)) return new Error('expected a JSON object');
    const row: Row = new Array<unknown>(columns.length);
    for (let i = 0; i < columns.length; i++) {
      const c = columns[i] as JsonColumn;
      const src = c.from === 'key' ? key : value;
      row[i] = src === null ? null : (src[c.name] ?? null);
    }
    return row;
  };
}

/** Writes plain JSON objects: the named columns into the key (when any) and value. */
export function jsonSerializer(opts: { readonly value: readonly (readonly [string, number])[]; readonly key?: readonly (readonly [string, number])[] }): RecordSerializer {
  const encode = (fields: readonly (readonly [string, number])[]) => (row: Row): Buffer => {
    const o: Record<string, unknown> = {};
    for (const [name, i] of fields) o[name] = jsonSafe(row[i]);
    return Buffer.from(JSON.stringify(o), 'utf8');
  };
  const value = encode(opts.value);
  return opts.key === undefined ? { value } : { key: encode(opts.key), value };
}

function asObject(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function jsonSafe(v: unknown): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof Uint8Array) return Buffer.from(v).toString('base64');
  return v ?? null;
}

function toBuffer(v: unknown): Buffer | null {
  if (v === null || v === undefined) return null;
  if (Buffer.isBuffer(v)) return v;
  if (v instanceof Uint8Array) return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
  return Buffer.from(String(v), 'utf8');
}
