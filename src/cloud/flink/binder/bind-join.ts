/**
 * Joins in FROM → a `join` relation. The condition (ON, USING, or for comma / CROSS joins the
 * WHERE conjuncts pushed down by `pushWhereIntoJoin`) is split into equi-key pairs, the bounds of
 * an interval join (`l.t BETWEEN r.t - INTERVAL … AND r.t`, or `>=`/`<=` pairs over the two
 * rowtimes) and a residual rest. The strategy decides the output types, as in Flink: a regular
 * join drops every time attribute (its rowtimes become plain TIMESTAMP_LTZ), an interval join
 * keeps them, an event-time temporal join keeps the probe's, a window join (both sides window TVFs
 * joined on window_start and window_end) keeps them. A regular join with no equality left (cross
 * or theta join) gets an empty key from the planner; a comma join takes its keys from WHERE first.
 */
import type { Expr, Hint, Join, Range, TableName, TableRef, Unnest } from '../sql/index.js';
import { isProctimeAttribute, isRowtimeAttribute, leastRestrictive, printType, typesEqual, withNullable, withoutTimeAttribute } from '../types/index.js';
import type { BoundExpr, BoundField, BoundJoinStrategy, BoundJoinType, LogicalRel } from './types.js';
import { Scope } from './scope.js';
import type { ScopeField } from './scope.js';
import { bindExpr, call, coerce } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { BindError, notSupportedYet, validationError } from './sql-error.js';
import { parseDurationMs } from './duration.js';
import { bindUnnest } from './bind-unnest.js';
import { checkProctimeTemporalTable } from './bind-proctime.js';
import { intervalBounds, windowPairs } from './join-time-bounds.js';
import { usingColumns } from './bind-using.js';

type JoinRel = Extract<LogicalRel, { kind: 'join' }>;

/** A FROM item with the fields its SELECT can see. */
export interface JoinFrom {
  readonly rel: LogicalRel;
  readonly scope: readonly ScopeField[];
}

/** What binding a join needs from the query binder. */
export interface JoinContext {
  readonly file: string;
  readonly timeZone: string;
  /** Binds one side of the join (any FROM item). */
  readonly bindFrom: (t: TableRef) => JoinFrom;
  /** An expression context over a scope. */
  readonly exprContext: (scope: Scope) => ExprContext;
}

/** Binds `left JOIN right ON … | USING (…)`, comma and CROSS joins. */
export function bindJoin(t: Join, cx: JoinContext): JoinFrom {
  const left = cx.bindFrom(t.left);
  if (t.right.kind === 'Unnest') return unnestJoin(t, t.right, left, cx);
  const temporal = t.right.kind === 'TableName' && t.right.systemTime !== undefined ? t.right : undefined;
  const right = temporal === undefined ? cx.bindFrom(t.right) : cx.bindFrom(withoutSystemTime(temporal));
  const joinType: BoundJoinType = t.type === 'COMMA' || t.type === 'CROSS' ? 'INNER' : t.type;
  const width = left.rel.fields.length;
  let scope: ScopeField[] = [...left.scope, ...right.scope.map((f) => ({ ...f, index: f.index + width }))];
  const ecx = cx.exprContext(new Scope(scope, cx.file));
  let conjuncts: BoundExpr[] = [];
  if (t.on !== undefined) {
    const on = bindExpr(t.on, ecx);
    if (on.type.kind !== 'BOOLEAN' && on.type.kind !== 'NULL') {
      throw new BindError(validationError(t.on.range, `ON clause must be a condition, got ${printType(on.type)}`, { file: cx.file }));
    }
    conjuncts = splitAnd(on);
  }
  const using: { readonly li: number; readonly ri: number; readonly name: string }[] = [];
  for (const name of t.using ?? []) {
    const l = left.scope.find((f) => f.name === name && f.shadowed !== true);
    const r = right.scope.find((f) => f.name === name && f.shadowed !== true);
    if (l === undefined || r === undefined) {
      throw new BindError(validationError(t.range, `Column '${name}' not found in any table`, { file: cx.file }));
    }
    const li = l.index;
    const ri = r.index + width;
    if (leastRestrictive([l.type, r.type]) === undefined) {
      throw new BindError(validationError(t.range, `Column '${name}' matched using NATURAL keyword or USING clause has incompatible types in this context: '${printType(l.type)}' to '${printType(r.type)}'`, { file: cx.file }));
    }
    conjuncts.push(call('=', [{ kind: 'input', index: li, type: l.type }, { kind: 'input', index: ri, type: r.type }], t.range, ecx));
    using.push({ li, ri, name });
  }
  let time: number | undefined;
  if (temporal !== undefined) time = temporalTime(temporal, joinType, left, right.rel, cx);
  const rel = makeJoin({ joinType, left: left.rel, right: right.rel, conjuncts, range: t.range, file: cx.file, timeZone: cx.timeZone, ...(time === undefined ? {} : { temporalTime: time }) });
  scope = retyped(scope, rel.fields);
  return using.length === 0 ? { rel, scope } : usingColumns(rel, scope, using, ecx);
}

/** `CROSS JOIN UNNEST(…)`, `, UNNEST(…)`, `[INNER] JOIN UNNEST(…) ON TRUE`, `LEFT JOIN UNNEST(…) ON TRUE`. */
function unnestJoin(t: Join, u: Unnest, left: JoinFrom, cx: JoinContext): JoinFrom {
  const onTrue = t.on === undefined || (t.on.kind === 'BooleanLiteral' && t.on.value === 'TRUE');
  if ((t.type !== 'INNER' && t.type !== 'LEFT' && t.type !== 'CROSS' && t.type !== 'COMMA') || !onTrue || t.using !== undefined) {
    throw new BindError(notSupportedYet(t.range, `${t.type} JOIN UNNEST with a condition other than ON TRUE`, cx.file));
  }
  return bindUnnest(u, left, { outer: t.type === 'LEFT', exprContext: cx.exprContext, file: cx.file });
}

/**
 * WHERE over an INNER join: each conjunct moves into the lowest inner join that sees all its
 * columns (equalities become join keys there); nothing is left to filter afterwards. Any other
 * join keeps the WHERE as a filter on top.
 */
export function pushWhereIntoJoin(from: JoinFrom, where: Expr, ecx: ExprContext): { readonly from: JoinFrom; readonly filter?: BoundExpr } {
  const filter = bindExpr(where, ecx);
  if (filter.type.kind !== 'BOOLEAN' && filter.type.kind !== 'NULL') {
    throw new BindError(validationError(where.range, `WHERE clause must be a condition, got ${printType(filter.type)}`, { file: ecx.file }));
  }
  const rel = from.rel;
  if (rel.kind !== 'join' || !pushable(rel)) return { from, filter };
  const joined = pushInto(rel, splitAnd(filter), ecx);
  return { from: { rel: joined, scope: retyped(from.scope, joined.fields) } };
}

/**
 * `SELECT /*+ STATE_TTL('o' = '6h', 'c' = '2d') *\/ … FROM orders o JOIN customers c …`: state
 * retention per input of the outermost join, keyed by the inputs' table names or aliases (a
 * side that is itself a join answers to every alias inside it).
 */
export function withStateTtl(from: JoinFrom, hints: readonly Hint[], file: string): JoinFrom {
  const h = hints.find((x) => x.name.toUpperCase() === 'STATE_TTL');
  // A FULL JOIN … USING is a join under the calc of its common columns.
  const top = from.rel;
  const rel = top.kind === 'calc' && top.input.kind === 'join' ? top.input : top;
  if (h === undefined || rel.kind !== 'join') return from;
  const width = rel.left.fields.length;
  const names = (side: LogicalRel, left: boolean): Set<string> => {
    const out = new Set(from.scope.filter((f) => (f.index < width) === left).flatMap((f) => (f.qualifier === undefined ? [] : [f.qualifier])));
    let r = side;
    while (r.kind === 'calc') r = r.input;
    if (r.kind === 'scan') out.add(r.table.name);
    return out;
  };
  const left = names(rel.left, true);
  const right = names(rel.right, false);
  const ttl: { left?: number; right?: number } = {};
  for (const o of h.options) {
    const ms = parseDurationMs(o.value);
    if (ms === undefined) throw new BindError(validationError(o.range, `Invalid duration '${o.value}' in STATE_TTL hint`, { file }));
    if (left.has(o.key)) ttl.left = ms;
    else if (right.has(o.key)) ttl.right = ms;
    else throw new BindError(validationError(o.range, `The options of following hints cannot match the name of input tables or views: \n\`${o.key}\` in \`STATE_TTL\``, { file }));
  }
  const hinted: JoinRel = { ...rel, stateTtl: ttl };
  return { ...from, rel: top.kind === 'calc' && top.input === rel ? { ...top, input: hinted } : hinted };
}

function pushable(rel: LogicalRel): rel is JoinRel {
  return rel.kind === 'join' && rel.joinType === 'INNER' && rel.strategy.kind !== 'temporal';
}

function pushInto(j: JoinRel, extra: readonly BoundExpr[], ecx: ExprContext): JoinRel {
  const width = j.left.fields.length;
  const toLeft: BoundExpr[] = [];
  const toRight: BoundExpr[] = [];
  const here: BoundExpr[] = [];
  for (const c of extra) {
    const refs = inputsOf(c);
    if (refs.length > 0 && refs.every((i) => i < width) && pushable(j.left)) toLeft.push(c);
    else if (refs.length > 0 && refs.every((i) => i >= width) && pushable(j.right)) toRight.push(shift(c, -width));
    else here.push(c);
  }
  const left = toLeft.length > 0 && j.left.kind === 'join' ? pushInto(j.left, toLeft, ecx) : j.left;
  const right = toRight.length > 0 && j.right.kind === 'join' ? pushInto(j.right, toRight, ecx) : j.right;
  return makeJoin({ joinType: j.joinType, left, right, conjuncts: [...j.conjuncts, ...here], range: j.range, file: ecx.file, timeZone: ecx.evalCtx.timeZone });
}

export interface MakeJoin {
  readonly joinType: BoundJoinType;
  readonly left: LogicalRel;
  readonly right: LogicalRel;
  readonly conjuncts: readonly BoundExpr[];
  readonly range: Range;
  readonly file: string;
  readonly timeZone: string;
  /** Event-time temporal join: the probe's time attribute (a left column). */
  readonly temporalTime?: number;
}

/** Classifies a join's condition and derives its output fields. */
export function makeJoin(o: MakeJoin): JoinRel {
  const { leftKeys, rightKeys, rest: equiRest } = splitKeys(o.conjuncts, o.left.fields.length, o.timeZone);
  let rest = equiRest;
  let strategy: BoundJoinStrategy = { kind: 'regular' };
  const windowed = windowPairs(o.left, o.right, leftKeys, rightKeys);
  if (o.temporalTime === undefined && windowed !== undefined) {
    strategy = windowed.strategy;
    for (const k of windowed.drop.sort((a, b) => b - a)) { leftKeys.splice(k, 1); rightKeys.splice(k, 1); }
  } else if (o.temporalTime !== undefined) {
    const probeTime = o.left.fields[o.temporalTime]?.type;
    const proctime = probeTime !== undefined && isProctimeAttribute(probeTime);
    strategy = { kind: 'temporal', leftTime: o.temporalTime, rightTime: o.right.fields.findIndex((f) => isRowtimeAttribute(f.type)), ...(proctime ? { proctime } : {}) };
  } else {
    const interval = intervalBounds(rest, o.left.fields, o.right.fields);
    if (interval !== undefined) {
      strategy = { kind: 'interval', leftTime: interval.leftTime, rightTime: interval.rightTime, lower: interval.lower, upper: interval.upper };
      rest = rest.filter((c) => !interval.used.includes(c));
    }
  }
  const keepLeft = strategy.kind !== 'regular';
  const keepRight = strategy.kind === 'interval' || strategy.kind === 'window';
  const nullLeft = o.joinType === 'RIGHT' || o.joinType === 'FULL';
  const nullRight = o.joinType === 'LEFT' || o.joinType === 'FULL';
  const side = (fs: readonly BoundField[], keep: boolean, nullable: boolean): BoundField[] => fs.map((f) => {
    const t = keep ? f.type : withoutTimeAttribute(f.type);
    return { ...f, type: nullable ? withNullable(t, true) : t };
  });
  // Output names are made unique as Calcite does (`id`, `id0`); the SELECT's scope keeps the originals.
  const used = new Set<string>();
  const fields = [...side(o.left.fields, keepLeft, nullLeft), ...side(o.right.fields, keepRight, nullRight)].map((f) => {
    let name = f.name;
    for (let k = 0; used.has(name); k++) name = `${f.name}${k}`;
    used.add(name);
    return name === f.name ? f : { ...f, name };
  });
  return {
    kind: 'join', joinType: o.joinType, strategy, left: o.left, right: o.right, conjuncts: o.conjuncts, leftKeys, rightKeys,
    residual: rest, fields, range: o.range,
  };
}

/**
 * A join condition's conjuncts (over `[...left, ...right]`) → equi-key pairs (cast to a common type,
 * `right` over the right row) and the rest.
 */
export function splitKeys(conjuncts: readonly BoundExpr[], width: number, timeZone: string): { leftKeys: BoundExpr[]; rightKeys: BoundExpr[]; rest: BoundExpr[] } {
  const leftKeys: BoundExpr[] = [];
  const rightKeys: BoundExpr[] = [];
  const rest: BoundExpr[] = [];
  for (const c of conjuncts) {
    const pair = equiPair(c, width);
    const common = pair === undefined ? undefined : leastRestrictive([pair.left.type, pair.right.type]);
    if (pair === undefined || common === undefined) { rest.push(c); continue; }
    const t = withoutTimeAttribute(common);
    leftKeys.push(typesEqual(pair.left.type, t) ? pair.left : coerce(pair.left, t, timeZone));
    rightKeys.push(typesEqual(pair.right.type, t) ? pair.right : coerce(pair.right, t, timeZone));
  }
  return { leftKeys, rightKeys, rest };
}

/** `l = r` with one side over the left row only and the other over the right row only. */
function equiPair(c: BoundExpr, width: number): { left: BoundExpr; right: BoundExpr } | undefined {
  if (c.kind !== 'call' || c.fn.name !== '=' || c.args.length !== 2) return undefined;
  const [a, b] = c.args as [BoundExpr, BoundExpr];
  const sa = sideOf(a, width);
  const sb = sideOf(b, width);
  if (sa === 'left' && sb === 'right') return { left: a, right: shift(b, -width) };
  if (sa === 'right' && sb === 'left') return { left: b, right: shift(a, -width) };
  return undefined;
}

function sideOf(e: BoundExpr, width: number): 'left' | 'right' | 'both' | 'none' {
  const refs = inputsOf(e);
  if (refs.length === 0) return 'none';
  if (refs.every((i) => i < width)) return 'left';
  if (refs.every((i) => i >= width)) return 'right';
  return 'both';
}

/** The probe's time attribute of `… JOIN t FOR SYSTEM_TIME AS OF expr`; checks the versioned table like Flink. */
function temporalTime(t: TableName, joinType: BoundJoinType, left: JoinFrom, right: LogicalRel, cx: JoinContext): number {
  const asOf = t.systemTime as Expr;
  const fail = (reason: string, range: Range = t.range): never => { throw new BindError(validationError(range, reason, { file: cx.file })); };
  if (joinType !== 'INNER' && joinType !== 'LEFT') fail(`Temporal table join currently only supports INNER JOIN and LEFT JOIN, but was ${joinType} JOIN`);
  const time = bindExpr(asOf, cx.exprContext(new Scope(left.scope, cx.file)));
  if (time.kind === 'input' && isProctimeAttribute(time.type)) { // processing time: bind-proctime.ts
    checkProctimeTemporalTable(primaryKeyOf(right), fail);
    return time.index;
  }
  if (time.kind !== 'input' || !isRowtimeAttribute(time.type)) {
    fail('Temporal table join currently only supports \'FOR SYSTEM_TIME AS OF\' left table\'s time attribute field', asOf.range);
  }
  if (primaryKeyOf(right) === undefined) fail('Temporal Table Join requires primary key in versioned table, but no primary key can be found.');
  if (!right.fields.some((f) => isRowtimeAttribute(f.type))) {
    fail('Event-Time Temporal Table Join requires both primary key and row time attribute in versioned table, but no row time attribute can be found.');
  }
  return time.kind === 'input' ? time.index : -1;
}

/** The versioned table's primary-key columns (indexes into its fields), when the relation is a plain table read. */
export function primaryKeyOf(rel: LogicalRel): readonly number[] | undefined {
  let r: LogicalRel = rel;
  while (r.kind === 'calc') r = r.input;
  if (r.kind !== 'scan' || r.table.primaryKey === undefined) return undefined;
  const idx = r.table.primaryKey.columns.map((c) => rel.fields.findIndex((f) => f.name === c));
  return idx.length > 0 && idx.every((i) => i >= 0) ? idx : undefined;
}

function withoutSystemTime(t: TableName): TableName {
  const { systemTime: _asOf, ...plain } = t;
  return plain;
}

export function splitAnd(e: BoundExpr): BoundExpr[] {
  if (e.kind === 'call' && e.fn.name === 'AND') return e.args.flatMap(splitAnd);
  return [e];
}

/** The input columns an expression reads. */
export function inputsOf(e: BoundExpr): number[] {
  switch (e.kind) {
    case 'input': return [e.index];
    case 'literal': return [];
    case 'call': return e.args.flatMap(inputsOf);
    case 'field': return inputsOf(e.target);
    case 'case': return [...e.whens.flatMap((w) => [...inputsOf(w.when), ...inputsOf(w.then)]), ...inputsOf(e.otherwise)];
  }
}

/** Moves every input reference by `delta` (a right-side expression onto the right row). */
export function shift(e: BoundExpr, delta: number): BoundExpr {
  switch (e.kind) {
    case 'input': return { ...e, index: e.index + delta };
    case 'literal': return e;
    case 'call': return { ...e, args: e.args.map((a) => shift(a, delta)) };
    case 'field': return { ...e, target: shift(e.target, delta) };
    case 'case': return { ...e, whens: e.whens.map((w) => ({ when: shift(w.when, delta), then: shift(w.then, delta) })), otherwise: shift(e.otherwise, delta) };
  }
}

/** The scope with each field's type as the relation now outputs it. */
export function retyped(scope: readonly ScopeField[], fields: readonly BoundField[]): ScopeField[] {
  return scope.map((f) => ({ ...f, type: fields[f.index]?.type ?? f.type }));
}
