/**
 * Projection pushdown over the logical plan: columns no operator above needs are dropped as early as
 * possible, so join state and aggregate inputs hold only what is used (Flink prunes the same way; its
 * EXPLAIN shows the narrower Calc / Join select lists).
 *
 * The pass walks top-down with the set of output columns each relation must keep. A Calc keeps only
 * the projections asked for; a join asks each side for the columns its parent needs plus those its
 * keys, residual condition and time bounds read; an aggregate asks its input for what its keys,
 * arguments and FILTERs read. Every other relation keeps all its columns (and its inputs all of
 * theirs), so only Calcs — never scans, aggregates or other operators — lose outputs.
 *
 * Only Calcs over insert-only scans (through further Calcs) are narrowed: an updating relation's upsert
 * key is derived from its columns, and dropping key columns would change how joins and sinks keep its
 * state. Nothing new is added to the plan, so node ids stay as they were.
 */
import { invariant } from '../../../shared/index.js';
import type { BoundExpr, LogicalRel } from '../binder/index.js';

type Rel = LogicalRel;
type JoinRel = Extract<Rel, { kind: 'join' }>;
type Strategy = JoinRel['strategy'];

/** A relation after pruning, and where each old output column went (-1: dropped). */
interface Pruned {
  readonly rel: Rel;
  readonly map: readonly number[];
}

/** The plan with unused columns dropped; the root keeps every output column. */
export function pruneColumns(rel: Rel): Rel {
  return keepAll(rel);
}

function identity(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** `rel` with all its outputs, its inputs pruned to what it reads. */
function keepAll(rel: Rel): Rel {
  return prune(rel, new Set(identity(rel.fields.length))).rel;
}

function prune(rel: Rel, needed: ReadonlySet<number>): Pruned {
  switch (rel.kind) {
    case 'calc': return pruneCalc(rel, needed);
    case 'join': return pruneJoin(rel, needed);
    case 'aggregate': {
      const want = new Set<number>();
      for (const k of rel.keys) refs(k, want);
      for (const a of rel.aggregates) { if (a.arg !== undefined) refs(a.arg, want); if (a.filter !== undefined) refs(a.filter, want); }
      const child = prune(rel.input, want);
      if (child.rel === rel.input) return { rel, map: identity(rel.fields.length) };
      const m = child.map;
      return {
        rel: {
          ...rel, input: child.rel, keys: rel.keys.map((k) => remap(k, m)),
          aggregates: rel.aggregates.map((a) => ({
            ...a, ...(a.arg === undefined ? {} : { arg: remap(a.arg, m) }), ...(a.filter === undefined ? {} : { filter: remap(a.filter, m) }),
          })),
        },
        map: identity(rel.fields.length),
      };
    }
    case 'scan': case 'values': return { rel, map: identity(rel.fields.length) };
    case 'union': {
      const inputs = rel.inputs.map(keepAll);
      return { rel: inputs.every((r, i) => r === rel.inputs[i]) ? rel : { ...rel, inputs }, map: identity(rel.fields.length) };
    }
    default: {
      const input = keepAll(rel.input);
      return { rel: input === rel.input ? rel : { ...rel, input } as Rel, map: identity(rel.fields.length) };
    }
  }
}

function pruneCalc(rel: Extract<Rel, { kind: 'calc' }>, needed: ReadonlySet<number>): Pruned {
  const n = rel.project.length;
  // Keep at least one column: a relation of zero columns is not a row Flink would produce.
  let keep = identity(n).filter((i) => needed.has(i));
  if (keep.length === 0 && n > 0) keep = [0];
  if (!overInsertOnlyScan(rel)) keep = identity(n);
  const want = new Set<number>();
  for (const i of keep) refs(rel.project[i] as BoundExpr, want);
  if (rel.filter !== undefined) refs(rel.filter, want);
  const child = prune(rel.input, want);
  if (keep.length === n && child.rel === rel.input) return { rel, map: identity(n) };
  const m = child.map;
  const map = new Array<number>(n).fill(-1);
  keep.forEach((old, i) => { map[old] = i; });
  return {
    rel: {
      ...rel, input: child.rel, project: keep.map((i) => remap(rel.project[i] as BoundExpr, m)),
      ...(rel.filter === undefined ? {} : { filter: remap(rel.filter, m) }), fields: keep.map((i) => rel.fields[i] as (typeof rel.fields)[number]),
    },
    map,
  };
}

/** True for a Calc chain ending in a scan of an insert-only (append) table. */
function overInsertOnlyScan(rel: Rel): boolean {
  let r = rel;
  while (r.kind === 'calc') r = r.input;
  return r.kind === 'scan' && r.table.changelogMode === 'append';
}

function pruneJoin(rel: JoinRel, needed: ReadonlySet<number>): Pruned {
  const lw = rel.left.fields.length;
  const semiAnti = rel.joinType === 'SEMI' || rel.joinType === 'ANTI';
  const both = new Set<number>();
  for (const i of needed) if (!semiAnti || i < lw) both.add(i);
  for (const c of rel.conjuncts) refs(c, both);
  for (const c of rel.residual) refs(c, both);
  const leftWant = new Set<number>();
  const rightWant = new Set<number>();
  for (const i of both) { if (i < lw) leftWant.add(i); else rightWant.add(i - lw); }
  for (const k of rel.leftKeys) refs(k, leftWant);
  for (const k of rel.rightKeys) refs(k, rightWant);
  for (const i of strategyIndexes(rel.strategy, 'left')) leftWant.add(i);
  for (const i of strategyIndexes(rel.strategy, 'right')) rightWant.add(i);
  const l = prune(rel.left, leftWant);
  const r = prune(rel.right, rightWant);
  if (l.rel === rel.left && r.rel === rel.right) return { rel, map: identity(rel.fields.length) };
  const lw2 = l.rel.fields.length;
  const combined = [...l.map, ...r.map.map((j) => (j < 0 ? -1 : j + lw2))];
  const joined: JoinRel = {
    ...rel, left: l.rel, right: r.rel,
    conjuncts: rel.conjuncts.map((c) => remap(c, combined)), residual: rel.residual.map((c) => remap(c, combined)),
    leftKeys: rel.leftKeys.map((k) => remap(k, l.map)), rightKeys: rel.rightKeys.map((k) => remap(k, r.map)),
    strategy: remapStrategy(rel.strategy, l.map, r.map),
    // The join's own field names (made unique by the binder: id, id0), for the columns kept.
    fields: rel.fields.filter((_, i) => ((semiAnti ? l.map : combined)[i] ?? -1) >= 0),
  };
  return { rel: joined, map: semiAnti ? l.map : combined };
}

function strategyIndexes(s: Strategy, side: 'left' | 'right'): number[] {
  switch (s.kind) {
    case 'regular': return [];
    case 'interval': case 'temporal': return [side === 'left' ? s.leftTime : s.rightTime];
    case 'window': return side === 'left' ? [s.leftStart, s.leftEnd] : [s.rightStart, s.rightEnd];
  }
}

function remapStrategy(s: Strategy, l: readonly number[], r: readonly number[]): Strategy {
  const at = (m: readonly number[], i: number): number => m[i] ?? -1;
  switch (s.kind) {
    case 'regular': return s;
    case 'interval': return { ...s, leftTime: at(l, s.leftTime), rightTime: at(r, s.rightTime) };
    case 'temporal': return { ...s, leftTime: at(l, s.leftTime), rightTime: at(r, s.rightTime) };
    case 'window': return { ...s, leftStart: at(l, s.leftStart), leftEnd: at(l, s.leftEnd), rightStart: at(r, s.rightStart), rightEnd: at(r, s.rightEnd) };
  }
}

/** Adds the input columns `e` reads to `out`. */
function refs(e: BoundExpr, out: Set<number>): void {
  switch (e.kind) {
    case 'input': out.add(e.index); return;
    case 'literal': return;
    case 'field': refs(e.target, out); return;
    case 'call': for (const a of e.args) refs(a, out); return;
    case 'case': for (const w of e.whens) { refs(w.when, out); refs(w.then, out); } refs(e.otherwise, out); return;
  }
}

/** `e` reading the pruned input (`map`: old column → new). */
function remap(e: BoundExpr, map: readonly number[]): BoundExpr {
  switch (e.kind) {
    case 'input': {
      const i = map[e.index] ?? -1;
      invariant(i >= 0, `projection pushdown dropped column ${e.index}, which an expression still reads`);
      return i === e.index ? e : { ...e, index: i };
    }
    case 'literal': return e;
    case 'field': return { ...e, target: remap(e.target, map) };
    case 'call': return { ...e, args: e.args.map((a) => remap(a, map)) };
    case 'case': return { ...e, whens: e.whens.map((w) => ({ ...w, when: remap(w.when, map), then: remap(w.then, map) })), otherwise: remap(e.otherwise, map) };
  }
}
