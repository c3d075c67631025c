/**
 * Casts that never map two different values to one (so a projected `CAST(key AS t)` still
 * identifies rows: the upsert key survives, as Flink keeps it through such casts): widening
 * integers, integers into a DECIMAL or DOUBLE wide enough, longer strings and binaries, more
 * precise decimals and temporals, and anything but a collection into a string that cannot truncate.
 */
import type { LogicalType } from '../types/index.js';

const INT_DIGITS: Readonly<Record<string, number>> = { TINYINT: 3, SMALLINT: 5, INTEGER: 10, BIGINT: 19 };
const TO_STRING = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'BOOLEAN', 'DECIMAL', 'CHAR', 'VARCHAR', 'DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ', 'FLOAT', 'DOUBLE']);
/** VARCHAR length that holds the text of any value of the kinds above. */
const LONG_ENOUGH = 64;

/** True when CAST(x AS `to`) is injective on values of `from`. */
export function isInjectiveCast(from: LogicalType, to: LogicalType): boolean {
  const fromDigits = INT_DIGITS[from.kind];
  switch (to.kind) {
    case 'TINYINT': case 'SMALLINT': case 'INTEGER': case 'BIGINT':
      return fromDigits !== undefined && fromDigits <= (INT_DIGITS[to.kind] ?? 0);
    case 'DECIMAL':
      if (fromDigits !== undefined) return to.precision - to.scale >= fromDigits;
      return from.kind === 'DECIMAL' && to.scale >= from.scale && to.precision - to.scale >= from.precision - from.scale;
    case 'DOUBLE': return from.kind === 'FLOAT' || from.kind === 'DOUBLE' || (fromDigits !== undefined && fromDigits <= 10);
    case 'VARCHAR': case 'CHAR': {
      if (from.kind === 'VARCHAR' || from.kind === 'CHAR') return to.kind === 'VARCHAR' && to.length >= from.length;
      return TO_STRING.has(from.kind) && to.kind === 'VARCHAR' && to.length >= LONG_ENOUGH;
    }
    case 'VARBINARY': return (from.kind === 'VARBINARY' || from.kind === 'BINARY') && to.length >= from.length;
    // Not across TIMESTAMP / TIMESTAMP_LTZ: local times in a DST gap land on the instant of another.
    case 'TIMESTAMP': case 'TIMESTAMP_LTZ': return from.kind === to.kind && to.precision >= from.precision;
    default: return false;
  }
}
