/**
 * Result types of the aggregate functions, as Flink derives them: COUNT → BIGINT NOT NULL; SUM keeps
 * the input type (SUM(INT) → INT, wrapping like Java) except DECIMAL(p, s) → DECIMAL(38, s); AVG and
 * the variance family keep the input type (integer division for integers) except DECIMAL(p, s) →
 * DECIMAL(38, max(6, s)); MIN/MAX/FIRST_VALUE/LAST_VALUE keep it; LISTAGG and the JSON aggregates
 * give STRING; COLLECT a MULTISET and ARRAY_AGG an ARRAY of the input type.
 */
import {
  arrayType, bigintType, decimalType, multisetType, stringType, withNullable, type LogicalType,
} from '../../../types/index.js';
import { invariant } from '../../../../../shared/index.js';
import type { AggregateCall } from '../types.js';

/** The SQL result type of an aggregate call. */
export function aggregateResultType(call: AggregateCall): LogicalType {
  const t = call.argType;
  switch (call.fn) {
    case 'COUNT': return bigintType({ nullable: false });
    case 'LISTAGG': case 'JSON_ARRAYAGG': case 'JSON_OBJECTAGG':
      return stringType({ nullable: call.fn === 'LISTAGG' });
    default: break;
  }
  invariant(t !== undefined, `${call.fn} needs an argument type`);
  switch (call.fn) {
    case 'SUM': return t.kind === 'DECIMAL' ? decimalType(38, t.scale) : withNullable(t, true);
    case 'AVG': case 'STDDEV_POP': case 'STDDEV_SAMP': case 'VAR_POP': case 'VAR_SAMP': case 'VARIANCE':
      return t.kind === 'DECIMAL' ? decimalType(38, Math.max(6, t.scale)) : withNullable(t, true);
    case 'MIN': case 'MAX': case 'FIRST_VALUE': case 'LAST_VALUE': return withNullable(t, true);
    case 'COLLECT': return multisetType(t, { nullable: false });
    case 'ARRAY_AGG': return arrayType(t);
  }
}
