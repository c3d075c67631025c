/**
 * Record ↔ row for a catalog table: the key and value formats (`avro-registry`, `json-registry`,
 * `proto-registry` through the Schema Registry's wire-format codec; `raw` bytes), the table's
 * key/value field mappings, and the column types. Deserializers return an Error for a record that
 * does not fit (the source turns it into a DeserializationError naming topic, partition, offset).
 */
import type { Diagnostic, Outcome } from '../../../shared/index.js';
import { errorDiag } from '../../../shared/index.js';
import type { SchemaCodec } from '../../schema-registry/index.js';
import type { CatalogTable, FieldMapping, TableFormat } from '../catalog/index.js';
import type { ScanColumn } from '../binder/index.js';
import type { RecordDeserializer, RecordSerializer } from '../runtime/index.js';
import type { LogicalType } from '../types/index.js';
import { fromRegistry, toRegistry } from './registry-values.js';

const REGISTRY_FORMATS = new Set<TableFormat>(['avro-registry', 'json-registry', 'proto-registry']);

type Side = 'key' | 'value';
/** A physical column: where it lives in the record, and its position in the row (`index`). */
interface Slot { readonly side: Side; readonly field?: string; readonly type: LogicalType; readonly index: number }

/**
 * The physical columns' places. A column in both the key and the value (`'value.fields-include' =
 * 'all'` on a keyed table) is read from the value and, with `write`, written to both sides.
 */
function slots(table: CatalogTable, columns: readonly ScanColumn[], write = false): Slot[] {
  const find = (m: readonly FieldMapping[], name: string): FieldMapping | undefined => m.find((x) => x.column === name);
  const slot = (side: Side, m: FieldMapping | undefined, type: LogicalType, index: number): Slot =>
    (m?.field === undefined ? { side, type, index } : { side, field: m.field, type, index });
  const out: Slot[] = [];
  columns.forEach((c, index) => {
    if (c.kind !== 'physical') return;
    const v = find(table.valueFields, c.name);
    const k = find(table.keyFields, c.name);
    if (v !== undefined) out.push(slot('value', v, c.type, index));
    if (k !== undefined && (v === undefined || write)) out.push(slot('key', k, c.type, index));
    if (v === undefined && k === undefined) out.push(slot('key', undefined, c.type, index));
  });
  return out;
}

function unsupported(table: CatalogTable, format: string, side: Side): Diagnostic {
  return errorDiag('flink-format-not-supported', `not supported yet: ${side}.format '${format}' (table '${table.name}')`);
}

/** The deserializer reading a table's records into its physical columns (in `columns` order; metadata columns are the source's job). */
export function tableDeserializer(table: CatalogTable, columns: readonly ScanColumn[], codec: SchemaCodec | undefined): Outcome<RecordDeserializer> {
  const s = slots(table, columns);
  const diags: Diagnostic[] = [];
  const decodeSide = (side: Side): ((b: Buffer | null) => unknown) | undefined => {
    const format = side === 'key' ? table.keyFormat : table.valueFormat;
    if (format === undefined || !s.some((x) => x.side === side)) return undefined;
    if (format === 'raw') return (b) => b;
    if (!REGISTRY_FORMATS.has(format) || codec === undefined) { diags.push(unsupported(table, format, side)); return undefined; }
    return (b) => (b === null || b.length === 0 ? null : codec.decode(b).value);
  };
  const key = decodeSide('key');
  const value = decodeSide('value');
  if (diags.length > 0) return { diagnostics: diags };
  const readers = s.map((slot) => {
    const conv = fromRegistry(slot.type);
    const isRawBytes = (slot.side === 'key' ? table.keyFormat : table.valueFormat) === 'raw';
    if (isRawBytes) {
      const text = slot.type.kind === 'VARCHAR' || slot.type.kind === 'CHAR';
      return (k: unknown, v: unknown): unknown => {
        const b = (slot.side === 'key' ? k : v) as Buffer | null;
        return b === null ? null : text ? b.toString('utf8') : Uint8Array.from(b);
      };
    }
    const field = slot.field;
    return (k: unknown, v: unknown): unknown => {
      const src = slot.side === 'key' ? k : v;
      if (src === null || src === undefined) return null;
      return conv(field === undefined ? src : (src as Record<string, unknown>)[field]);
    };
  });
  return {
    value: (r) => {
      let k: unknown = null;
      let v: unknown = null;
      try {
        if (key !== undefined) k = key(r.key);
        if (value !== undefined) v = value(r.value);
        const row = new Array<unknown>(readers.length);
        for (let i = 0; i < readers.length; i++) row[i] = (readers[i] as (k: unknown, v: unknown) => unknown)(k, v);
        return row;
      } catch (e) {
        return e instanceof Error ? e : new Error(String(e));
      }
    },
    diagnostics: [],
  };
}

/** The serializer writing a table's rows laid out as `columns` (physical and metadata in any order). */
export function tableSerializer(table: CatalogTable, columns: readonly ScanColumn[], codec: SchemaCodec | undefined): Outcome<RecordSerializer> {
  const s = slots(table, columns, true);
  const diags: Diagnostic[] = [];
  const encodeSide = (side: Side): ((row: unknown[]) => Buffer | null) | undefined => {
    const format = side === 'key' ? table.keyFormat : table.valueFormat;
    const idx = s.map((slot) => ({ slot, i: slot.index })).filter((x) => x.slot.side === side);
    if (format === undefined || idx.length === 0) return undefined;
    if (format === 'raw') {
      const first = idx[0];
      if (first === undefined) return undefined;
      return (row) => {
        const v = row[first.i];
        if (v === null || v === undefined) return null;
        return typeof v === 'string' ? Buffer.from(v, 'utf8') : Buffer.from(v as Uint8Array);
      };
    }
    const schemaId = side === 'key' ? table.keySchemaId : table.valueSchemaId;
    if (!REGISTRY_FORMATS.has(format) || codec === undefined || schemaId === undefined) { diags.push(unsupported(table, format, side)); return undefined; }
    const encode = codec.encoder(schemaId);
    const json = format === 'json-registry';
    const writers = idx.map(({ slot, i }) => ({ field: slot.field, i, write: toRegistry(slot.type, { json }) }));
    const atomic = writers.length === 1 && writers[0]?.field === undefined ? writers[0] : undefined;
    if (atomic !== undefined) return (row) => encode(atomic.write(row[atomic.i]));
    return (row) => {
      const o: Record<string, unknown> = {};
      for (const w of writers) o[w.field ?? ''] = w.write(row[w.i]);
      return encode(o);
    };
  };
  const key = encodeSide('key');
  const value = encodeSide('value');
  if (diags.length > 0) return { diagnostics: diags };
  const valueFn = value ?? ((): Buffer => Buffer.alloc(0));
  const ser: RecordSerializer = key === undefined
    ? { value: (row) => valueFn(row) ?? Buffer.alloc(0) }
    : { key, value: (row) => valueFn(row) ?? Buffer.alloc(0) };
  return { value: ser, diagnostics: [] };
}
