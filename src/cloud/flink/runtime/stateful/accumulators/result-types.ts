/** Result types of the aggregate functions: the rule lives in flink/types (aggregate-types.ts). */
import { ARGUMENT_FREE_AGGREGATES, aggregateResultTypeOf, type LogicalType } from '../../../types/index.js';
import { invariant } from '../../../../../shared/index.js';
import type { AggregateCall } from '../types.js';

/** The SQL result type of an aggregate call. */
export function aggregateResultType(call: AggregateCall): LogicalType {
  invariant(call.argType !== undefined || ARGUMENT_FREE_AGGREGATES.has(call.fn), `${call.fn} needs an argument type`);
  return aggregateResultTypeOf(call.fn, call.argType);
}
