/**
 * A bound MATCH_RECOGNIZE → a `match-recognize` node: partition / time / order readers, DEFINE
 * conditions and MEASURES compiled over their slot rows, each slot read from the runtime's match
 * context. Insert-only output; the input must be insert-only (as in Flink).
 */
import type { BoundMatchExpr, LogicalRel, MatchSlot } from '../binder/index.js';
import { notSupportedYet } from '../binder/index.js';
import { compileComparator, isProctimeAttribute } from '../types/index.js';
import type { PhysicalNode, PlannedMatchRows } from './types.js';
import { compileExpr, compileProjection, printBound } from './compile-expr.js';
import { isInsertOnly } from './changelog-mode.js';
import type { PlanContext } from './plan-query.js';

type MatchRel = Extract<LogicalRel, { kind: 'match-recognize' }>;
type Row = unknown[];

/** What a slot is read from: a DEFINE context (has the current row and PREV) or a final match. */
interface SlotSource extends PlannedMatchRows {
  readonly row?: Row;
  prev?(offset?: number, variable?: string): Row | null;
  readonly matchNumber?: number;
  classifier?(index?: number): string;
}

/** Plans MATCH_RECOGNIZE over its planned input. */
export function matchRecognizeNode(rel: MatchRel, input: PhysicalNode, cx: PlanContext): PhysicalNode {
  if (!isInsertOnly(input.changelog)) {
    cx.diagnostics.push(notSupportedYet(rel.range, 'MATCH_RECOGNIZE over an updating input', cx.file));
  }
  const partition = compileProjection(rel.partitionKeys);
  const t = rel.timeIndex;
  const timeField = input.fields[t];
  const proctime = timeField !== undefined && isProctimeAttribute(timeField.type);
  const order = rel.order.length === 0 ? undefined : comparator(rel.order);
  const define: Record<string, (ctx: SlotSource & { readonly row: Row }) => boolean | null> = {};
  for (const [name, d] of Object.entries(rel.define)) {
    const f = compileMatch(d);
    define[name] = (ctx) => f(ctx) as boolean | null;
  }
  const measures = rel.measures.map(compileMatch);
  const spec = {
    partition, time: (row: Row) => { const v = row[t]; return typeof v === 'number' ? v : null; },
    ...(order === undefined ? {} : { order }), pattern: rel.pattern, define,
    measures: (m: SlotSource) => [...measures.map((f) => f(m))],
    skip: rel.skip, ...(rel.withinMs === undefined ? {} : { withinMs: rel.withinMs }), maxPrevOffset: rel.maxPrevOffset,
    ...(proctime ? { proctime } : {}),
  };
  const text = [
    `partitionBy=[${rel.partitionKeys.map((k) => printBound(k, input.fields)).join(', ')}]`,
    `orderBy=[${[input.fields[t]?.name ?? `$${t}`, ...rel.order.map((o) => printBound(o.expr, input.fields))].join(', ')}]`,
    `measures=[${rel.measures.map((m, i) => `${m.text} AS ${rel.fields[rel.partitionKeys.length + i]?.name ?? ''}`).join(', ')}]`,
    `pattern=[${patternText(rel.pattern)}]`,
    `define=[${Object.entries(rel.define).map(([k, d]) => `${k} AS ${d.text}`).join(', ')}]`,
  ];
  return { kind: 'match-recognize', id: cx.id('match-recognize'), input, spec, text, changelog: ['I'], fields: rel.fields };
}

/** A DEFINE / MEASURES expression: builds the slot row from the match, then evaluates. */
function compileMatch(b: BoundMatchExpr): (src: SlotSource) => unknown {
  const readers = b.slots.map(slotReader);
  const f = compileExpr(b.expr);
  return (src) => f(readers.map((r) => r(src)));
}

function slotReader(s: MatchSlot): (src: SlotSource) => unknown {
  switch (s.kind) {
    case 'match-number': return (src) => BigInt(src.matchNumber ?? 0);
    case 'classifier': return (src) => src.classifier?.() ?? null;
    case 'column': {
      const c = s.column;
      const v = s.variable;
      switch (s.nav) {
        case 'current': return (src) => (src.row ?? src.last())?.[c] ?? null;
        case 'last': return (src) => src.last(v, s.offset)?.[c] ?? null;
        case 'first': return (src) => src.first(v, s.offset)?.[c] ?? null;
        case 'prev': return (src) => src.prev?.(s.offset, v)?.[c] ?? null;
      }
      break;
    }
    case 'aggregate': return aggregateReader(s);
  }
}

function aggregateReader(s: Extract<MatchSlot, { kind: 'aggregate' }>): (src: SlotSource) => unknown {
  const v = s.variable;
  const c = s.column;
  const arg = s.arg === undefined ? undefined : compileExpr(s.arg);
  const read = arg ?? ((r: Row): unknown => r[c ?? 0]);
  if (s.fn === 'COUNT') {
    if (c === undefined && arg === undefined) return (src) => BigInt(src.count(v));
    return (src) => BigInt(src.rows(v).filter((r) => { const x = read(r); return x !== null && x !== undefined; }).length);
  }
  const values = (src: SlotSource): unknown[] => src.rows(v).map((r) => read(r) ?? null).filter((x) => x !== null);
  if (s.fn === 'MIN' || s.fn === 'MAX') {
    const cmp = compileComparator(s.type);
    const sign = s.fn === 'MIN' ? 1 : -1;
    return (src) => values(src).reduce<unknown>((best, x) => (best === null || sign * cmp(x, best) < 0 ? x : best), null);
  }
  const big = s.type.kind === 'BIGINT';
  const integral = big || s.type.kind === 'INTEGER' || s.type.kind === 'SMALLINT' || s.type.kind === 'TINYINT';
  return (src) => {
    const xs = values(src);
    if (xs.length === 0) return null;
    if (big) {
      const sum = (xs as bigint[]).reduce((a, x) => a + x, 0n);
      return s.fn === 'SUM' ? sum : sum / BigInt(xs.length);
    }
    const sum = (xs as number[]).reduce((a, x) => a + x, 0);
    if (s.fn === 'SUM') return sum;
    return integral ? Math.trunc(sum / xs.length) : sum / xs.length;
  };
}

function comparator(order: MatchRel['order']): (a: Row, b: Row) => number {
  const keys = order.map((k) => ({ f: compileExpr(k.expr), cmp: compileComparator(k.expr.type), desc: k.descending, nullsFirst: k.nullsFirst }));
  return (a, b) => {
    for (const k of keys) {
      const x = k.f(a);
      const y = k.f(b);
      if (x === null || y === null) {
        if (x === y) continue;
        return (x === null) === k.nullsFirst ? -1 : 1;
      }
      const c = k.cmp(x, y);
      if (c !== 0) return k.desc ? -c : c;
    }
    return 0;
  };
}

function patternText(p: MatchRel['pattern']): string {
  switch (p.kind) {
    case 'var': return p.name;
    case 'concat': return p.items.map(patternText).join(' ');
    case 'alt': return `(${p.options.map(patternText).join(' | ')})`;
    case 'quantified': {
      const q = p.min === 0 && p.max === null ? '*' : p.min === 1 && p.max === null ? '+' : p.min === 0 && p.max === 1 ? '?' : `{${p.min},${p.max ?? ''}}`;
      const inner = p.node.kind === 'var' ? patternText(p.node) : `(${patternText(p.node)})`;
      return `${inner}${q}${p.reluctant ? '?' : ''}`;
    }
  }
}
