/**
 * Aggregating SELECTs: GROUP BY (expressions, GROUPING SETS / ROLLUP / CUBE), HAVING, aggregate
 * calls with DISTINCT and FILTER, global aggregation, and GROUP BY window_start, window_end over a
 * window TVF (→ window aggregate), or a legacy GROUP BY TUMBLE/HOP/SESSION group window
 * (bind-group-window.ts, rewritten onto the TVF path). The SELECT list and HAVING are bound over
 * the aggregate's output row: a group key or an aggregate call becomes a reference, GROUPING() /
 * GROUP_ID() read the grouping set (bind-grouping-functions.ts), any other column is Flink's
 * "Expression 'x' is not being grouped".
 */
import type { Expr, GroupItem, Hint, Select } from '../sql/index.js';
import { printExpression, sameAst } from '../sql/index.js';
import { printType, withNullable } from '../types/index.js';
import type { BoundAggregate, BoundExpr, BoundField, LogicalRel } from './types.js';
import type { Scope } from './scope.js';
import { defaultName, unique } from './scope.js';
import { bindExpr } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { bindAggregateCall, isGroupAggregate } from './bind-aggregate-call.js';
import type { AggregateCallAst } from './bind-aggregate-call.js';
import { parseDurationMs } from './duration.js';
import { legacyGroupWindow } from './bind-group-window.js';
import { bindGroupingFunction } from './bind-grouping-functions.js';
import { windowGroupingSets } from './bind-window-grouping-sets.js';
import type { GroupingContext } from './bind-grouping-functions.js';
import { BindError, notSupportedYet, validationError } from './sql-error.js';

/** True when a SELECT aggregates: GROUP BY, HAVING, or an aggregate call outside OVER. */
export function isAggregateSelect(s: Select): boolean {
  if ((s.groupBy?.length ?? 0) > 0 || s.having !== undefined) return true;
  return s.items.some((i) => collectAggregates(i.expr).length > 0);
}

/** The aggregate calls (outside OVER) in an expression tree, in order of appearance. */
export function collectAggregates(e: unknown, out: AggregateCallAst[] = []): AggregateCallAst[] {
  if (Array.isArray(e)) { for (const x of e) collectAggregates(x, out); return out; }
  if (e === null || typeof e !== 'object') return out;
  const node = e as { kind?: string };
  if (node.kind === 'Query' || node.kind === 'Select') return out;
  if ((node.kind === 'FunctionCall' || node.kind === 'JsonCall') && isGroupAggregate(e as Expr)) { out.push(e as AggregateCallAst); return out; }
  for (const [k, v] of Object.entries(e)) if (k !== 'range') collectAggregates(v, out);
  return out;
}

/** `STATE_TTL('t' = '1d')` on the SELECT: the first value, in milliseconds. */
export function stateTtlHint(hints: readonly Hint[], file: string): number | undefined {
  const h = hints.find((x) => x.name.toUpperCase() === 'STATE_TTL');
  const v = h?.options[0]?.value;
  if (h === undefined || v === undefined) return undefined;
  const ms = parseDurationMs(v);
  if (ms === undefined) throw new BindError(validationError(h.range, `Invalid duration '${v}' in STATE_TTL hint`, { file }));
  return ms;
}

/** What the SELECT binder hands over: the FROM relation (WHERE applied) and its scope. */
export interface AggregateInput {
  readonly rel: LogicalRel;
  readonly scope: Scope;
  readonly cx: ExprContext;
}

/** Binds an aggregating SELECT's GROUP BY, aggregates, HAVING and SELECT list. */
export function bindAggregateSelect(select: Select, from: AggregateInput): LogicalRel {
  // GROUP BY TUMBLE(…)/HOP(…)/SESSION(…): rewritten onto the window TVF path (bind-group-window.ts).
  const legacy = legacyGroupWindow(select, from.rel, from.scope, from.cx);
  const s = legacy?.select ?? select;
  const input: AggregateInput = legacy === undefined ? from : { rel: legacy.rel, scope: legacy.scope, cx: { ...from.cx, scope: legacy.scope } };
  const { cx } = input;
  const keyCx: ExprContext = { ...cx, rewrite: (x) => {
    if (isGroupAggregate(x)) throw new BindError(validationError(x.range, 'Aggregate expression is illegal in GROUP BY clause', { file: cx.file }));
    return undefined;
  } };
  const sets = groupingSets(s.groupBy ?? []);
  const keyAsts: Expr[] = [];
  const keyBound: BoundExpr[] = [];
  const indexOf = (e: Expr): number => {
    const b = bindExpr(e, keyCx);
    for (let k = 0; k < keyAsts.length; k++) if (sameKey(keyBound[k] as BoundExpr, keyAsts[k] as Expr, b, e)) return k;
    keyAsts.push(e);
    keyBound.push(b);
    return keyAsts.length - 1;
  };
  const setIdx = sets.map((set) => [...new Set(set.map(indexOf))].sort((a, b) => a - b));
  const calls: AggregateCallAst[] = [];
  for (const c of collectAggregates([s.items.map((i) => i.expr), s.having ?? null])) if (!calls.some((x) => sameAst(x, c))) calls.push(c);
  const aggs: BoundAggregate[] = calls.map((c) => bindAggregateCall(c, cx));
  const ttl = stateTtlHint(s.hints, cx.file);

  // Window aggregation: GROUP BY window_start, window_end over a window TVF.
  const tvf = input.rel.kind === 'window-tvf' ? input.rel : undefined;
  const width = tvf === undefined ? Number.MAX_SAFE_INTEGER : tvf.input.fields.length;
  const windowCol = (b: BoundExpr): number => (b.kind === 'input' && b.index >= width ? b.index - width : -1);
  let rel: LogicalRel;
  /** Window aggregation: the positions (into keyBound) of the non-window keys, in output order. */
  let windowKeys: number[] | undefined;
  const refs: { ast: Expr; bound: BoundExpr; ref: BoundExpr }[] = [];
  if (tvf !== undefined) {
    const cols = keyBound.map(windowCol);
    const inEverySet = (w: number): boolean => setIdx.every((set) => set.some((k) => cols[k] === w));
    if (!inEverySet(0) || !inEverySet(1)) {
      throw new BindError(notSupportedYet(s.range, 'a window TVF without GROUP BY window_start, window_end', cx.file));
    }
    for (const a of aggs) if ([a.arg, a.filter].some((x) => x !== undefined && refsAtLeast(x, width))) {
      throw new BindError(notSupportedYet(s.range, 'aggregates over window columns', cx.file));
    }
    const plainKeys = keyBound.map((b, k) => ({ b, k })).filter((x) => windowCol(x.b) < 0);
    if (plainKeys.some((x) => refsAtLeast(x.b, width))) throw new BindError(notSupportedYet(s.range, 'GROUP BY expressions over window columns', cx.file));
    const fields: BoundField[] = [];
    const keyType = (b: BoundExpr) => (sets.length > 1 ? withNullable(b.type, true) : b.type);
    plainKeys.forEach((x, i) => { fields.push({ name: keyName(keyAsts[x.k] as Expr, i), type: x.b.type }); refs.push({ ast: keyAsts[x.k] as Expr, bound: x.b, ref: { kind: 'input', index: i, type: keyType(x.b) } }); });
    aggs.forEach((a, i) => fields.push({ name: `EXPR$${plainKeys.length + i}`, type: a.type }));
    const base = plainKeys.length + aggs.length;
    ['window_start', 'window_end', 'window_time'].forEach((name, w) => {
      const type = (tvf.fields[width + w] as BoundField).type;
      fields.push({ name, type });
      const bound: BoundExpr = { kind: 'input', index: width + w, type };
      refs.push({ ast: { kind: 'Identifier', names: [name], range: s.range }, bound, ref: { kind: 'input', index: base + w, type } });
    });
    rel = { kind: 'window-aggregate', input: tvf.input, window: tvf.window, timeIndex: tvf.timeIndex, keys: plainKeys.map((x) => x.b), aggregates: aggs, fields };
    // GROUPING SETS: a union of one window aggregate per set (bind-window-grouping-sets.ts).
    if (sets.length > 1) rel = windowGroupingSets(rel, setIdx.map((set) => set.map((k) => plainKeys.findIndex((x) => x.k === k)).filter((i) => i >= 0)));
    windowKeys = plainKeys.map((x) => x.k);
  } else {
    const grouped = sets.length > 1;
    const fields: BoundField[] = keyBound.map((b, k) => ({ name: keyName(keyAsts[k] as Expr, k), type: grouped ? withNullable(b.type, true) : b.type }));
    keyBound.forEach((b, k) => refs.push({ ast: keyAsts[k] as Expr, bound: b, ref: { kind: 'input', index: k, type: (fields[k] as BoundField).type } }));
    if (grouped) fields.push({ name: '$e', type: { kind: 'BIGINT', nullable: false }, hidden: true });
    aggs.forEach((a, i) => fields.push({ name: `EXPR$${fields.length + i}`, type: a.type }));
    rel = {
      kind: 'aggregate', input: input.rel, keys: keyBound, aggregates: aggs, ...(grouped ? { groupingSets: setIdx } : {}),
      ...(ttl === undefined ? {} : { stateTtlMs: ttl }), fields,
    };
  }
  const aggBase = tvf === undefined ? keyBound.length + (sets.length > 1 ? 1 : 0) : refs.length - 3;
  const keyCount = windowKeys?.length ?? keyBound.length;
  const grouping: GroupingContext = {
    keyCount, eIndex: windowKeys === undefined ? keyCount : rel.fields.length - 1, grouped: sets.length > 1, file: cx.file,
    keyOf: (e) => {
      const b = bindExpr(e, keyCx);
      const k = keyBound.findIndex((kb, i) => sameKey(kb, keyAsts[i] as Expr, b, e));
      const pos = windowKeys === undefined ? k : windowKeys.indexOf(k);
      return pos < 0 ? undefined : pos;
    },
  };
  const outCx: ExprContext = { ...cx, rewrite: (x) => {
    const g = bindGroupingFunction(x, grouping);
    if (g !== undefined) return g;
    if (isGroupAggregate(x)) {
      const i = calls.findIndex((c) => sameAst(c, x));
      const a = aggs[i];
      if (a !== undefined) return { kind: 'input', index: aggBase + i, type: a.type };
    }
    if (x.kind !== 'NumericLiteral' && x.kind !== 'StringLiteral') {
      const hit = refs.find((r) => sameAst(r.ast, x) || (x.kind === 'Identifier' && r.bound.kind === 'input' && resolvesTo(x, r.bound.index, input.scope)));
      if (hit !== undefined) return hit.ref;
    }
    if (x.kind === 'Identifier') throw new BindError(validationError(x.range, `Expression '${printExpression(x)}' is not being grouped`, { file: cx.file }));
    return undefined;
  } };
  let having: BoundExpr | undefined;
  if (s.having !== undefined) {
    having = bindExpr(s.having, outCx);
    if (having.type.kind !== 'BOOLEAN') throw new BindError(validationError(s.having.range, `HAVING clause must be a condition, got ${printType(having.type)}`, { file: cx.file }));
    // A window aggregate is append-only: its HAVING is a filter on the emitted rows.
    if (rel.kind === 'aggregate') rel = { ...rel, having };
  }
  const after = rel.kind !== 'aggregate' ? having : undefined;
  const project: BoundExpr[] = [];
  const fields: BoundField[] = [];
  const used = new Set<string>();
  s.items.forEach((item, i) => {
    if (item.expr.kind === 'Star') {
      for (const f of input.scope.star(item.expr.qualifier, item.expr)) {
        const e = bindExpr({ kind: 'Identifier', names: [f.name], range: item.expr.range }, outCx);
        project.push(e);
        fields.push({ name: unique(f.name, used), type: e.type });
      }
      return;
    }
    const e = bindExpr(item.expr, outCx);
    project.push(e);
    fields.push({ name: unique(item.alias ?? defaultName(item.expr, i), used), type: e.type });
  });
  return { kind: 'calc', input: rel, project, ...(after === undefined ? {} : { filter: after }), fields };
}

/** SELECT DISTINCT: a GROUP BY on every column of the projected relation. */
export function distinctOf(rel: LogicalRel): LogicalRel {
  const keys: BoundExpr[] = rel.fields.map((f, i) => ({ kind: 'input', index: i, type: f.type }));
  return { kind: 'aggregate', input: rel, keys, aggregates: [], fields: rel.fields };
}

function sameKey(a: BoundExpr, aAst: Expr, b: BoundExpr, bAst: Expr): boolean {
  if (a.kind === 'input' && b.kind === 'input') return a.index === b.index;
  return sameAst(aAst, bAst);
}

function resolvesTo(id: Extract<Expr, { kind: 'Identifier' }>, index: number, scope: Scope): boolean {
  try {
    const r = scope.resolve(id);
    return r.rest.length === 0 && r.field.index === index;
  } catch {
    return false;
  }
}

function refsAtLeast(e: BoundExpr, width: number): boolean {
  switch (e.kind) {
    case 'input': return e.index >= width;
    case 'literal': return false;
    case 'call': return e.args.some((a) => refsAtLeast(a, width));
    case 'field': return refsAtLeast(e.target, width);
    case 'case': return e.whens.some((w) => refsAtLeast(w.when, width) || refsAtLeast(w.then, width)) || refsAtLeast(e.otherwise, width);
  }
}

/** The grouping sets of a GROUP BY clause (one set without GROUPING SETS / ROLLUP / CUBE). */
function groupingSets(items: readonly GroupItem[]): Expr[][] {
  let acc: Expr[][] = [[]];
  for (const item of items) {
    const alts = setsOf(item);
    acc = acc.flatMap((a) => alts.map((b) => [...a, ...b]));
  }
  return acc;
}

function setsOf(item: GroupItem): Expr[][] {
  switch (item.kind) {
    case 'EmptyGrouping': return [[]];
    case 'GroupingSets': return item.sets.flatMap(setsOf);
    case 'Rollup': return item.exprs.map((_, i) => item.exprs.slice(0, item.exprs.length - i)).concat([[]]);
    case 'Cube': {
      const n = item.exprs.length;
      const out: Expr[][] = [];
      for (let m = (1 << n) - 1; m >= 0; m--) out.push(item.exprs.filter((_, i) => (m & (1 << (n - 1 - i))) !== 0));
      return out;
    }
    case 'RowConstructor': return [[...item.fields]];
    default: return [[item]];
  }
}

function keyName(e: Expr, i: number): string {
  if (e.kind === 'Identifier') return e.names[e.names.length - 1] ?? `$f${i}`;
  return `$f${i}`;
}

