/**
 * A bound join → a `join` node: key extractors, the residual condition over `[...left, ...right]`,
 * time readers of interval / temporal / window joins, the changelog mode (changelog-mode.ts `joinKinds`)
 * and the upsert key. A regular join without an equality (cross or theta join) has an empty key. Refused
 * here, with a "not supported yet" diagnostic: interval and window joins over updating inputs;
 * temporal joins whose condition leaves out part of the versioned table's primary key are an error.
 *
 * Upsert key of a regular join: when every row of one side matches at most one row of the other
 * (the other side's unique key is among its join keys, or the other side is a global aggregate's
 * single row), that side's unique key identifies the output row; the NULL padding of an outer join
 * keeps it too. Else an inner join of two keyed updating inputs is keyed by both keys together.
 * A temporal join keeps its probe's.
 */
import { errorDiag } from '../../../shared/index.js';
import type { BoundExpr, BoundField, LogicalRel } from '../binder/index.js';
import { notSupportedYet, parseDurationMs } from '../binder/index.js';
import { compileRowKey, compileValueEncoder } from '../types/index.js';
import type { PhysicalNode, PlannedJoinStrategy } from './types.js';
import { compileExpr, printBound } from './compile-expr.js';
import { isInsertOnly, joinKinds } from './changelog-mode.js';
import type { PlanContext } from './plan-query.js';
import { isProctimeField, isProctimeWindowed } from './plan-proctime.js';

type JoinRel = Extract<LogicalRel, { kind: 'join' }>;
type Row = unknown[];

const PRIMITIVE = new Set(['TINYINT', 'SMALLINT', 'INTEGER', 'BIGINT', 'DECIMAL', 'CHAR', 'VARCHAR', 'BOOLEAN', 'DATE', 'TIME', 'TIMESTAMP', 'TIMESTAMP_LTZ']);

/** Plans a join over its two planned inputs. */
export function joinNode(rel: JoinRel, cx: PlanContext, plan: (r: LogicalRel) => PhysicalNode): PhysicalNode {
  const left = plan(rel.left);
  const right = plan(rel.right);
  const semiAnti = rel.joinType === 'SEMI' || rel.joinType === 'ANTI';
  // A semi/anti join outputs the left row only; its condition reads `[...left, ...right]`.
  const conditionFields = semiAnti ? uniqueNames([...rel.left.fields, ...rel.right.fields]) : rel.fields;
  const conditionText = rel.conjuncts.length === 0 ? 'true' : rel.conjuncts.map((c) => printBound(c, conditionFields)).join(' AND ');
  const strategy = plannedStrategy(rel, left, right, cx);
  const changelog = joinKinds({ strategy: rel.strategy.kind, joinType: rel.joinType, left: left.changelog, right: right.changelog });
  // A regular join without an equality (cross / theta join, an uncorrelated EXISTS / IN, a join with
  // a global aggregate's single row) has an empty key: every row is in one key group, as in Flink.
  if (rel.strategy.kind === 'window' && isProctimeWindowed(rel.left)) {
    cx.diagnostics.push(errorDiag('flink-not-supported', 'Processing time Window Join is not supported yet.'));
  }
  if ((rel.strategy.kind === 'interval' || rel.strategy.kind === 'window') && (!isInsertOnly(left.changelog) || !isInsertOnly(right.changelog))) {
    cx.diagnostics.push(notSupportedYet(rel.range, `${rel.strategy.kind} joins over updating inputs`, cx.file));
  }
  const upsertKey = isInsertOnly(changelog) ? undefined : outputKey(rel, left, right);
  const residual = compileResidual(rel.residual);
  return {
    kind: 'join', id: cx.id('join'), left, right, joinType: rel.joinType, strategy,
    leftKey: keyFn(rel.leftKeys), rightKey: keyFn(rel.rightKeys), keyColumns: rel.leftKeys.length, ...(residual === undefined ? {} : { residual }),
    conditionText, changelog, fields: rel.fields, ...(upsertKey === undefined ? {} : { upsertKey }),
    ...(rel.nullAware === true ? { nullAware: true } : {}),
  };
}

/** A relation of at most one row: a global aggregation (under projections / filters). */
function singleRow(rel: LogicalRel): boolean {
  let r = rel;
  while (r.kind === 'calc') r = r.input;
  return r.kind === 'aggregate' && r.keys.length === 0 && r.groupingSets === undefined;
}

/** Field names made unique as Calcite does (`id`, `id0`), for printing a semi/anti join's condition. */
function uniqueNames(fields: readonly BoundField[]): BoundField[] {
  const used = new Set<string>();
  return fields.map((f) => {
    let name = f.name;
    for (let k = 0; used.has(name); k++) name = `${f.name}${k}`;
    used.add(name);
    return name === f.name ? f : { ...f, name };
  });
}

function plannedStrategy(rel: JoinRel, left: PhysicalNode, right: PhysicalNode, cx: PlanContext): PlannedJoinStrategy {
  const s = rel.strategy;
  switch (s.kind) {
    case 'regular': {
      const ttl = stateTtl(cx);
      const lt = rel.stateTtl?.left ?? ttl;
      const rt = rel.stateTtl?.right ?? ttl;
      const lu = uniqueKey(left);
      const ru = uniqueKey(right);
      return {
        kind: 'regular', ...(lu === undefined ? {} : { leftUnique: lu }), ...(ru === undefined ? {} : { rightUnique: ru }),
        ...(lt === undefined || lt === 0 ? {} : { leftTtlMs: lt }), ...(rt === undefined || rt === 0 ? {} : { rightTtlMs: rt }),
      };
    }
    case 'interval':
      return {
        kind: 'interval', leftTime: timeOf(s.leftTime), rightTime: timeOf(s.rightTime), lower: s.lower, upper: s.upper,
        ...(isProctimeField(rel.left.fields[s.leftTime]) ? { proctime: true as const } : {}),
      };
    case 'temporal': {
      const pk = primaryKeyIndexes(rel.right);
      const covered = pk !== undefined && pk.every((k) => rel.rightKeys.some((e) => e.kind === 'input' && e.index === k));
      if (!covered) {
        const names = (pk ?? []).map((k) => right.fields[k]?.name ?? `$${k}`);
        cx.diagnostics.push(errorDiag('sql-validation', `Temporal table's primary key [${names.join(', ')}] must be included in the equivalence condition of temporal join, but current temporal join condition is [${rel.conjuncts.map((c) => printBound(c, rel.fields)).join(' AND ')}].`));
      }
      return { kind: 'temporal', leftTime: timeOf(s.leftTime), rightTime: timeOf(s.rightTime), ...(s.proctime === true ? { proctime: true as const } : {}) };
    }
    case 'window':
      return { kind: 'window', leftStart: timeOf(s.leftStart), leftEnd: timeOf(s.leftEnd), rightStart: timeOf(s.rightStart), rightEnd: timeOf(s.rightEnd) };
  }
}

/** The equi-key of a row: the key value itself for one primitive column, else an encoded tuple; null if any part is NULL. */
function keyFn(exprs: readonly BoundExpr[]): (row: Row) => unknown {
  const fns = exprs.map(compileExpr);
  const [only] = exprs;
  const [f] = fns;
  if (fns.length === 0) return () => 0;
  if (fns.length === 1 && only !== undefined && f !== undefined && PRIMITIVE.has(only.type.kind)) return (row) => f(row) ?? null;
  if (fns.length === 1 && only !== undefined && f !== undefined && (only.type.kind === 'FLOAT' || only.type.kind === 'DOUBLE')) {
    return (row) => { const v = f(row); return v === undefined ? null : Object.is(v, -0) ? 0 : v; };
  }
  const encs = exprs.map((e) => compileValueEncoder(e.type));
  return (row) => {
    let s = '';
    for (let i = 0; i < fns.length; i++) {
      const v = (fns[i] as (r: Row) => unknown)(row);
      if (v === null || v === undefined) return null;
      s += (encs[i] as (x: unknown) => string)(v);
    }
    return s;
  };
}

/** The residual conjuncts over `[...left, ...right]`, SQL three-valued AND. */
function compileResidual(conjuncts: readonly BoundExpr[]): ((l: Row, r: Row) => boolean | null) | undefined {
  if (conjuncts.length === 0) return undefined;
  const fns = conjuncts.map(compileExpr);
  return (l, r) => {
    const row = l.concat(r);
    let unknown = false;
    for (const f of fns) {
      const v = f(row);
      if (v === false) return false;
      if (v !== true) unknown = true;
    }
    return unknown ? null : true;
  };
}

function timeOf(index: number): (row: Row) => number | null {
  return (row) => { const v = row[index]; return typeof v === 'number' ? v : null; };
}

/** An updating input's unique key (its upsert key), for the join state. */
function uniqueKey(n: PhysicalNode): ((row: Row) => unknown) | undefined {
  if (isInsertOnly(n.changelog) || n.upsertKey === undefined || n.upsertKey.length === 0) return undefined;
  return compileRowKey(n.fields.map((f) => f.type), n.upsertKey) as (row: Row) => unknown;
}

function outputKey(rel: JoinRel, left: PhysicalNode, right: PhysicalNode): readonly number[] | undefined {
  const width = left.fields.length;
  const keyed = (n: PhysicalNode, keys: readonly BoundExpr[]): boolean => n.upsertKey !== undefined && n.upsertKey.length > 0
    && n.upsertKey.every((k) => keys.some((e) => e.kind === 'input' && e.index === k));
  if (rel.strategy.kind === 'temporal' || rel.joinType === 'SEMI' || rel.joinType === 'ANTI') return left.upsertKey;
  if (rel.strategy.kind !== 'regular') return undefined;
  // A side of at most one row (a global aggregate) matches every row of the other at most once.
  if (rel.joinType !== 'RIGHT' && rel.joinType !== 'FULL' && left.upsertKey !== undefined && (keyed(right, rel.rightKeys) || singleRow(rel.right))) return left.upsertKey;
  if (rel.joinType !== 'LEFT' && rel.joinType !== 'FULL' && right.upsertKey !== undefined && (keyed(left, rel.leftKeys) || singleRow(rel.left))) return right.upsertKey.map((k) => k + width);
  // An inner join pairs each left row with each right row at most once: both keys together identify
  // an output row (as FlinkRelMdUpsertKeys' product of the inputs' keys). Not across NULL padding.
  const lk = updatingKey(left);
  const rk = updatingKey(right);
  if (rel.joinType === 'INNER' && lk !== undefined && rk !== undefined) return [...lk, ...rk.map((k) => k + width)];
  return undefined;
}

/** The upsert key of an updating input (an insert-only input's declared key is not enforced). */
function updatingKey(n: PhysicalNode): readonly number[] | undefined {
  return isInsertOnly(n.changelog) || n.upsertKey === undefined || n.upsertKey.length === 0 ? undefined : n.upsertKey;
}

function primaryKeyIndexes(rel: LogicalRel): readonly number[] | undefined {
  let r: LogicalRel = rel;
  while (r.kind === 'calc') r = r.input;
  if (r.kind !== 'scan' || r.table.primaryKey === undefined) return undefined;
  const fields: readonly BoundField[] = rel.fields;
  const idx = r.table.primaryKey.columns.map((c) => fields.findIndex((f) => f.name === c));
  return idx.every((i) => i >= 0) ? idx : undefined;
}

function stateTtl(cx: PlanContext): number | undefined {
  const v = cx.properties['sql.state-ttl'];
  if (v === undefined) return undefined;
  const ms = parseDurationMs(v);
  return ms === undefined || ms === 0 ? undefined : ms;
}
