/**
 * `FROM t MATCH_RECOGNIZE (…)` → a `match-recognize` relation (ONE ROW PER MATCH, as Flink).
 *
 * DEFINE and MEASURES expressions read the match, not one row. Before binding, each match reference
 * in them is replaced by a slot — `A.x`, an unqualified column, PREV / FIRST / LAST, COUNT / SUM /
 * AVG / MIN / MAX over a variable's column or an expression of its columns, MATCH_NUMBER(), CLASSIFIER(),
 * MATCH_ROWTIME() — and the expression is bound over
 * the row of slot values; the planner evaluates the slots against the runtime's match context.
 * Running semantics: in DEFINE of X, `X.x` is the row being classified.
 */
import type { Expr, MatchRecognize, Pattern, Range, TableRef } from '../sql/index.js';
import { printExpression } from '../sql/index.js';
import { isProctimeAttribute, isRowtimeAttribute, isTimeAttribute, timestampLtzType, timestampType, withNullable, withoutTimeAttribute } from '../types/index.js';
import type { LogicalType } from '../types/index.js';
import type { BoundExpr, BoundField, BoundMatchExpr, BoundOrderKey, BoundPattern, BoundSkip, LogicalRel, MatchSlot } from './types.js';
import { Scope } from './scope.js';
import type { ScopeField } from './scope.js';
import { bindExpr } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { BindError, notSupportedYet, validationError } from './sql-error.js';

interface From { readonly rel: LogicalRel; readonly scope: readonly ScopeField[] }

/** What binding MATCH_RECOGNIZE needs from the query binder. */
export interface MatchContext {
  readonly file: string;
  readonly bindFrom: (t: TableRef) => From;
  readonly exprContext: (scope: Scope) => ExprContext;
}

const AGGREGATES = new Set(['COUNT', 'SUM', 'AVG', 'MIN', 'MAX']);
const SUMMABLE = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'FLOAT', 'DOUBLE']);

/** Binds a MATCH_RECOGNIZE table reference. */
export function bindMatchRecognize(m: MatchRecognize, cx: MatchContext): From {
  const fail = (range: Range, reason: string): never => { throw new BindError(validationError(range, reason, { file: cx.file })); };
  if (m.rowsPerMatch === 'ALL ROWS PER MATCH') fail(m.range, 'All rows per match mode is not supported yet.');
  const input = cx.bindFrom(m.input);
  const ecx = cx.exprContext(new Scope(input.scope, cx.file));
  const partitionKeys = m.partitionBy.map((p) => bindExpr(p, ecx));
  const [first, ...rest] = m.orderBy;
  const time = first === undefined ? undefined : bindExpr(first.expr, ecx);
  if (first === undefined || time === undefined || time.kind !== 'input' || !isTimeAttribute(time.type) || first.direction === 'DESC') {
    return fail(first?.range ?? m.range, 'You must specify either rowtime or proctime for order by as the first one.');
  }
  const order: BoundOrderKey[] = rest.map((o) => {
    const descending = o.direction === 'DESC';
    return { expr: bindExpr(o.expr, ecx), descending, nullsFirst: o.nulls === undefined ? !descending : o.nulls === 'FIRST' };
  });
  const variables = new Set<string>();
  const pattern = patternOf(m.pattern, variables);
  const define: Record<string, BoundMatchExpr> = {};
  for (const d of m.define) {
    if (!variables.has(d.name)) fail(d.range, `Variable '${d.name}' is defined but not used in PATTERN`);
    const b = matchExpr(d.condition, { input, variables, define: true, timeIndex: time.index, proctime: isProctimeAttribute(time.type), cx });
    if (b.expr.type.kind !== 'BOOLEAN' && b.expr.type.kind !== 'NULL') fail(d.condition.range, `DEFINE condition of '${d.name}' must be a condition`);
    define[d.name] = b;
  }
  const measures = m.measures.map((item) => matchExpr(item.expr, { input, variables, define: false, timeIndex: time.index, proctime: isProctimeAttribute(time.type), cx }));
  const used = new Set<string>();
  const fields: BoundField[] = [];
  const named = (name: string, type: LogicalType): void => {
    if (used.has(name)) fail(m.range, `Duplicate column name '${name}' in MATCH_RECOGNIZE output`);
    used.add(name);
    fields.push({ name, type });
  };
  m.partitionBy.forEach((p, i) => named(p.kind === 'Identifier' ? p.names[p.names.length - 1] ?? `EXPR$${i}` : `EXPR$${i}`, (partitionKeys[i] as BoundExpr).type));
  m.measures.forEach((item, i) => {
    if (item.alias === undefined) fail(item.range, 'A MEASURES expression needs an alias (AS name)');
    named(item.alias ?? '', (measures[i] as BoundMatchExpr).expr.type);
  });
  const skip = skipOf(m, variables, fail);
  const withinMs = m.within === undefined ? undefined : intervalMs(m.within, ecx, fail);
  const maxPrevOffset = Math.max(1, ...[...Object.values(define), ...measures].flatMap((b) => b.slots).map((s) => (s.kind === 'column' && s.nav === 'prev' ? s.offset : 1)));
  const rel: LogicalRel = {
    kind: 'match-recognize', input: input.rel, partitionKeys, timeIndex: time.index, order, pattern, define, measures, skip,
    ...(withinMs === undefined ? {} : { withinMs }), maxPrevOffset, fields, range: m.range,
  };
  const qualifier = m.alias?.name;
  return { rel, scope: fields.map((f, index) => ({ ...(qualifier === undefined ? {} : { qualifier }), name: f.name, type: f.type, index, hidden: false })) };
}

function patternOf(p: Pattern, vars: Set<string>): BoundPattern {
  switch (p.kind) {
    case 'PatternVar': vars.add(p.name); return { kind: 'var', name: p.name };
    case 'PatternSeq': return { kind: 'concat', items: p.items.map((i) => patternOf(i, vars)) };
    case 'PatternAlt': return { kind: 'alt', options: p.alternatives.map((a) => patternOf(a, vars)) };
    case 'PatternQuantified': return { kind: 'quantified', node: patternOf(p.pattern, vars), min: p.min, max: p.max ?? null, reluctant: p.reluctant };
  }
}

function skipOf(m: MatchRecognize, vars: ReadonlySet<string>, fail: (r: Range, s: string) => never): BoundSkip {
  const a = m.afterMatch;
  if (a === undefined || a.kind === 'PAST LAST ROW') return { kind: 'past-last-row' };
  if (a.kind === 'TO NEXT ROW') return { kind: 'to-next-row' };
  const v = a.variable ?? '';
  if (!vars.has(v)) fail(m.range, `Unknown pattern variable '${v}' in AFTER MATCH SKIP`);
  return a.kind === 'TO FIRST' ? { kind: 'to-first', variable: v } : { kind: 'to-last', variable: v };
}

function intervalMs(e: Expr, ecx: ExprContext, fail: (r: Range, s: string) => never): number {
  const b = bindExpr(e, ecx);
  if (b.kind !== 'literal' || b.type.kind !== 'INTERVAL_DAY_TIME' || typeof b.value !== 'number') return fail(e.range, 'WITHIN needs an interval literal');
  return b.value;
}

interface SlotOptions {
  readonly input: From;
  readonly variables: ReadonlySet<string>;
  /** DEFINE (PREV allowed, unqualified = current row) or MEASURES. */
  readonly define: boolean;
  /** The input's time attribute column (MATCH_ROWTIME, MATCH_PROCTIME). */
  readonly timeIndex: number;
  /** ORDER BY a processing-time attribute. */
  readonly proctime: boolean;
  readonly cx: MatchContext;
}

/** Replaces match references by slots and binds the rest over the slot row. */
function matchExpr(e: Expr, o: SlotOptions): BoundMatchExpr {
  const slots: MatchSlot[] = [];
  const types: LogicalType[] = [];
  const slot = (s: MatchSlot, type: LogicalType, range: Range): Expr => {
    const key = JSON.stringify(s);
    let i = slots.findIndex((x) => JSON.stringify(x) === key);
    if (i < 0) { i = slots.length; slots.push(s); types.push(type); }
    return { kind: 'Identifier', names: [`$slot${i}`], range } as Expr;
  };
  const fail = (range: Range, reason: string): never => { throw new BindError(validationError(range, reason, { file: o.cx.file })); };
  const column = (id: Expr, nav: 'current' | 'last' | 'first' | 'prev', offset: number): Expr => {
    if (id.kind !== 'Identifier') return fail(id.range, `${nav.toUpperCase()} needs a column reference`);
    const [a = '', b] = id.names;
    const variable = b !== undefined && o.variables.has(a) ? a : undefined;
    const name = variable === undefined ? a : b ?? '';
    const f = o.input.scope.find((x) => x.name === name && x.shadowed !== true);
    if (f === undefined) return fail(id.range, `Column '${name}' not found in any table`);
    // `X.col` is LAST(X.col); an unqualified column is the row being classified (DEFINE) or the last row (MEASURES).
    const n = nav === 'current' && (variable !== undefined || !o.define) ? 'last' : nav;
    return slot({ kind: 'column', nav: n, ...(variable === undefined ? {} : { variable }), offset, column: f.index }, withNullable(withoutTimeAttribute(f.type), true), id.range);
  };
  const offsetOf = (x: Expr | undefined, dflt: number): number => {
    if (x === undefined) return dflt;
    if (x.kind === 'NumericLiteral' && /^\d+$/.test(x.text)) return Number(x.text);
    return fail(x.range, 'The offset of a navigation function must be a non-negative integer literal');
  };
  const rewrite = (x: unknown): unknown => {
    if (Array.isArray(x)) return x.map(rewrite);
    if (x === null || typeof x !== 'object') return x;
    const n = x as Expr;
    if (n.kind === 'Identifier' && 'names' in n) return column(n, 'current', 0);
    if (n.kind === 'FunctionCall') {
      const name = (n.name[n.name.length - 1] ?? '').toUpperCase();
      const [arg, off] = n.args;
      if (name === 'PREV') {
        if (!o.define) fail(n.range, 'PREV is only allowed in DEFINE');
        return column(arg ?? n, 'prev', offsetOf(off, 1));
      }
      if (name === 'LAST' || name === 'FIRST') return column(arg ?? n, name === 'LAST' ? 'last' : 'first', offsetOf(off, 0));
      // NEXT looks ahead by physical rows, which Flink refuses; NEXT(x, 0) is the row itself.
      if (name === 'NEXT') return offsetOf(off, 1) === 0 ? column(arg ?? n, 'current', 0) : fail(n.range, 'Flink does not support physical offsets within partition.');
      if (name === 'MATCH_ROWTIME') return matchRowtime(arg, n.range);
      if (name === 'MATCH_PROCTIME') return matchProctime(arg, n.range);
      if (name === 'MATCH_NUMBER') return slot({ kind: 'match-number' }, { kind: 'BIGINT', nullable: false }, n.range);
      if (name === 'CLASSIFIER') return slot({ kind: 'classifier' }, { kind: 'VARCHAR', length: 2147483647, nullable: false }, n.range);
      if (AGGREGATES.has(name) && n.args.length === 1 && arg !== undefined) return aggregate(name as 'COUNT', arg, n.range);
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(n)) out[k] = k === 'range' ? v : rewrite(v);
    return out;
  };
  const aggregate = (fn: 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX', arg: Expr, range: Range): Expr => {
    if (arg.kind === 'Star') {
      const q = arg.qualifier?.[arg.qualifier.length - 1];
      if (fn !== 'COUNT') fail(range, `${fn}(*) is not allowed`);
      const count: LogicalType = { kind: 'BIGINT', nullable: false };
      return slot({ kind: 'aggregate', fn, ...(q === undefined ? {} : { variable: q }), type: count }, count, range);
    }
    if (arg.kind !== 'Identifier') return aggregateOver(fn, arg, range);
    const [a = '', b] = arg.names;
    const variable = b !== undefined && o.variables.has(a) ? a : undefined;
    const name = variable === undefined ? a : b ?? '';
    const f = o.input.scope.find((x) => x.name === name && x.shadowed !== true);
    if (f === undefined) return fail(arg.range, `Column '${name}' not found in any table`);
    if ((fn === 'SUM' || fn === 'AVG') && !SUMMABLE.has(f.type.kind)) throw new BindError(notSupportedYet(range, `${fn} over ${f.type.kind} in MATCH_RECOGNIZE`, o.cx.file));
    const type: LogicalType = fn === 'COUNT' ? { kind: 'BIGINT', nullable: false } : withNullable(f.type, true);
    return slot({ kind: 'aggregate', fn, ...(variable === undefined ? {} : { variable }), column: f.index, type }, type, range);
  };
  /** `AVG(A.price * A.qty)`: the argument over the input row, its columns all of one variable (or none). */
  const aggregateOver = (fn: 'COUNT' | 'SUM' | 'AVG' | 'MIN' | 'MAX', arg: Expr, range: Range): Expr => {
    const vars = new Set<string>();
    const strip = (x: unknown): unknown => {
      if (Array.isArray(x)) return x.map(strip);
      if (x === null || typeof x !== 'object') return x;
      const n = x as Expr;
      if (n.kind === 'Identifier' && 'names' in n) {
        const [a = '', b] = n.names;
        if (b === undefined || !o.variables.has(a)) { vars.add(''); return n; }
        vars.add(a);
        return { ...n, names: n.names.slice(1) };
      }
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(n)) out[k] = k === 'range' ? v : strip(v);
      return out;
    };
    const stripped = strip(arg) as Expr;
    if (vars.size > 1) fail(range, `Aggregation must be applied to a single pattern variable. Malformed expression: ${printExpression(arg)}`);
    const variable = [...vars][0] || undefined;
    const bound = bindExpr(stripped, o.cx.exprContext(new Scope(o.input.scope, o.cx.file)));
    if ((fn === 'SUM' || fn === 'AVG') && !SUMMABLE.has(bound.type.kind)) throw new BindError(notSupportedYet(range, `${fn} over ${bound.type.kind} in MATCH_RECOGNIZE`, o.cx.file));
    const type: LogicalType = fn === 'COUNT' ? { kind: 'BIGINT', nullable: false } : withNullable(withoutTimeAttribute(bound.type), true);
    return slot({ kind: 'aggregate', fn, ...(variable === undefined ? {} : { variable }), arg: bound, argText: printExpression(arg), type }, type, range);
  };
  /** MATCH_ROWTIME(): the last row's rowtime as a TIMESTAMP(3) rowtime; MATCH_ROWTIME(rowtime column): of that column's type. */
  const matchRowtime = (arg: Expr | undefined, range: Range): Expr => {
    if (o.define) fail(range, 'MATCH_ROWTIME() can only be used in the MEASURES clause');
    if (o.proctime && arg === undefined) throw new BindError(notSupportedYet(range, 'MATCH_ROWTIME() in a MATCH_RECOGNIZE ordered by a proctime attribute; use MATCH_PROCTIME()', o.cx.file));
    let type: LogicalType = timestampType(3, { nullable: false, timeAttribute: 'rowtime' });
    if (arg !== undefined) {
      const f = arg.kind === 'Identifier' ? o.input.scope.find((x) => x.name === arg.names[arg.names.length - 1] && x.shadowed !== true) : undefined;
      if (f === undefined || !isRowtimeAttribute(f.type)) fail(arg.range, 'The function MATCH_ROWTIME requires argument to be a row time attribute type');
      type = (f as ScopeField).type;
    }
    return slot({ kind: 'column', nav: 'last', offset: 0, column: o.timeIndex }, type, range);
  };
  /**
   * MATCH_PROCTIME(): the match's processing time, a proctime attribute (TIMESTAMP_LTZ(3)). Here it
   * is the time its last row was read at, so it needs ORDER BY a proctime attribute.
   */
  const matchProctime = (arg: Expr | undefined, range: Range): Expr => {
    if (o.define) fail(range, 'MATCH_PROCTIME() can only be used in the MEASURES clause');
    if (arg !== undefined) fail(arg.range, 'MATCH_PROCTIME() takes no arguments');
    if (!o.proctime) throw new BindError(notSupportedYet(range, 'MATCH_PROCTIME() in a MATCH_RECOGNIZE ordered by a rowtime attribute; use MATCH_ROWTIME()', o.cx.file));
    return slot({ kind: 'column', nav: 'last', offset: 0, column: o.timeIndex }, timestampLtzType(3, { nullable: false, timeAttribute: 'proctime' }), range);
  };
  const rewritten = rewrite(e) as Expr;
  const scope = new Scope(types.map((type, index) => ({ name: `$slot${index}`, type, index, hidden: false })), o.cx.file);
  const expr = bindExpr(rewritten, o.cx.exprContext(scope));
  return { slots, expr, text: printExpression(e) };
}
