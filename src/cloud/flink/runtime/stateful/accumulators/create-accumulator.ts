/** Builds the accumulator for one aggregate call (DISTINCT wraps the function's own accumulator). */
import { assertNever, invariant } from '../../../../../shared/index.js';
import { compileJsonText } from '../../../expr/json-text.js';
import { compileComparator, type LogicalType } from '../../../types/index.js';
import type { AggregateCall } from '../types.js';
import { AvgAccumulator } from './avg-accumulator.js';
import { CollectAccumulator } from './collect-accumulator.js';
import { CountAccumulator } from './count-accumulator.js';
import { DistinctAccumulator } from './distinct-accumulator.js';
import { FirstLastValueAccumulator } from './first-last-value-accumulator.js';
import { LagAccumulator } from './lag-accumulator.js';
import { JsonObjectAggAccumulator } from './json-objectagg-accumulator.js';
import { ArrayAggAccumulator, JsonArrayAggAccumulator, ListAggAccumulator } from './list-accumulators.js';
import { AppendMinMaxAccumulator, MinMaxAccumulator } from './min-max-accumulator.js';
import { SumAccumulator } from './sum-accumulator.js';
import type { Accumulator } from './types.js';
import { VarianceAccumulator } from './variance-accumulator.js';

/** A fresh accumulator for `call`. */
export function createAccumulator(call: AggregateCall): Accumulator {
  return accumulatorFactory(call)();
}

/**
 * Makes fresh accumulators for `call`, with per-call work (MIN/MAX's comparator) done once.
 * `insertOnly`: the input never retracts, so MIN/MAX keep only the extreme value.
 */
export function accumulatorFactory(call: AggregateCall, insertOnly = false): () => Accumulator {
  let plain = (): Accumulator => createPlain(call);
  if (call.fn === 'MIN' || call.fn === 'MAX') {
    const cmp = compileComparator(argType(call));
    const max = call.fn === 'MAX';
    plain = insertOnly ? () => new AppendMinMaxAccumulator(cmp, max) : () => new MinMaxAccumulator(cmp, max);
  } else if (call.fn === 'JSON_ARRAYAGG' || call.fn === 'JSON_OBJECTAGG') {
    // The JSON renderer of the argument type is compiled once per call, not once per group.
    const render = compileJsonText(argType(call), call.timeZone ?? 'UTC');
    plain = call.fn === 'JSON_ARRAYAGG'
      ? () => new JsonArrayAggAccumulator(render, call.onNull === 'NULL')
      : () => new JsonObjectAggAccumulator(render, call.onNull === 'ABSENT');
  }
  return call.distinct === true ? () => new DistinctAccumulator(plain()) : plain;
}

function createPlain(call: AggregateCall): Accumulator {
  const fn = call.fn;
  switch (fn) {
    case 'COUNT': return new CountAccumulator(call.arg === undefined);
    case 'SUM': return new SumAccumulator(argType(call));
    case 'AVG': return new AvgAccumulator(argType(call));
    case 'MIN': return new MinMaxAccumulator(compileComparator(argType(call)), false);
    case 'MAX': return new MinMaxAccumulator(compileComparator(argType(call)), true);
    case 'LAG': return new LagAccumulator(call.lag?.offset ?? 1, call.lag?.withDefault === true);
    case 'FIRST_VALUE': return new FirstLastValueAccumulator(false);
    case 'LAST_VALUE': return new FirstLastValueAccumulator(true);
    case 'LISTAGG': return new ListAggAccumulator(call.separator ?? ',');
    case 'COLLECT': return new CollectAccumulator();
    case 'ARRAY_AGG': return new ArrayAggAccumulator(call.ignoreNulls === true);
    case 'STDDEV_POP': case 'STDDEV_SAMP': case 'VAR_POP': case 'VAR_SAMP':
      return new VarianceAccumulator(argType(call), fn);
    case 'VARIANCE': return new VarianceAccumulator(argType(call), 'VAR_SAMP');
    case 'JSON_ARRAYAGG':
      return new JsonArrayAggAccumulator(compileJsonText(argType(call), call.timeZone ?? 'UTC'), call.onNull === 'NULL');
    case 'JSON_OBJECTAGG':
      return new JsonObjectAggAccumulator(compileJsonText(argType(call), call.timeZone ?? 'UTC'), call.onNull === 'ABSENT');
    default: return assertNever(fn, 'aggregate function');
  }
}

function argType(call: AggregateCall): LogicalType {
  invariant(call.argType !== undefined && call.arg !== undefined, `${call.fn} needs an argument and its type`);
  return call.argType;
}
