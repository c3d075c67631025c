/**
 * Bound statements → physical plans: SELECT into a results sink, INSERT INTO and EXECUTE STATEMENT
 * SET into topic sinks (sources shared), CTAS as its query into the table created first. The
 * append-sink check happens here, before anything runs: an updating query into an append table is
 * rejected with Flink's message.
 */
import type { Diagnostic, Outcome } from '../../../shared/index.js';
import { errorDiag } from '../../../shared/index.js';
import type { BoundInsert, BoundStatement, LogicalRel } from '../binder/index.js';
import type { DerivedSchema } from '../catalog/index.js';
import { sinkMaterialize } from './sink-materialize.js';
import type { JobSqlKind, PhysicalNode, PhysicalPlan, PhysicalSink, PlanOptions } from './types.js';
import { PlanContext, isBounded, planRel } from './plan-query.js';
import { pruneColumns } from './prune-columns.js';
import { isInsertOnly } from './changelog-mode.js';
import { withoutTimeAttribute } from '../types/index.js';
import { nodeTitle } from './explain.js';

/** Plans a bound SELECT / INSERT / STATEMENT SET (CTAS: use `deriveSchema`, create the table, then `planInserts`). */
export function planStatement(bound: BoundStatement, opts: PlanOptions = {}): Outcome<PhysicalPlan> {
  switch (bound.kind) {
    case 'select': return planSelect(bound.query, opts);
    case 'insert': return planInserts(bound.inserts, bound.statementSet ? 'EXECUTE_STATEMENT_SET' : 'INSERT_INTO', opts);
    case 'create-table-as': {
      // Without the created table there is no sink yet: plan the query alone (EXPLAIN of a CTAS).
      const cx = new PlanContext(opts.properties ?? {}, opts.file ?? 'statement');
      const input = planRel(pruneColumns(bound.query), cx);
      return done(cx.diagnostics, {
        sqlKind: 'CREATE_TABLE_AS', sinks: [{ kind: 'blackhole-sink', id: cx.id('sink'), input }],
        bounded: isBounded(input), appendOnly: isInsertOnly(input.changelog), schema: visible(bound.query),
      });
    }
  }
}

/** Plans a SELECT into the statement's results. */
export function planSelect(query: LogicalRel, opts: PlanOptions = {}): Outcome<PhysicalPlan> {
  const cx = new PlanContext(opts.properties ?? {}, opts.file ?? 'statement');
  const input = planRel(pruneColumns(query), cx);
  const fields = visible(query);
  const shaped = hideHidden(input, query, cx);
  const sink: PhysicalSink = { kind: 'results-sink', id: cx.id('sink'), input: shaped, fields };
  const appendOnly = isInsertOnly(input.changelog);
  const upsertColumns = appendOnly ? undefined : shaped.upsertKey;
  return done(cx.diagnostics, {
    sqlKind: 'SELECT', sinks: [sink], bounded: isBounded(input), appendOnly, schema: fields, ...(upsertColumns === undefined ? {} : { upsertColumns }),
  });
}

/** Plans INSERTs (one, a statement set, or the insert half of a CTAS). */
export function planInserts(inserts: readonly BoundInsert[], sqlKind: JobSqlKind, opts: PlanOptions = {}): Outcome<PhysicalPlan> {
  const cx = new PlanContext(opts.properties ?? {}, opts.file ?? 'statement');
  const sinks: PhysicalSink[] = [];
  for (const ins of inserts) {
    const input = planRel(pruneColumns(ins.query), cx);
    const t = ins.table;
    // Flink's blackhole sink takes whatever changelog it is offered (+I/-U/+U/-D), like Flink's
    // BlackHoleTableSinkFactory (getChangelogMode returns the requested mode).
    const acceptsAnyChangelog = t.options['connector'] === 'blackhole';
    if (t.changelogMode === 'append' && !acceptsAnyChangelog && !isInsertOnly(input.changelog)) {
      const path = [t.catalog.name, t.database.name, t.name].join('.');
      cx.diagnostics.push(errorDiag('flink-append-sink-updates',
        `Table sink '${path}' doesn't support consuming ${input.changelog.includes('D') ? 'update and delete' : 'update'} changes which is produced by node ${nodeTitle(producer(input))}`));
    }
    const materialize = sinkMaterialize(input, t, ins.columns, cx.properties, cx.diagnostics);
    sinks.push({ kind: 'topic-sink', id: cx.id('sink'), input, table: t, columns: ins.columns, ...(materialize === undefined ? {} : { materialize }) });
  }
  const first = inserts[0];
  return done(cx.diagnostics, {
    sqlKind, sinks,
    bounded: sinks.every((s) => isBounded(s.input)),
    appendOnly: sinks.every((s) => isInsertOnly(s.input.changelog)),
    schema: inserts.length === 1 && first !== undefined ? visible(first.query) : [],
  });
}

/** The schema and changelog mode a CTAS query produces (for `FlinkCatalog.createTableAs`). */
export function deriveSchema(query: LogicalRel, opts: PlanOptions = {}): Outcome<DerivedSchema> {
  const cx = new PlanContext(opts.properties ?? {}, opts.file ?? 'statement');
  const input = planRel(pruneColumns(query), cx);
  if (cx.diagnostics.length > 0) return { diagnostics: cx.diagnostics };
  const columns = visible(query).map((f) => ({ name: f.name, type: withoutTimeAttribute(f.type) }));
  const updating = !isInsertOnly(input.changelog);
  const shaped = hideHidden(input, query, cx);
  const primaryKey = updating && shaped.upsertKey !== undefined && shaped.upsertKey.length > 0
    ? shaped.upsertKey.map((i) => columns[i]?.name ?? '') : undefined;
  // Insert-only → append; updating with a unique key → upsert keyed by it; updating without → retract.
  const changelogMode = !updating ? 'append' : primaryKey !== undefined ? 'upsert' : 'retract';
  return { value: { columns, changelogMode, ...(primaryKey === undefined ? {} : { primaryKey }) }, diagnostics: [] };
}

function visible(rel: LogicalRel): { name: string; type: LogicalRel['fields'][number]['type'] }[] {
  return rel.fields.filter((f) => f.hidden !== true).map((f) => ({ name: f.name, type: f.type }));
}

/** Drops hidden fields (`$rowtime`, virtual metadata) from a SELECT's output rows. */
function hideHidden(input: PhysicalNode, query: LogicalRel, cx: PlanContext): PhysicalNode {
  const keep = query.fields.map((f, i) => (f.hidden === true ? -1 : i)).filter((i) => i >= 0);
  if (keep.length === query.fields.length) return input;
  const fields = keep.map((i) => query.fields[i]).filter((f) => f !== undefined);
  const key = input.upsertKey?.map((k) => keep.indexOf(k));
  return {
    kind: 'calc', id: cx.id('calc'), input, project: (row) => keep.map((i) => row[i] ?? null),
    projection: fields.map((f) => f.name), changelog: input.changelog, fields,
    ...(key !== undefined && key.every((k) => k >= 0) ? { upsertKey: key } : {}),
  };
}

/** The node that introduced updates (for the append-sink message). */
function producer(n: PhysicalNode): PhysicalNode {
  if (n.kind === 'scan' || n.kind === 'values' || n.kind === 'union' || n.kind === 'join') return n;
  return isInsertOnly(n.input.changelog) ? n : producer(n.input);
}

function done(diags: readonly Diagnostic[], plan: PhysicalPlan): Outcome<PhysicalPlan> {
  return diags.length > 0 ? { diagnostics: diags } : { value: plan, diagnostics: [] };
}
