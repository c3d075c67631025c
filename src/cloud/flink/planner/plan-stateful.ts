/**
 * Stateful logical relations → physical nodes: group aggregate, window aggregate, Top-N / dedup
 * (ROW_NUMBER = 1 ordered by a time attribute), OVER aggregate. Each node's changelog mode and
 * upsert key are derived here, as Flink's planner does:
 *   group aggregate  [I,UB,UA] (+D with HAVING or an updating input), upsert key = group keys
 *   window aggregate [I] (emitted once per window when the watermark passes window_time)
 *   deduplicate      keep-first on proctime [I]; otherwise [I,UB,UA]; upsert key = partition keys
 *   Top-N            [I,UB,UA,D] with the rank output (upsert key = partition keys + rank), else [I,D]
 *   OVER aggregate   [I]; needs an insert-only input
 * State TTL: a STATE_TTL hint on the query, else the statement's `sql.state-ttl` property.
 */
import { errorDiag } from '../../../shared/index.js';
import type { BoundAggregate, BoundExpr, BoundOrderKey, LogicalRel } from '../binder/index.js';
import { compileComparator, isProctimeAttribute, isRowtimeAttribute, isTimeAttribute } from '../types/index.js';
import { isProctimeWindowed } from './plan-proctime.js';
import type { KeyFn, PhysicalNode, PlannedAggregate, WindowingSpec } from './types.js';
import { compileExpr, compilePredicate, compileProjection, printBound } from './compile-expr.js';
import { isInsertOnly } from './changelog-mode.js';
import type { PlanContext } from './plan-query.js';
import { parseDurationMs } from '../binder/index.js';

type Rel<K extends LogicalRel['kind']> = Extract<LogicalRel, { kind: K }>;

/**
 * Whether a GROUP BY folds each input batch per key before emitting. `table.exec.mini-batch.enabled`
 * decides when set. Unset: fold (fewer updates, the same final table) unless there is a HAVING,
 * whose transient rows are observable downstream as inserts and tombstones (the shoe-store
 * "every 10th pair free" promotion appears at the 10th order and goes at the 11th): then one change
 * per input row, as Flink without mini-batch.
 */
function miniBatchOf(cx: PlanContext, having: boolean): boolean {
  const v = cx.properties['table.exec.mini-batch.enabled']?.trim().toLowerCase();
  return v === undefined ? !having : v === 'true';
}

/** GROUP BY / global aggregation / DISTINCT. */
export function groupAggregateNode(rel: Rel<'aggregate'>, input: PhysicalNode, cx: PlanContext): PhysicalNode {
  const aggregates = rel.aggregates.map(plannedAggregate);
  const grouped = rel.groupingSets !== undefined;
  const keys = rel.keys.map((_, i) => i);
  const changelog = isInsertOnly(input.changelog) && rel.having === undefined ? ['I', 'UB', 'UA'] as const : ['I', 'UB', 'UA', 'D'] as const;
  const ttl = rel.stateTtlMs ?? stateTtl(cx);
  const base = {
    id: cx.id('group-aggregate'), kind: 'group-aggregate' as const, input, aggregates, changelog, fields: rel.fields,
    upsertKey: grouped ? [...keys, keys.length] : keys,
    groupText: rel.keys.map((k) => printBound(k, input.fields)), aggText: rel.aggregates.map((a) => a.text),
    ...(rel.having === undefined ? {} : { having: compilePredicate(rel.having) }),
    ...(ttl === undefined ? {} : { stateTtlMs: ttl }),
    miniBatch: miniBatchOf(cx, rel.having !== undefined),
  };
  if (rel.groupingSets !== undefined) {
    const full = compileProjection(rel.keys);
    // $e: bit i set when key i is absent; a repeated set adds 2^keys per earlier copy (GROUP_ID()).
    const seen = new Map<number, number>();
    const sets = rel.groupingSets.map((set) => {
      const absent = rel.keys.map((_, i) => !set.includes(i));
      let bits = 0;
      absent.forEach((a, i) => { if (a) bits += 2 ** i; });
      const dup = seen.get(bits) ?? 0;
      seen.set(bits, dup + 1);
      const groupingId = bits + dup * 2 ** rel.keys.length;
      const key: KeyFn = (row) => { const k = full(row); return k.map((v, i) => (absent[i] === true ? null : v)); };
      return { key, groupingId };
    });
    return { ...base, groupingSets: sets };
  }
  return rel.keys.length === 0 ? base : { ...base, key: compileProjection(rel.keys) };
}

/** GROUP BY window_start, window_end (+ keys) over a window TVF. */
export function windowAggregateNode(rel: Rel<'window-aggregate'>, input: PhysicalNode, cx: PlanContext): PhysicalNode {
  if (rel.window.kind === 'session' && !isInsertOnly(input.changelog)) {
    cx.diagnostics.push(errorDiag('flink-updating-input', `StreamPhysicalWindowAggregate doesn't support consuming update and delete changes which is produced by node ${input.kind}`));
  }
  const time = rel.input.fields[rel.timeIndex]?.type;
  return {
    kind: 'window-aggregate', id: cx.id('window-aggregate'), input, window: rel.window, rowtime: rowtimeOf({ kind: 'input', index: rel.timeIndex, type: time ?? { kind: 'TIMESTAMP', precision: 3, nullable: false } }),
    aggregates: rel.aggregates.map(plannedAggregate), changelog: ['I'], fields: rel.fields,
    groupText: rel.keys.map((k) => printBound(k, input.fields)), aggText: rel.aggregates.map((a) => a.text),
    ...(rel.keys.length === 0 ? {} : { key: compileProjection(rel.keys) }), ...(time !== undefined && isProctimeAttribute(time) ? { proctime: true as const } : {}),
  };
}

/** A bare TUMBLE/HOP/CUMULATE/SESSION TVF over an insert-only input (SESSION holds rows until their session closes). */
export function windowTvfNode(rel: Rel<'window-tvf'>, input: PhysicalNode, cx: PlanContext): PhysicalNode {
  if (!isInsertOnly(input.changelog)) {
    cx.diagnostics.push(errorDiag('flink-updating-input', `StreamPhysicalWindowTableFunction doesn't support consuming update and delete changes which is produced by node ${input.kind}`));
  }
  const time = rel.input.fields[rel.timeIndex]?.type ?? { kind: 'TIMESTAMP' as const, precision: 3, nullable: false };
  const partitionKey = rel.window.kind === 'session' && rel.partitionKeys.length > 0 ? { partitionKey: compileProjection(rel.partitionKeys) } : {};
  return { kind: 'window-tvf', id: cx.id('window-tvf'), input, window: rel.window, rowtime: rowtimeOf({ kind: 'input', index: rel.timeIndex, type: time }), changelog: ['I'], fields: rel.fields, ...partitionKey };
}

/**
 * ROW_NUMBER/RANK/DENSE_RANK with a rank range: window Top-N / deduplication when partitioned by
 * window_start and window_end; deduplication when it keeps the first/last row per key by time;
 * else Top-N. `plan` plans an input relation (a window TVF under a window Top-N is applied by the
 * Top-N itself).
 */
export function rankNode(rel: Rel<'rank'>, cx: PlanContext, plan: (r: LogicalRel) => PhysicalNode): PhysicalNode {
  if (rel.rankEnd === Number.POSITIVE_INFINITY) {
    cx.diagnostics.push(errorDiag('flink-rank-without-filter', `not supported yet: ${rel.fn} without a filter on the rank (e.g. WHERE rn <= 10) in the enclosing query`));
  }
  const windowed = windowRankNode(rel, cx, plan);
  if (windowed !== undefined) return windowed;
  const input = plan(rel.input);
  const keyIdx = rel.partitionKeys.map((k) => (k.kind === 'input' ? k.index : -1));
  const plainKeys = keyIdx.every((i) => i >= 0);
  const partitionText = rel.partitionKeys.map((k) => printBound(k, input.fields));
  const ttl = rel.stateTtlMs ?? stateTtl(cx);
  const o = rel.order[0];
  const timeOrdered = o !== undefined && rel.order.length === 1 && o.expr.kind === 'input' && isTimeAttribute(o.expr.type);
  if (rel.fn === 'ROW_NUMBER' && rel.rankStart === 1 && rel.rankEnd === 1 && timeOrdered && isInsertOnly(input.changelog) && o !== undefined) {
    // On processing time the order is arrival: keeping the first row is append-only (Flink).
    const proctime = isProctimeAttribute(o.expr.type);
    return {
      kind: 'deduplicate', id: cx.id('deduplicate'), input, key: compileProjection(rel.partitionKeys), keep: o.descending ? 'last' : 'first',
      ...(proctime ? { order: 'proctime' as const } : { order: 'rowtime' as const, rowtime: rowtimeOf(o.expr) }), outputRank: rel.outputRank,
      changelog: proctime && !o.descending ? ['I'] : ['I', 'UB', 'UA'], fields: rel.fields,
      ...(plainKeys ? { upsertKey: keyIdx } : {}), partitionText, ...(ttl === undefined ? {} : { stateTtlMs: ttl }),
    };
  }
  return {
    kind: 'rank', id: cx.id('rank'), input, order: comparator(rel.order), fn: rel.fn, rankStart: rel.rankStart, rankEnd: rel.rankEnd,
    outputRank: rel.outputRank, insertOnly: isInsertOnly(input.changelog), fields: rel.fields,
    changelog: rel.outputRank ? ['I', 'UB', 'UA', 'D'] : ['I', 'D'],
    ...(rel.outputRank && plainKeys ? { upsertKey: [...keyIdx, rel.fields.length - 1] } : {}),
    ...(rel.partitionKeys.length === 0 ? {} : { partitionKey: compileProjection(rel.partitionKeys) }),
    partitionText, orderText: rel.order.map((k) => `${printBound(k.expr, input.fields)} ${k.descending ? 'DESC' : 'ASC'}`),
  };
}

/** A window Top-N / window deduplication, when the rank is partitioned by window_start and window_end. */
function windowRankNode(rel: Rel<'rank'>, cx: PlanContext, plan: (r: LogicalRel) => PhysicalNode): PhysicalNode | undefined {
  const fields = rel.input.fields;
  const named = (name: string): number => rel.partitionKeys.findIndex((k) => k.kind === 'input' && fields[k.index]?.name === name);
  const ws = named('window_start');
  const we = named('window_end');
  if (ws < 0 || we < 0 || rel.rankEnd === Number.POSITIVE_INFINITY) return undefined;
  const startIdx = (rel.partitionKeys[ws] as BoundExpr & { kind: 'input' }).index;
  const endIdx = (rel.partitionKeys[we] as BoundExpr & { kind: 'input' }).index;
  const tvf = rel.input.kind === 'window-tvf' && rel.input.window.kind !== 'session' ? rel.input : undefined;
  const input = plan(tvf === undefined ? rel.input : tvf.input);
  if (!isInsertOnly(input.changelog)) {
    cx.diagnostics.push(errorDiag('flink-updating-input', `StreamPhysicalWindowRank doesn't support consuming update and delete changes which is produced by node ${input.kind}`));
  }
  const windowing: WindowingSpec = tvf !== undefined
    ? { kind: 'tvf', window: tvf.window, rowtime: rowtimeOf({ kind: 'input', index: tvf.timeIndex, type: tvf.input.fields[tvf.timeIndex]?.type ?? { kind: 'TIMESTAMP', precision: 3, nullable: false } }) }
    : { kind: 'columns', start: (row) => row[startIdx] as number, end: (row) => row[endIdx] as number };
  const rest = rel.partitionKeys.filter((_, i) => i !== ws && i !== we);
  const partitionText = rel.partitionKeys.map((k) => printBound(k, fields));
  const o = rel.order[0];
  if (isProctimeWindowed(rel.input)) { // Flink's window rank and dedup are event-time only
    const dedup = rel.fn === 'ROW_NUMBER' && rel.rankStart === 1 && rel.rankEnd === 1 && o !== undefined && rel.order.length === 1 && isTimeAttribute(o.expr.type);
    cx.diagnostics.push(errorDiag('flink-not-supported', `Processing time Window ${dedup ? 'Deduplication' : 'TopN'} is not supported yet.`));
  }
  const base = { input, windowing, fields: rel.fields, changelog: ['I'] as const, partitionText };
  if (rel.fn === 'ROW_NUMBER' && rel.rankStart === 1 && rel.rankEnd === 1 && !rel.outputRank && o !== undefined && rel.order.length === 1
    && o.expr.kind === 'input' && isRowtimeAttribute(o.expr.type) && (tvf === undefined || o.expr.index < tvf.input.fields.length)) {
    return {
      kind: 'window-deduplicate', id: cx.id('window-deduplicate'), ...base, keep: o.descending ? 'last' : 'first', rowtime: rowtimeOf(o.expr),
      ...(rest.length === 0 ? {} : { key: compileProjection(rest) }),
    };
  }
  return {
    kind: 'window-rank', id: cx.id('window-rank'), ...base, order: comparator(rel.order), fn: rel.fn, rankStart: rel.rankStart, rankEnd: rel.rankEnd,
    outputRank: rel.outputRank, ...(rest.length === 0 ? {} : { partitionKey: compileProjection(rest) }),
    orderText: rel.order.map((k) => `${printBound(k.expr, fields)} ${k.descending ? 'DESC' : 'ASC'}`),
  };
}

/** agg(...) OVER (PARTITION BY … ORDER BY rowtime ROWS|RANGE … PRECEDING). */
export function overNode(rel: Rel<'over'>, input: PhysicalNode, cx: PlanContext): PhysicalNode {
  if (!isInsertOnly(input.changelog)) {
    const node = rel.sortKeys === undefined ? 'StreamPhysicalOverAggregate' : 'StreamPhysicalTemporalSort';
    cx.diagnostics.push(errorDiag('flink-updating-input', `${node} doesn't support consuming update and delete changes which is produced by node ${input.kind}`));
  }
  const time = rel.input.fields[rel.timeIndex]?.type ?? { kind: 'TIMESTAMP' as const, precision: 3, nullable: false };
  const sort = rel.sortKeys === undefined ? {} : {
    ...(rel.sortKeys.length === 0 ? {} : { tieOrder: comparator(rel.sortKeys) }),
    sortText: [`${printBound({ kind: 'input', index: rel.timeIndex, type: time }, input.fields)} ASC`, ...rel.sortKeys.map((k) => `${printBound(k.expr, input.fields)} ${k.descending ? 'DESC' : 'ASC'}`)],
  };
  return {
    ...sort,
    kind: 'over', id: cx.id('over'), input, rowtime: rowtimeOf({ kind: 'input', index: rel.timeIndex, type: time }), frame: rel.frame,
    ...(isProctimeAttribute(time) ? { proctime: true as const } : {}),
    aggregates: rel.aggregates.map(plannedAggregate), changelog: ['I'], fields: rel.fields,
    ...(rel.partitionKeys.length === 0 ? {} : { partitionKey: compileProjection(rel.partitionKeys) }),
    partitionText: rel.partitionKeys.map((k) => printBound(k, input.fields)), aggText: rel.aggregates.map((a) => a.text),
  };
}

function stateTtl(cx: PlanContext): number | undefined {
  const v = cx.properties['sql.state-ttl'];
  if (v === undefined) return undefined;
  const ms = parseDurationMs(v);
  if (ms === undefined) cx.diagnostics.push(errorDiag('flink-invalid-option', `Invalid value for property 'sql.state-ttl': '${v}'. Use a duration such as '1 h' or '36000000 ms'.`));
  return ms === 0 ? undefined : ms;
}

/** A bound aggregate → the closures the operators take. */
export function plannedAggregate(a: BoundAggregate): PlannedAggregate {
  return {
    fn: a.fn, distinct: a.distinct,
    ...(a.arg === undefined ? {} : { arg: compileExpr(a.arg), argType: a.argType ?? a.arg.type }),
    ...(a.onNull === undefined ? {} : { onNull: a.onNull }),
    ...(a.filter === undefined ? {} : { filter: compilePredicate(a.filter) }),
    ...(a.separator === undefined ? {} : { separator: a.separator }),
    ...(a.ignoreNulls === true ? { ignoreNulls: true } : {}),
    ...(a.lag === undefined ? {} : { lag: a.lag }),
  };
}

/** The rowtime of a row as epoch millis (NaN for NULL, which the operators reject). */
function rowtimeOf(e: BoundExpr): (row: unknown[]) => number {
  const f = compileExpr(e);
  return (row) => { const v = f(row); return typeof v === 'number' ? v : Number.NaN; };
}

/** ORDER BY keys → a row comparator (NULLS FIRST/LAST as declared). */
function comparator(order: readonly BoundOrderKey[]): (a: unknown[], b: unknown[]) => number {
  const keys = order.map((k) => ({ f: compileExpr(k.expr), cmp: compileComparator(k.expr.type), desc: k.descending, nullsFirst: k.nullsFirst }));
  return (a, b) => {
    for (const k of keys) {
      const x = k.f(a);
      const y = k.f(b);
      let c: number;
      if (x === null || y === null) c = x === y ? 0 : (x === null) === k.nullsFirst ? -1 : 1;
      else c = k.desc ? -k.cmp(x, y) : k.cmp(x, y);
      if (c !== 0) return c;
    }
    return 0;
  };
}
