/**
 * Prints logical types the way Flink does. `summary` is what DESCRIBE and error messages show
 * (`STRING`, `BYTES`, `TIMESTAMP_LTZ(3) *ROWTIME*`); `serializable` is the full SQL spelling
 * (`VARCHAR(2147483647)`, `TIMESTAMP(3) WITH LOCAL TIME ZONE`) that parses back to the same type.
 */
import { assertNever } from '../../../shared/index.js';
import type { DayTimeIntervalType, LogicalType, YearMonthIntervalType } from './types.js';
import { MAX_LENGTH } from './types.js';

/** Which of Flink's two spellings to print. */
export type TypeStyle = 'summary' | 'serializable';

/** Prints a type; `summary` (default) matches DESCRIBE, `serializable` matches asSerializableString. */
export function printType(t: LogicalType, style: TypeStyle = 'summary'): string {
  const body = printBody(t, style);
  return t.nullable || t.kind === 'NULL' ? body : `${body} NOT NULL`;
}

/** Quotes an identifier with backticks, doubling backticks inside. */
export function quoteIdentifier(name: string): string {
  return '`' + name.replace(/`/g, '``') + '`';
}

function printBody(t: LogicalType, style: TypeStyle): string {
  const summary = style === 'summary';
  switch (t.kind) {
    case 'CHAR': return `CHAR(${t.length})`;
    case 'VARCHAR': return summary && t.length === MAX_LENGTH ? 'STRING' : `VARCHAR(${t.length})`;
    case 'BOOLEAN': return 'BOOLEAN';
    case 'BINARY': return `BINARY(${t.length})`;
    case 'VARBINARY': return summary && t.length === MAX_LENGTH ? 'BYTES' : `VARBINARY(${t.length})`;
    case 'DECIMAL': return `DECIMAL(${t.precision}, ${t.scale})`;
    case 'TINYINT': case 'SMALLINT': case 'BIGINT': case 'FLOAT': case 'DOUBLE': case 'DATE': return t.kind;
    case 'INTEGER': return 'INT';
    case 'TIME': return `TIME(${t.precision})`;
    case 'TIMESTAMP': {
      const s = `TIMESTAMP(${t.precision})`;
      return summary && t.timeAttribute ? `${s} *${t.timeAttribute.toUpperCase()}*` : s;
    }
    case 'TIMESTAMP_LTZ': {
      if (!summary) return `TIMESTAMP(${t.precision}) WITH LOCAL TIME ZONE`;
      const s = `TIMESTAMP_LTZ(${t.precision})`;
      return t.timeAttribute ? `${s} *${t.timeAttribute.toUpperCase()}*` : s;
    }
    case 'INTERVAL_YEAR_MONTH': return printYearMonth(t);
    case 'INTERVAL_DAY_TIME': return printDayTime(t);
    case 'ARRAY': return `ARRAY<${printType(t.element, style)}>`;
    case 'MULTISET': return `MULTISET<${printType(t.element, style)}>`;
    case 'MAP': return `MAP<${printType(t.key, style)}, ${printType(t.value, style)}>`;
    case 'ROW': return `ROW<${t.fields.map((f) => {
      const d = f.description !== undefined ? ` '${f.description.replace(/'/g, "''")}'` : '';
      return `${quoteIdentifier(f.name)} ${printType(f.type, style)}${d}`;
    }).join(', ')}>`;
    case 'NULL': return 'NULL';
    default: return assertNever(t, 'logical type');
  }
}

function printYearMonth(t: YearMonthIntervalType): string {
  switch (t.resolution) {
    case 'YEAR': return `INTERVAL YEAR(${t.yearPrecision})`;
    case 'YEAR_TO_MONTH': return `INTERVAL YEAR(${t.yearPrecision}) TO MONTH`;
    case 'MONTH': return 'INTERVAL MONTH';
    default: return assertNever(t.resolution, 'interval resolution');
  }
}

function printDayTime(t: DayTimeIntervalType): string {
  const d = t.dayPrecision;
  const f = t.fractionalPrecision;
  switch (t.resolution) {
    case 'DAY': return `INTERVAL DAY(${d})`;
    case 'DAY_TO_HOUR': return `INTERVAL DAY(${d}) TO HOUR`;
    case 'DAY_TO_MINUTE': return `INTERVAL DAY(${d}) TO MINUTE`;
    case 'DAY_TO_SECOND': return `INTERVAL DAY(${d}) TO SECOND(${f})`;
    case 'HOUR': return 'INTERVAL HOUR';
    case 'HOUR_TO_MINUTE': return 'INTERVAL HOUR TO MINUTE';
    case 'HOUR_TO_SECOND': return `INTERVAL HOUR TO SECOND(${f})`;
    case 'MINUTE': return 'INTERVAL MINUTE';
    case 'MINUTE_TO_SECOND': return `INTERVAL MINUTE TO SECOND(${f})`;
    case 'SECOND': return `INTERVAL SECOND(${f})`;
    default: return assertNever(t.resolution, 'interval resolution');
  }
}
