/**
 * The time-bounded join strategies found in a join condition: an interval join (both bounds of
 * `left.rowtime - right.rowtime` from `<`, `<=`, `>`, `>=`, `=` or BETWEEN over the two rowtimes
 * plus constant intervals) and a window join (two window TVFs joined on window_start and
 * window_end). Pure functions over bound expressions; bind-join.ts decides what to do with them.
 */
import { isProctimeAttribute, isTimeAttribute } from '../types/index.js';
import type { BoundExpr, BoundField, BoundJoinStrategy, LogicalRel } from './types.js';

/**
 * A window join: both sides window TVFs (possibly under plain projections) with the same window,
 * and among the key pairs `l.window_start = r.window_start` and `l.window_end = r.window_end`.
 * Returns the strategy and the key pairs it consumed.
 */
export function windowPairs(left: LogicalRel, right: LogicalRel, lk: readonly BoundExpr[], rk: readonly BoundExpr[]): { strategy: BoundJoinStrategy; drop: number[] } | undefined {
  const l = windowColumns(left);
  const r = windowColumns(right);
  if (l === undefined || r === undefined || JSON.stringify(l.window) !== JSON.stringify(r.window)) return undefined;
  const pair = (a: number, b: number): number => lk.findIndex((e, i) => e.kind === 'input' && e.index === a && isInput(rk[i], b));
  const s = pair(l.start, r.start);
  const e = pair(l.end, r.end);
  if (s < 0 || e < 0) return undefined;
  return { strategy: { kind: 'window', leftStart: l.start, leftEnd: l.end, rightStart: r.start, rightEnd: r.end }, drop: [s, e] };
}

function isInput(e: BoundExpr | undefined, index: number): boolean {
  return e !== undefined && e.kind === 'input' && e.index === index;
}

/** Where a relation's window_start / window_end come from a window TVF, through plain column projections. */
function windowColumns(rel: LogicalRel): { start: number; end: number; window: unknown } | undefined {
  if (rel.kind === 'window-tvf') {
    const n = rel.input.fields.length;
    return { start: n, end: n + 1, window: rel.window };
  }
  if (rel.kind !== 'calc' || rel.filter !== undefined) return undefined;
  const inner = windowColumns(rel.input);
  if (inner === undefined) return undefined;
  const start = rel.project.findIndex((e) => e.kind === 'input' && e.index === inner.start);
  const end = rel.project.findIndex((e) => e.kind === 'input' && e.index === inner.end);
  return start < 0 || end < 0 ? undefined : { start, end, window: inner.window };
}

/** `lower <= left.time - right.time <= upper` and the conjuncts that said so. */
export interface IntervalBounds { leftTime: number; rightTime: number; lower: number; upper: number; used: BoundExpr[] }

/** A time attribute (rowtime or proctime) plus a constant offset: `t`, `t + INTERVAL …`, `t - INTERVAL …`. */
interface TimeTerm { readonly index: number; readonly offset: number }

/** Finds `lower <= l.t - r.t <= upper` among the conjuncts (both bounds needed, as in Flink). */
export function intervalBounds(conjuncts: readonly BoundExpr[], left: readonly BoundField[], right: readonly BoundField[]): IntervalBounds | undefined {
  const width = left.length;
  const all = [...left, ...right];
  let lower = Number.NEGATIVE_INFINITY;
  let upper = Number.POSITIVE_INFINITY;
  let times: [number, number] | undefined;
  const used: BoundExpr[] = [];
  const compare = (op: string, a: BoundExpr, b: BoundExpr): boolean => {
    const x = timeTerm(a, all);
    const y = timeTerm(b, all);
    if (x === undefined || y === undefined) return false;
    const xLeft = x.index < width;
    if (xLeft === (y.index < width)) return false;
    const [l, r, flipped] = xLeft ? [x, y, false] : [y, x, true];
    // Both sides' attributes must be of one kind: rowtime with rowtime, proctime with proctime.
    const proc = (t: TimeTerm): boolean => { const f = all[t.index]; return f !== undefined && isProctimeAttribute(f.type); };
    if (proc(l) !== proc(r)) return false;
    const pair: [number, number] = [l.index, r.index - width];
    if (times !== undefined && (times[0] !== pair[0] || times[1] !== pair[1])) return false;
    times = pair;
    // l.t + lo OP r.t + ro  ⇔  l.t - r.t OP ro - lo (OP mirrored when the right term came first).
    const c = r.offset - l.offset;
    const o = flipped ? mirror(op) : op;
    if (o === '>=' || o === '=') lower = Math.max(lower, c);
    if (o === '>') lower = Math.max(lower, c + 1);
    if (o === '<=' || o === '=') upper = Math.min(upper, c);
    if (o === '<') upper = Math.min(upper, c - 1);
    return true;
  };
  for (const c of conjuncts) {
    if (c.kind !== 'call') continue;
    const [a, b, d] = c.args;
    if (['<', '<=', '>', '>='].includes(c.fn.name) && a !== undefined && b !== undefined && d === undefined) {
      if (compare(c.fn.name, a, b)) used.push(c);
    } else if (c.fn.name === 'BETWEEN' && a !== undefined && b !== undefined && d !== undefined) {
      const t = timeTerm(a, all);
      const lo = timeTerm(b, all);
      const hi = timeTerm(d, all);
      if (t !== undefined && lo !== undefined && hi !== undefined && (lo.index < width) === (hi.index < width) && (t.index < width) !== (lo.index < width)) {
        compare('>=', a, b);
        compare('<=', a, d);
        used.push(c);
      }
    }
  }
  if (times === undefined || !Number.isFinite(lower) || !Number.isFinite(upper)) return undefined;
  return { leftTime: times[0], rightTime: times[1], lower, upper, used };
}

function mirror(op: string): string {
  switch (op) {
    case '<': return '>';
    case '<=': return '>=';
    case '>': return '<';
    case '>=': return '<=';
    default: return op;
  }
}

function timeTerm(e: BoundExpr, fields: readonly BoundField[]): TimeTerm | undefined {
  if (e.kind === 'input') return isTimeAttribute(fields[e.index]?.type ?? e.type) ? { index: e.index, offset: 0 } : undefined;
  if (e.kind !== 'call' || (e.fn.name !== '+' && e.fn.name !== '-') || e.args.length !== 2) return undefined;
  const [a, b] = e.args as [BoundExpr, BoundExpr];
  const ms = (x: BoundExpr): number | undefined => (x.kind === 'literal' && x.type.kind === 'INTERVAL_DAY_TIME' && typeof x.value === 'number' ? x.value : undefined);
  const sign = e.fn.name === '+' ? 1 : -1;
  const inner = timeTerm(a, fields);
  const d = ms(b);
  if (inner !== undefined && d !== undefined) return { index: inner.index, offset: inner.offset + sign * d };
  const first = ms(a);
  const second = timeTerm(b, fields);
  if (e.fn.name === '+' && first !== undefined && second !== undefined) return { index: second.index, offset: second.offset + first };
  return undefined;
}

