/**
 * Result types of the aggregate functions, as Flink derives them: COUNT → BIGINT NOT NULL; SUM keeps
 * the input type (SUM(INT) → INT) except DECIMAL(p, s) → DECIMAL(38, s); AVG and the variance family
 * keep the input type (integer division for integers) except DECIMAL(p, s) → DECIMAL(38, max(6, s));
 * MIN/MAX/FIRST_VALUE/LAST_VALUE/LAG keep it (nullable); LISTAGG gives a nullable STRING, the JSON
 * aggregates a STRING NOT NULL; COLLECT a MULTISET and ARRAY_AGG an ARRAY of the input type.
 * One rule for the binder (the column's type) and the runtime (the accumulators' result).
 */
import { InternalError } from '../../../shared/index.js';
import type { LogicalType } from './types.js';
import { arrayType, bigintType, decimalType, multisetType, stringType, withNullable } from './type-constructors.js';

/** Aggregates whose result type does not depend on their argument. */
export const ARGUMENT_FREE_AGGREGATES: ReadonlySet<string> = new Set(['COUNT', 'LISTAGG', 'JSON_ARRAYAGG', 'JSON_OBJECTAGG']);

/** Flink's result type of aggregate `fn` over `argType` (STRING stands in when the argument is unknown). */
export function aggregateResultTypeOf(fn: string, argType: LogicalType | undefined): LogicalType {
  switch (fn) {
    case 'COUNT': return bigintType({ nullable: false });
    case 'LISTAGG': return stringType({ nullable: true });
    case 'JSON_ARRAYAGG': case 'JSON_OBJECTAGG': return stringType({ nullable: false });
    default: break;
  }
  const t = argType ?? stringType();
  switch (fn) {
    case 'SUM': return t.kind === 'DECIMAL' ? decimalType(38, t.scale) : withNullable(t, true);
    case 'AVG': case 'STDDEV_POP': case 'STDDEV_SAMP': case 'VAR_POP': case 'VAR_SAMP': case 'VARIANCE':
      return t.kind === 'DECIMAL' ? decimalType(38, Math.max(6, t.scale)) : withNullable(t, true);
    case 'COLLECT': return multisetType(t, { nullable: false });
    case 'ARRAY_AGG': return arrayType(t);
    case 'MIN': case 'MAX': case 'FIRST_VALUE': case 'LAST_VALUE': case 'LAG': return withNullable(t, true);
    default: throw new InternalError(`no result type for the aggregate ${fn}`);
  }
}
