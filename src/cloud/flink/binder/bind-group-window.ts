/**
 * Legacy group windows (Flink's "Group Window Aggregation", deprecated in favour of window TVFs but
 * still accepted): `GROUP BY TUMBLE(time, size)`, `HOP(time, slide, size)`, `SESSION(time, gap)`
 * plus other keys, with the auxiliary functions `<W>_START`, `<W>_END`, `<W>_ROWTIME` (and
 * `<W>_PROCTIME`). The time argument is a rowtime or a proctime attribute (PROCTIME()); on a
 * processing-time window `<W>_PROCTIME` is the window's proctime attribute and `<W>_ROWTIME` is
 * refused, on an event-time window the reverse.
 *
 * The query is rewritten onto the window TVF path: the input gets the same window TVF (its rows
 * plus three hidden window columns), the group window becomes `GROUP BY $window_start, $window_end`
 * and each auxiliary call a reference to a window column, so bind-aggregate.ts plans a window
 * aggregate (final rows when the watermark passes the window end). `<W>_ROWTIME` is the window's
 * `window_time` (end - 1 ms), a rowtime attribute usable by a cascading window downstream.
 */
import type { Expr, FunctionCall, GroupItem, Select } from '../sql/index.js';
import { sameAst } from '../sql/index.js';
import { isProctimeAttribute, isTimeAttribute, printType, timestampLtzType, timestampType, withNullable } from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import type { BoundField, BoundWindow, LogicalRel } from './types.js';
import { Scope, defaultName } from './scope.js';
import type { ScopeField } from './scope.js';
import { bindExpr } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { BindError, notSupportedYet, validationError } from './sql-error.js';

const WINDOWS: Readonly<Record<string, number>> = { TUMBLE: 2, HOP: 3, SESSION: 2 };
const AUX: Readonly<Record<string, string>> = { START: '$window_start', END: '$window_end', ROWTIME: '$window_time', PROCTIME: '$window_time' };
const AUX_CALL = /^(TUMBLE|HOP|SESSION)_(START|END|ROWTIME|PROCTIME)$/;

/** The SELECT rewritten onto a window TVF over its input, with the scope that resolves the window columns. */
export interface GroupWindowRewrite {
  readonly select: Select;
  readonly rel: LogicalRel;
  readonly scope: Scope;
}

function fnName(c: FunctionCall): string {
  return (c.name[c.name.length - 1] ?? '').toUpperCase();
}

function isGroupWindowCall(e: GroupItem): e is FunctionCall {
  return e.kind === 'FunctionCall' && e.name.length === 1 && fnName(e) in WINDOWS && e.over === undefined;
}

/**
 * When the SELECT groups by a legacy group window: the rewritten SELECT over the window TVF.
 * Without one, auxiliary calls are Flink's "must have matching call" error; otherwise undefined.
 */
export function legacyGroupWindow(s: Select, rel: LogicalRel, scope: Scope, cx: ExprContext): GroupWindowRewrite | undefined {
  const windows = (s.groupBy ?? []).filter(isGroupWindowCall);
  const second = windows[1];
  if (second !== undefined) throw new BindError(validationError(second.range, 'Only a single window group function may be used in GROUP BY', { file: cx.file }));
  const call = windows[0];
  if (call === undefined) {
    const aux = findAux([s.items, s.having ?? null]);
    if (aux !== undefined) throw auxMismatch(aux, cx);
    return undefined;
  }
  const fn = fnName(call);
  if (call.args.length !== WINDOWS[fn] || call.quantifier !== undefined) {
    throw new BindError(validationError(call.range, `Invalid number of arguments to function '$${fn}'. Was expecting ${WINDOWS[fn] ?? 0} arguments`, { file: cx.file }));
  }
  const [timeArg, ...sizeArgs] = call.args as readonly Expr[];
  const time = bindExpr(timeArg as Expr, cx);
  if (time.kind !== 'input' || !isTimeAttribute(time.type)) {
    throw new BindError(validationError((timeArg as Expr).range, `Window can only be defined on a time attribute column, but is type of ${calciteTypeName(time.type)}`, { file: cx.file }));
  }
  const ms = sizeArgs.map((a) => intervalMs(a, fn, cx));
  const window: BoundWindow = fn === 'TUMBLE' ? { kind: 'tumble', size: ms[0] as number }
    : fn === 'HOP' ? { kind: 'hop', slide: ms[0] as number, size: ms[1] as number }
      : { kind: 'session', gap: ms[0] as number };
  const attr = isProctimeAttribute(time.type) ? 'proctime' : 'rowtime';
  const width = rel.fields.length;
  const windowFields: BoundField[] = [
    { name: '$window_start', type: timestampType(3, { nullable: false }), hidden: true },
    { name: '$window_end', type: timestampType(3, { nullable: false }), hidden: true },
    {
      name: '$window_time', hidden: true,
      type: time.type.kind === 'TIMESTAMP_LTZ' ? timestampLtzType(3, { nullable: false, timeAttribute: attr }) : timestampType(3, { nullable: false, timeAttribute: attr }),
    },
  ];
  const tvf: LogicalRel = { kind: 'window-tvf', input: rel, window, timeIndex: time.index, partitionKeys: [], fields: [...rel.fields, ...windowFields] };
  const extra: ScopeField[] = windowFields.map((f, i) => ({ name: f.name, type: f.type, index: width + i, hidden: true }));
  const ident = (name: string, at: Expr): Expr => ({ kind: 'Identifier', names: [name], range: at.range });
  const groupBy: GroupItem[] = (s.groupBy ?? []).flatMap((g) => (g === call ? [ident('$window_start', call), ident('$window_end', call)] : [g]));
  const rewrite = (e: unknown): unknown => replaceAux(e, (aux) => {
    const m = AUX_CALL.exec(fnName(aux));
    if (m === null || m[1] !== fn || !sameAst(aux.args, call.args)) throw auxMismatch(aux, cx);
    const prop = m[2] ?? '';
    if (prop === 'ROWTIME' && attr === 'proctime') {
      throw new BindError(validationError(aux.range, `${fnName(aux)} is only valid for event-time windows; this window is defined on the processing-time attribute. Use ${fn}_PROCTIME for a time attribute of the window, or ${fn}_END for its end`, { file: cx.file }));
    }
    if (prop === 'PROCTIME' && attr === 'rowtime') {
      throw new BindError(notSupportedYet(aux.range, `${fnName(aux)} of an event-time window; use ${fn}_ROWTIME for a time attribute of the window`, cx.file));
    }
    return ident(AUX[prop] ?? '$window_time', aux);
  });
  const items = s.items.map((item, i) => {
    const expr = rewrite(item.expr) as Expr;
    return expr === item.expr ? item : { ...item, expr, alias: item.alias ?? defaultName(item.expr, i) };
  });
  const having = s.having === undefined ? {} : { having: rewrite(s.having) as Expr };
  return { select: { ...s, groupBy, items, ...having }, rel: tvf, scope: new Scope([...scope.fields, ...extra], cx.file) };
}

/** A type as Calcite prints a RelDataType (INTEGER, VARCHAR(2147483647), TIMESTAMP(3) NOT NULL). */
function calciteTypeName(t: LogicalType): string {
  const base = printType(withNullable(t, true)).replace(/^INT$/, 'INTEGER').replace(/^STRING$/, 'VARCHAR(2147483647)');
  return t.nullable ? base : `${base} NOT NULL`;
}

function auxMismatch(aux: FunctionCall, cx: ExprContext): BindError {
  const group = fnName(aux).replace(/_[A-Z]+$/, '');
  return new BindError(validationError(aux.range, `Call to auxiliary group function '${fnName(aux)}' must have matching call to group function '$${group}' in GROUP BY clause`, { file: cx.file }));
}

function intervalMs(e: Expr, fn: string, cx: ExprContext): number {
  const b = bindExpr(e, cx);
  if (b.kind !== 'literal' || b.type.kind !== 'INTERVAL_DAY_TIME' || typeof b.value !== 'number') {
    throw new BindError(validationError(e.range, `Only constant window intervals with millisecond resolution are supported (${fn}).`, { file: cx.file }));
  }
  if (b.value <= 0) throw new BindError(validationError(e.range, `The interval of a ${fn} window must be positive`, { file: cx.file }));
  return b.value;
}

/** The first auxiliary group function call in an AST (not inside subqueries). */
function findAux(e: unknown): FunctionCall | undefined {
  let hit: FunctionCall | undefined;
  replaceAux(e, (c) => { hit ??= c; return c; });
  return hit;
}

/** Copies an AST with every auxiliary call replaced by `f(call)`; unchanged subtrees keep their identity. */
function replaceAux(e: unknown, f: (c: FunctionCall) => Expr): unknown {
  if (Array.isArray(e)) {
    const out = e.map((x) => replaceAux(x, f));
    return out.some((x, i) => x !== e[i]) ? out : e;
  }
  if (e === null || typeof e !== 'object') return e;
  const node = e as { kind?: string };
  if (node.kind === 'Query' || node.kind === 'Select') return e;
  if (node.kind === 'FunctionCall' && AUX_CALL.test(fnName(e as FunctionCall)) && (e as FunctionCall).name.length === 1) return f(e as FunctionCall);
  let changed = false;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(e)) {
    const r = k === 'range' ? v : replaceAux(v, f);
    if (r !== v) changed = true;
    out[k] = r;
  }
  return changed ? out : e;
}
