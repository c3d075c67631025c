/**
 * The DataType JSON of Confluent's sql/v1 API (`status.traits.schema.columns[].type`):
 * `{type, nullable, length?, precision?, scale?, element_type?, key_type?, value_type?, fields?,
 * resolution?, fractional_precision?}` with Flink LogicalTypeRoot names in `type`.
 */
import { assertNever } from '../../../shared/index.js';
import type { DayTimeResolution, LogicalType, RowField, YearMonthResolution } from './types.js';

/** One field of a ROW in DataType JSON. */
export interface DataTypeFieldJson { readonly name: string; readonly field_type: DataTypeJson; readonly description?: string }

/** Confluent's DataType JSON. */
export interface DataTypeJson {
  readonly type: string;
  readonly nullable: boolean;
  readonly length?: number;
  readonly precision?: number;
  readonly scale?: number;
  readonly element_type?: DataTypeJson;
  readonly key_type?: DataTypeJson;
  readonly value_type?: DataTypeJson;
  readonly fields?: readonly DataTypeFieldJson[];
  readonly resolution?: string;
  readonly fractional_precision?: number;
}

/** Converts a logical type to DataType JSON. */
export function toDataTypeJson(t: LogicalType): DataTypeJson {
  const nullable = t.nullable;
  switch (t.kind) {
    case 'CHAR': case 'VARCHAR': case 'BINARY': case 'VARBINARY':
      return { type: t.kind, nullable, length: t.length };
    case 'DECIMAL': return { type: 'DECIMAL', nullable, precision: t.precision, scale: t.scale };
    case 'BOOLEAN': case 'TINYINT': case 'SMALLINT': case 'INTEGER': case 'BIGINT': case 'FLOAT': case 'DOUBLE':
    case 'DATE': case 'NULL':
      return { type: t.kind, nullable };
    case 'TIME': return { type: 'TIME_WITHOUT_TIME_ZONE', nullable, precision: t.precision };
    case 'TIMESTAMP': return { type: 'TIMESTAMP_WITHOUT_TIME_ZONE', nullable, precision: t.precision };
    case 'TIMESTAMP_LTZ': return { type: 'TIMESTAMP_WITH_LOCAL_TIME_ZONE', nullable, precision: t.precision };
    case 'INTERVAL_YEAR_MONTH':
      return { type: 'INTERVAL_YEAR_MONTH', nullable, precision: t.yearPrecision, resolution: t.resolution };
    case 'INTERVAL_DAY_TIME':
      return {
        type: 'INTERVAL_DAY_TIME', nullable, precision: t.dayPrecision,
        fractional_precision: t.fractionalPrecision, resolution: t.resolution,
      };
    case 'ARRAY': return { type: 'ARRAY', nullable, element_type: toDataTypeJson(t.element) };
    case 'MULTISET': return { type: 'MULTISET', nullable, element_type: toDataTypeJson(t.element) };
    case 'MAP': return { type: 'MAP', nullable, key_type: toDataTypeJson(t.key), value_type: toDataTypeJson(t.value) };
    case 'ROW': return {
      type: 'ROW', nullable,
      fields: t.fields.map((f) => {
        const j: DataTypeFieldJson = { name: f.name, field_type: toDataTypeJson(f.type) };
        return f.description !== undefined ? { ...j, description: f.description } : j;
      }),
    };
    default: return assertNever(t, 'logical type');
  }
}

/** Parses DataType JSON back into a logical type; returns an error message for unknown shapes. */
export function fromDataTypeJson(j: DataTypeJson): LogicalType | string {
  const nullable = j.nullable;
  const num = (v: number | undefined, d: number): number => (typeof v === 'number' ? v : d);
  switch (j.type) {
    case 'CHAR': case 'VARCHAR': case 'BINARY': case 'VARBINARY':
      return { kind: j.type, nullable, length: num(j.length, 1) };
    case 'DECIMAL': return { kind: 'DECIMAL', nullable, precision: num(j.precision, 10), scale: num(j.scale, 0) };
    case 'BOOLEAN': case 'TINYINT': case 'SMALLINT': case 'INTEGER': case 'BIGINT': case 'FLOAT': case 'DOUBLE': case 'DATE':
      return { kind: j.type, nullable };
    case 'NULL': return { kind: 'NULL', nullable: true };
    case 'TIME_WITHOUT_TIME_ZONE': return { kind: 'TIME', nullable, precision: num(j.precision, 0) };
    case 'TIMESTAMP_WITHOUT_TIME_ZONE': return { kind: 'TIMESTAMP', nullable, precision: num(j.precision, 6) };
    case 'TIMESTAMP_WITH_LOCAL_TIME_ZONE': return { kind: 'TIMESTAMP_LTZ', nullable, precision: num(j.precision, 6) };
    case 'INTERVAL_YEAR_MONTH':
      return { kind: 'INTERVAL_YEAR_MONTH', nullable, yearPrecision: num(j.precision, 2), resolution: (j.resolution ?? 'YEAR_TO_MONTH') as YearMonthResolution };
    case 'INTERVAL_DAY_TIME':
      return {
        kind: 'INTERVAL_DAY_TIME', nullable, dayPrecision: num(j.precision, 2),
        fractionalPrecision: num(j.fractional_precision, 6), resolution: (j.resolution ?? 'DAY_TO_SECOND') as DayTimeResolution,
      };
    case 'ARRAY': case 'MULTISET': {
      if (!j.element_type) return `${j.type} needs element_type`;
      const e = fromDataTypeJson(j.element_type);
      return typeof e === 'string' ? e : { kind: j.type, nullable, element: e };
    }
    case 'MAP': {
      if (!j.key_type || !j.value_type) return 'MAP needs key_type and value_type';
      const k = fromDataTypeJson(j.key_type);
      if (typeof k === 'string') return k;
      const v = fromDataTypeJson(j.value_type);
      return typeof v === 'string' ? v : { kind: 'MAP', nullable, key: k, value: v };
    }
    case 'ROW': {
      const fields: RowField[] = [];
      for (const f of j.fields ?? []) {
        const ft = fromDataTypeJson(f.field_type);
        if (typeof ft === 'string') return ft;
        fields.push(f.description !== undefined ? { name: f.name, type: ft, description: f.description } : { name: f.name, type: ft });
      }
      return { kind: 'ROW', nullable, fields };
    }
    default: return `unsupported DataType '${j.type}'`;
  }
}
