/**
 * Window TVFs in FROM (confluent-flink.md §10): `TABLE(TUMBLE(TABLE t, DESCRIPTOR(col), size
 * [, offset]))`, HOP(…, slide, size), CUMULATE(…, step, max_size), SESSION(TABLE t [PARTITION BY k],
 * DESCRIPTOR(col), gap), positional or named (`DATA =>`, `TIMECOL =>`, `SIZE =>`, …). The time
 * column must be a rowtime attribute (`$rowtime` or a column with a WATERMARK). The relation is the
 * input's fields plus window_start, window_end (TIMESTAMP(3)) and window_time (a rowtime).
 */
import type { Expr, FunctionCall, TableArgument } from '../sql/index.js';
import { isProctimeAttribute, isTimeAttribute, printType, timestampLtzType, timestampType } from '../types/index.js';
import type { BoundExpr, BoundField, BoundWindow, LogicalRel } from './types.js';
import { Scope } from './scope.js';
import { bindExpr } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { BindError, validationError } from './sql-error.js';

const PARAMS: Readonly<Record<string, readonly string[]>> = {
  TUMBLE: ['DATA', 'TIMECOL', 'SIZE', 'OFFSET'],
  HOP: ['DATA', 'TIMECOL', 'SLIDE', 'SIZE', 'OFFSET'],
  CUMULATE: ['DATA', 'TIMECOL', 'STEP', 'SIZE', 'OFFSET'],
  SESSION: ['DATA', 'TIMECOL', 'GAP'],
};

/** True for TUMBLE / HOP / CUMULATE / SESSION. */
export function isWindowTvf(name: readonly string[]): boolean {
  return (name[name.length - 1] ?? '').toUpperCase() in PARAMS;
}

/** Binds a window TVF call; `bindTable` binds its `TABLE t` / `TABLE (query)` argument. */
export function bindWindowTvf(call: FunctionCall, cx: Omit<ExprContext, 'scope'>, bindTable: (arg: TableArgument) => LogicalRel): LogicalRel {
  const fn = (call.name[call.name.length - 1] ?? '').toUpperCase();
  const params = PARAMS[fn] ?? [];
  const args = new Map<string, Expr>();
  call.args.forEach((a, i) => {
    if (a.kind === 'NamedArgument') args.set(a.name.toUpperCase(), a.value);
    else args.set(params[i] ?? `#${i}`, a);
  });
  for (const k of args.keys()) {
    if (!params.includes(k)) throw new BindError(validationError(call.range, `Invalid number of arguments to function '${fn}'. Was expecting ${params.length - (fn === 'SESSION' ? 0 : 1)} arguments`, { file: cx.file }));
  }
  const data = args.get('DATA');
  if (data?.kind !== 'TableArgument') throw new BindError(validationError(call.range, `The first argument of ${fn} must be a TABLE argument`, { file: cx.file }));
  const input = bindTable(data);
  const scope = Scope.of(input.fields, data.table?.[data.table.length - 1], cx.file);
  const ecx: ExprContext = { ...cx, scope };
  const timecol = args.get('TIMECOL');
  if (timecol?.kind !== 'Descriptor' || timecol.columns.length !== 1) throw new BindError(validationError(call.range, `The second argument of ${fn} must be a DESCRIPTOR of one column`, { file: cx.file }));
  const colName = timecol.columns[0] ?? '';
  const time = bindExpr({ kind: 'Identifier', names: [colName], range: timecol.range }, ecx);
  if (time.kind !== 'input' || !isTimeAttribute(time.type)) {
    throw new BindError(validationError(timecol.range, `The window function requires the timecol is a time attribute type, but is ${printType(time.type)}.`, { file: cx.file }));
  }
  const attr = isProctimeAttribute(time.type) ? 'proctime' : 'rowtime';
  const ms = (name: string): number => interval(args.get(name), name, call, ecx);
  const offset = args.has('OFFSET') ? { offset: ms('OFFSET') } : {};
  let window: BoundWindow;
  switch (fn) {
    case 'TUMBLE': window = { kind: 'tumble', size: ms('SIZE'), ...offset }; break;
    case 'HOP': window = { kind: 'hop', slide: ms('SLIDE'), size: ms('SIZE'), ...offset }; break;
    case 'CUMULATE': window = { kind: 'cumulate', step: ms('STEP'), maxSize: ms('SIZE'), ...offset }; break;
    default: window = { kind: 'session', gap: ms('GAP') }; break;
  }
  const partitionKeys: BoundExpr[] = data.partitionBy.map((p) => bindExpr(p, ecx));
  const fields: BoundField[] = [
    ...input.fields,
    { name: 'window_start', type: timestampType(3, { nullable: false }) },
    { name: 'window_end', type: timestampType(3, { nullable: false }) },
    // A processing-time window's window_time is a processing-time attribute (Flink).
    { name: 'window_time', type: time.type.kind === 'TIMESTAMP_LTZ' ? timestampLtzType(3, { nullable: false, timeAttribute: attr }) : timestampType(3, { nullable: false, timeAttribute: attr }) },
  ];
  return { kind: 'window-tvf', input, window, timeIndex: time.index, partitionKeys, fields };
}

function interval(e: Expr | undefined, name: string, call: FunctionCall, cx: ExprContext): number {
  if (e === undefined) throw new BindError(validationError(call.range, `Missing argument ${name} of window function`, { file: cx.file }));
  const b = bindExpr(e, cx);
  if (b.kind !== 'literal' || b.type.kind !== 'INTERVAL_DAY_TIME' || typeof b.value !== 'number') {
    throw new BindError(validationError(e.range, `The ${name} argument of a window function must be an interval literal of SECOND, MINUTE, HOUR or DAY`, { file: cx.file }));
  }
  if (b.value <= 0 && name !== 'OFFSET') throw new BindError(validationError(e.range, `The ${name} of a window must be positive`, { file: cx.file }));
  return b.value;
}
