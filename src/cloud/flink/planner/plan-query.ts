/**
 * Logical relations → physical nodes with changelog modes. Calcs over calcs fuse into one closure
 * pair; scans of the same table with the same modes are shared (a statement set reads each
 * source once). Node ids are assigned in plan order, so the same statement always gets the same
 * ids and its checkpoints stay readable across restarts.
 */
import type { Diagnostic } from '../../../shared/index.js';
import type { BoundExpr, BoundField, LogicalRel } from '../binder/index.js';
import { parseDurationMs } from '../binder/index.js';
import { errorDiag } from '../../../shared/index.js';
import type { ChangelogKinds, PhysicalNode, RowFn, RowPredicateFn, ScanWatermarkSpec } from './types.js';
import { groupAggregateNode, overNode, rankNode, windowAggregateNode, windowTvfNode } from './plan-stateful.js';
import { compileExpr, compilePredicate, compileProjection, printBound } from './compile-expr.js';
import { isInsertOnly, sourceKinds, unionKinds } from './changelog-mode.js';
import { scanModes } from './scan-options.js';
import { connectorBounded } from './connector-bounds.js';
import { joinNode } from './plan-join.js';
import { matchRecognizeNode } from './plan-match-recognize.js';
import { injectiveArgument } from './injective-expr.js';

/** Statement property limiting records per source poll: each poll then ends a mini-batch and emits a watermark. */
export const MAX_POLL_RECORDS = 'streamform.source.max-poll-records';

/** Mutable state of one planning run. */
export class PlanContext {
  readonly diagnostics: Diagnostic[] = [];
  readonly properties: Readonly<Record<string, string>>;
  readonly file: string;
  readonly #scans = new Map<string, PhysicalNode>();
  #next = 0;

  constructor(properties: Readonly<Record<string, string>>, file: string) {
    this.properties = properties;
    this.file = file;
  }

  /** The next node id (`<kind>-<n>`). */
  id(kind: string): string {
    this.#next++;
    return `${kind}-${this.#next}`;
  }

  /** A scan shared by key, created once. */
  sharedScan(key: string, make: () => PhysicalNode): PhysicalNode {
    const hit = this.#scans.get(key);
    if (hit !== undefined) return hit;
    const n = make();
    this.#scans.set(key, n);
    return n;
  }
}

/** Plans one logical relation. */
export function planRel(rel: LogicalRel, cx: PlanContext): PhysicalNode {
  switch (rel.kind) {
    case 'scan': {
      const t = rel.table;
      const modes = scanModes(t.options, rel.hintOptions, cx.properties, cx.diagnostics, t.name);
      const key = JSON.stringify([t.catalog.id, t.database.id, t.name, modes, rel.columns.map((c) => c.name)]);
      const watermark = watermarkSpec(rel);
      const maxPoll = Number(cx.properties[MAX_POLL_RECORDS] ?? Number.NaN);
      const idleText = cx.properties['sql.tables.scan.idle-timeout'];
      const idle = idleText === undefined ? undefined : parseDurationMs(idleText);
      if (idleText !== undefined && idle === undefined) {
        cx.diagnostics.push(errorDiag('flink-invalid-option', `Invalid value for property 'sql.tables.scan.idle-timeout': '${idleText}'. Use a duration such as '1 s' or '0' (disabled).`));
      }
      const scan = cx.sharedScan(key, () => ({
        kind: 'scan', id: cx.id('scan'), table: t, columns: rel.columns, ...modes, changelog: sourceKinds(t.changelogMode), fields: rel.fields,
        ...(watermark === undefined ? {} : { watermark }), ...(Number.isInteger(maxPoll) && maxPoll > 0 ? { maxPollRecords: maxPoll } : {}),
        ...(idle === undefined ? {} : { idleTimeoutMs: idle }),
        ...(t.changelogMode === 'retract' && t.primaryKey !== undefined ? keyOf(t.primaryKey.columns, rel.fields) : {}),
      }));
      const pk = t.primaryKey?.columns ?? [];
      const pkIdx = pk.map((c) => rel.fields.findIndex((f) => f.name === c));
      if (t.changelogMode !== 'upsert' || pkIdx.length === 0 || pkIdx.some((i) => i < 0)) return scan;
      // Flink normalizes every upsert source by its primary key before anything consumes it.
      return cx.sharedScan(`${key}:normalize`, () => ({
        kind: 'normalize', id: cx.id('normalize'), input: scan, key: (row) => pkIdx.map((i) => row[i] ?? null), keyText: pk,
        changelog: ['I', 'UB', 'UA', 'D'], fields: rel.fields, upsertKey: pkIdx,
      }));
    }
    case 'values': {
      const rows = rel.rows.map((r) => r.map((e) => compileExpr(e)([])));
      return { kind: 'values', id: cx.id('values'), rows, changelog: ['I'], fields: rel.fields };
    }
    case 'calc': {
      const input = planRel(rel.input, cx);
      const project = compileProjection(rel.project);
      const filter = rel.filter === undefined ? undefined : compilePredicate(rel.filter);
      const projection = rel.project.map((e, i) => `${printBound(e, input.fields)} AS ${rel.fields[i]?.name ?? `$${i}`}`);
      const where = rel.filter === undefined ? undefined : printBound(rel.filter, input.fields);
      if (input.kind === 'calc' && input.project !== undefined && (input.filter === undefined || filter === undefined)) {
        // Fuse two calcs into one: at most one of them filters, so the fused node filters first
        // (on the input row, or on the inner projection) and then projects outer(inner(row)).
        const inner = input.project;
        const fused: RowFn = (row) => project(inner(row));
        const innerFilter = input.filter;
        const fusedFilter: RowPredicateFn | undefined = filter === undefined ? innerFilter : (row) => filter(inner(row));
        const fusedWhere = where ?? input.where;
        return withKey(calcNode(cx, input.input, fused, fusedFilter, projection, fusedWhere, rel.fields, input.changelog), mapKey(input.upsertKey, rel.project));
      }
      return withKey(calcNode(cx, input, project, filter, projection, where, rel.fields, input.changelog), mapKey(input.upsertKey, rel.project));
    }
    case 'union': {
      const inputs = rel.inputs.map((r) => planRel(r, cx));
      return { kind: 'union', id: cx.id('union'), inputs, changelog: unionKinds(inputs.map((i) => i.changelog)), fields: rel.fields };
    }
    case 'limit': {
      const input = planRel(rel.input, cx);
      // Over updates, LIMIT is Flink's retractable ROW_NUMBER with no sort key: a retract stream
      // (rows leave as -D and enter as +I; Flink declares all four kinds for it).
      const changelog: ChangelogKinds = isInsertOnly(input.changelog) ? input.changelog : ['I', 'UB', 'UA', 'D'];
      return { kind: 'limit', id: cx.id('limit'), input, limit: rel.limit, offset: rel.offset, changelog, fields: rel.fields };
    }
    case 'aggregate': return groupAggregateNode(rel, planRel(rel.input, cx), cx);
    case 'window-aggregate': return windowAggregateNode(rel, planRel(rel.input, cx), cx);
    case 'rank': return rankNode(rel, cx, (r) => planRel(r, cx));
    case 'over': return overNode(rel, planRel(rel.input, cx), cx);
    case 'window-tvf': return windowTvfNode(rel, planRel(rel.input, cx), cx);
    case 'join': return joinNode(rel, cx, (r) => planRel(r, cx));
    case 'match-recognize': return matchRecognizeNode(rel, planRel(rel.input, cx), cx);
    case 'unnest': {
      const input = planRel(rel.input, cx);
      return {
        kind: 'unnest', id: cx.id('unnest'), input, collection: compileExpr(rel.collection), collectionType: rel.collectionType,
        ...(rel.rowFields === undefined ? {} : { rowFields: rel.rowFields }), withOrdinality: rel.withOrdinality, outer: rel.outer,
        collectionText: printBound(rel.collection, input.fields), changelog: input.changelog, fields: rel.fields,
      };
    }
  }
}

/** The node's inputs, in order. */
export function inputsOf(n: PhysicalNode): readonly PhysicalNode[] {
  switch (n.kind) {
    case 'scan': case 'values': return [];
    case 'union': return n.inputs;
    case 'join': return [n.left, n.right];
    default: return [n.input];
  }
}

function watermarkSpec(rel: Extract<LogicalRel, { kind: 'scan' }>): ScanWatermarkSpec | undefined {
  const w = rel.watermark;
  if (w === undefined) return undefined;
  const text = `WATERMARK FOR ${w.column} AS ${w.expr}`;
  if (w.column === '$rowtime') return { strategy: w.strategy, text };
  const f = compileExpr(w.rowtime);
  return { rowtime: (row) => { const v = f(row); return typeof v === 'number' ? v : Number.NaN; }, strategy: w.strategy, text };
}

function keyOf(columns: readonly string[], fields: readonly BoundField[]): { upsertKey?: readonly number[] } {
  const idx = columns.map((c) => fields.findIndex((f) => f.name === c));
  return idx.every((i) => i >= 0) ? { upsertKey: idx } : {};
}

/** An input upsert key through a projection: kept when every key column is projected as is. */
function mapKey(key: readonly number[] | undefined, project: readonly BoundExpr[]): readonly number[] | undefined {
  if (key === undefined) return undefined;
  const out = key.map((k) => project.findIndex((e) => isRef(e, k)));
  return out.every((j) => j >= 0) ? out : undefined;
}

/** `e` is column `k` as is, or through an injective expression (injective-expr.ts). */
function isRef(e: BoundExpr, k: number): boolean {
  if (e.kind === 'input') return e.index === k;
  const a = injectiveArgument(e);
  return a !== undefined && isRef(a, k);
}

function withKey(n: PhysicalNode, key: readonly number[] | undefined): PhysicalNode {
  return key === undefined ? n : { ...n, upsertKey: key };
}

function calcNode(cx: PlanContext, input: PhysicalNode, project: RowFn, filter: RowPredicateFn | undefined, projection: readonly string[], where: string | undefined, fields: readonly BoundField[], changelog: ChangelogKinds): PhysicalNode {
  return {
    kind: 'calc', id: cx.id('calc'), input, project, ...(filter === undefined ? {} : { filter }), projection,
    ...(where === undefined ? {} : { where }), changelog, fields,
  };
}

/** True when every leaf of the plan ends by itself, or a LIMIT ends it. */
export function isBounded(n: PhysicalNode): boolean {
  switch (n.kind) {
    case 'scan': return connectorBounded(n.table) ?? n.bounded.kind !== 'unbounded';
    case 'values': return true;
    case 'union': return n.inputs.every(isBounded);
    case 'join': return isBounded(n.left) && isBounded(n.right);
    // An insert-only LIMIT ends once it has its rows; over updates it follows its input forever.
    case 'limit': return isInsertOnly(n.input.changelog) || isBounded(n.input);
    default: return isBounded(n.input);
  }
}
