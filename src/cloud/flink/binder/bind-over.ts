/**
 * OVER in a SELECT list. A ranking function (`ROW_NUMBER() / RANK() / DENSE_RANK() OVER (PARTITION
 * BY … ORDER BY …)`) becomes a rank relation whose rank range the enclosing query's filter on it
 * sets (bind-rank-filter.ts); aggregates `agg(…) OVER (PARTITION BY … ORDER BY rowtime ROWS|RANGE
 * BETWEEN … PRECEDING AND CURRENT ROW)` become an OVER aggregate ordered by a rowtime attribute.
 * All OVER calls of one SELECT must share one window (Flink's streaming limit). LAG and the
 * batch-only functions: bind-over-functions.ts.
 */
import type { Expr, FunctionCall, Select, WindowSpec } from '../sql/index.js';
import { sameAst } from '../sql/index.js';
import { bigintType, isTimeAttribute } from '../types/index.js';
import type { BoundAggregate, BoundExpr, BoundField, BoundOrderKey, BoundOverFrame, LogicalRel } from './types.js';
import { bindExpr } from './bind-expression.js';
import type { ExprContext } from './bind-expression.js';
import { bindAggregateCall, isGroupAggregate } from './bind-aggregate-call.js';
import { stateTtlHint } from './bind-aggregate.js';
import { BindError, notSupportedYet, validationError } from './sql-error.js';
import { bindOverFunction, isOverOnlyFunction } from './bind-over-functions.js';
import { errorDiag } from '../../../shared/index.js';

const RANKING = new Set(['ROW_NUMBER', 'RANK', 'DENSE_RANK']);

/** The OVER calls of an expression tree (not inside subqueries). */
export function collectOverCalls(e: unknown, out: FunctionCall[] = []): FunctionCall[] {
  if (Array.isArray(e)) { for (const x of e) collectOverCalls(x, out); return out; }
  if (e === null || typeof e !== 'object') return out;
  const node = e as { kind?: string };
  if (node.kind === 'Query' || node.kind === 'Select') return out;
  if (node.kind === 'FunctionCall' && (e as FunctionCall).over !== undefined) { out.push(e as FunctionCall); return out; }
  for (const [k, v] of Object.entries(e)) if (k !== 'range') collectOverCalls(v, out);
  return out;
}

/** The relation that computes a SELECT's OVER calls over `input`, and the rewrite that references them. */
export function bindOverCalls(s: Select, calls: readonly FunctionCall[], input: LogicalRel, cx: ExprContext): { rel: LogicalRel; rewrite: (e: Expr) => BoundExpr | undefined } {
  const spec = windowOf(calls[0] as FunctionCall, s, cx);
  // Flink (and Confluent) streaming: every OVER call of a SELECT must use the same window.
  // Equal windows may be written differently (a named window, an explicit default frame).
  const ranked = calls.some((c) => RANKING.has(name(c)));
  const same = (w: WindowSpec): boolean => sameAst(w.partitionBy, spec.partitionBy) && sameAst(w.orderBy, spec.orderBy)
    && (ranked ? sameAst(w.frame, spec.frame) : sameAst(frameOf(w, cx), frameOf(spec, cx)));
  for (const c of calls) if (!same(windowOf(c, s, cx))) throw new BindError(errorDiag('flink-table-exception', 'All aggregates must be computed on the same window.'));
  const partitionKeys = spec.partitionBy.map((p) => bindExpr(p, cx));
  const width = input.fields.length;
  const ref = (c: FunctionCall): number => calls.findIndex((x) => sameAst(x, c));
  const rewrite = (e: Expr): BoundExpr | undefined => {
    if (e.kind !== 'FunctionCall' || e.over === undefined) return undefined;
    const i = ref(e);
    const f = rel.fields[width + i];
    return f === undefined ? undefined : { kind: 'input', index: width + i, type: f.type };
  };
  const ranking = calls.filter((c) => RANKING.has(name(c)));
  let rel: LogicalRel;
  if (ranking.length > 0) {
    const c = ranking[0] as FunctionCall;
    if (calls.length > 1) throw new BindError(notSupportedYet(c.range, 'a ranking function together with other OVER calls', cx.file));
    if (spec.orderBy.length === 0) throw new BindError(validationError(c.range, `Over Agg: The window rank function requires order by clause with non-constant fields`, { file: cx.file }));
    if (spec.frame !== undefined) throw new BindError(validationError(c.range, `ROW/RANGE not allowed with ${name(c)} function`, { file: cx.file }));
    const order: BoundOrderKey[] = spec.orderBy.map((o) => {
      const descending = o.direction === 'DESC';
      return { expr: bindExpr(o.expr, cx), descending, nullsFirst: o.nulls === undefined ? !descending : o.nulls === 'FIRST' };
    });
    const ttl = stateTtlHint(s.hints, cx.file);
    const fields: BoundField[] = [...input.fields, { name: `$rank`, type: bigintType({ nullable: false }) }];
    rel = {
      kind: 'rank', input, fn: name(c) as 'ROW_NUMBER', partitionKeys, order, rankStart: 1, rankEnd: Number.POSITIVE_INFINITY, outputRank: true,
      ...(ttl === undefined ? {} : { stateTtlMs: ttl }), fields, range: c.range,
    };
    return { rel, rewrite };
  }
  const o = spec.orderBy[0];
  if (spec.orderBy.length !== 1 || o === undefined) throw new BindError(validationError(spec.range, 'OVER windows\' ordering in stream mode must be defined on a time attribute.', { file: cx.file }));
  const time = bindExpr(o.expr, cx);
  if (time.kind !== 'input' || !isTimeAttribute(time.type)) { // rowtime, or proctime (bind-proctime.ts)
    throw new BindError(validationError(o.expr.range, 'OVER windows\' ordering in stream mode must be defined on a time attribute.', { file: cx.file }));
  }
  if (o.direction === 'DESC') throw new BindError(validationError(o.range, 'The window can only be ordered in ASCENDING mode.', { file: cx.file }));
  const frame = frameOf(spec, cx);
  const aggs: BoundAggregate[] = calls.map((c) => {
    const { over: _over, ...plain } = c;
    if (isOverOnlyFunction(name(c))) return bindOverFunction(plain, name(c), frame, cx);
    if (!isGroupAggregate(plain)) throw new BindError(notSupportedYet(c.range, `${name(c)} in OVER`, cx.file));
    return bindAggregateCall(plain, cx);
  });
  const fields: BoundField[] = [...input.fields, ...aggs.map((a, i) => ({ name: `w0$o${i}`, type: a.type }))];
  rel = { kind: 'over', input, partitionKeys, timeIndex: time.index, frame, aggregates: aggs, fields };
  return { rel, rewrite };
}

function name(c: FunctionCall): string {
  return (c.name[c.name.length - 1] ?? '').toUpperCase();
}

function windowOf(c: FunctionCall, s: Select, cx: ExprContext): WindowSpec {
  const o = c.over;
  if (o === undefined) throw new BindError(validationError(c.range, 'OVER expected', { file: cx.file }));
  if (o.kind === 'WindowSpec' && o.base === undefined) return o;
  const base = o.kind === 'WindowRef' ? o.name : o.base;
  const named = s.windows?.find((w) => w.name === base);
  if (named === undefined) throw new BindError(validationError(o.range, `Window '${base ?? ''}' not found`, { file: cx.file }));
  if (o.kind === 'WindowRef') return named.spec;
  return { ...named.spec, ...(o.partitionBy.length > 0 ? { partitionBy: o.partitionBy } : {}), ...(o.orderBy.length > 0 ? { orderBy: o.orderBy } : {}), ...(o.frame === undefined ? {} : { frame: o.frame }) };
}

function frameOf(spec: WindowSpec, cx: ExprContext): BoundOverFrame {
  const f = spec.frame;
  if (f === undefined) return { kind: 'range', preceding: Number.POSITIVE_INFINITY };
  if (f.end !== undefined && f.end.kind !== 'CURRENT ROW') throw new BindError(errorDiag('flink-table-exception', 'OVER RANGE FOLLOWING windows are not supported yet.'));
  const kind = f.unit === 'ROWS' ? 'rows' : 'range';
  switch (f.start.kind) {
    case 'UNBOUNDED PRECEDING': return { kind, preceding: Number.POSITIVE_INFINITY };
    case 'CURRENT ROW': return { kind, preceding: 0 };
    case 'PRECEDING': {
      const off = f.start.offset;
      const b: BoundExpr | undefined = off === undefined ? undefined : bindExpr(off, cx);
      if (kind === 'rows' && b?.kind === 'literal' && typeof b.value === 'number' && Number.isInteger(b.value) && b.value >= 0) return { kind, preceding: b.value };
      if (kind === 'rows' && b?.kind === 'literal' && typeof b.value === 'bigint' && b.value >= 0n) return { kind, preceding: Number(b.value) };
      if (kind === 'range' && b?.kind === 'literal' && b.type.kind === 'INTERVAL_DAY_TIME' && typeof b.value === 'number') return { kind, preceding: b.value };
      throw new BindError(validationError(spec.range, kind === 'rows' ? 'ROWS PRECEDING needs a non-negative integer literal' : 'RANGE PRECEDING over a time attribute needs an interval literal', { file: cx.file }));
    }
    default:
      if (f.start.kind.endsWith('FOLLOWING')) throw new BindError(errorDiag('flink-table-exception', 'OVER RANGE FOLLOWING windows are not supported yet.'));
      throw new BindError(notSupportedYet(spec.range, `OVER frames starting at ${f.start.kind}`, cx.file));
  }
}
