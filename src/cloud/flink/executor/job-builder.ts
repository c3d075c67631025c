/**
 * A physical plan → the runtime's job graph: topic sources with the tables' codecs and watermark
 * strategies, calc / union / limit, the stateful operators (stateful-operators.ts) and joins
 * (join-operators.ts), topic /
 * results / blackhole sinks. Shared plan nodes (one scan feeding several
 * INSERTs of a statement set) become one job node with several out-edges.
 */
import type { Clock, Diagnostic, Outcome } from '../../../shared/index.js';
import { errorDiag } from '../../../shared/index.js';
import type { TopicLogStore } from '../../kafka/index.js';
import type { SchemaRegistryStore } from '../../schema-registry/index.js';
import type { PhysicalNode, PhysicalPlan, PhysicalSink } from '../planner/index.js';
import { isInsertOnly } from '../planner/index.js';
import type { CatalogTable } from '../catalog/index.js';
import {
  BlackholeSink, CalcOperator, KeyGroupedOperator, LimitOperator, ResultsSink, SinkUpsertMaterializer, TopicSink, TopicSource, UnionOperator, UpdatingLimitOperator, ValuesSource,
  boundedOutOfOrderness, idlenessFromTimeout, sourceWatermark,
} from '../runtime/index.js';
import type { JobEdge, JobGraph, JobNode, MetadataKey, Operator, TopicSinkOptions, ResultChange, Source, SubtaskAssignment } from '../runtime/index.js';
import type { KeyedNode } from './parallel/parallelism.js';
import { statefulOperator } from './stateful-operators.js';
import { joinOperator, matchRecognizeOperator, unnestOperator } from './join-operators.js';
import { compileFormatter } from '../types/index.js';
import { tableDeserializer, tableSerializer } from './row-codecs.js';
import { connectorScan } from './connector-sources.js';

/** What building a job needs. */
export interface JobDeps {
  readonly topics: TopicLogStore;
  readonly schemaRegistry: SchemaRegistryStore;
  readonly clock: Clock;
  /** `sql.local-time-zone`, for formatting result rows. */
  readonly timeZone: string;
  /** Receives a SELECT's committed result changes (inside the checkpoint transaction). */
  readonly deliverResults: (changes: readonly ResultChange[]) => void;
  /** A parallel subtask's share of the topic sources' partitions (default: all). */
  readonly assignment?: SubtaskAssignment;
  /** Keyed nodes to run per key group (KeyGroupedOperator), by job node id (parallel/parallelism.ts). */
  readonly keyGroups?: ReadonlyMap<string, KeyedNode>;
  /** Topic sinks hand committed records here instead of appending them (TopicSinkOptions.appendTo). */
  readonly appendTo?: TopicSinkOptions['appendTo'];
}

/** Builds the job graph of a plan. */
export function buildJob(plan: PhysicalPlan, deps: JobDeps): Outcome<JobGraph> {
  const nodes: JobNode[] = [];
  const edges: JobEdge[] = [];
  const seen = new Set<string>();
  const diags: Diagnostic[] = [];
  // A keyed node under Autopilot runs one instance of its operator per key group.
  const grouped = (id: string, create: () => Operator): Operator => {
    const k = deps.keyGroups?.get(id);
    return k === undefined ? create() : new KeyGroupedOperator({ create, keys: k.keys });
  };
  const visit = (n: PhysicalNode): void => {
    if (seen.has(n.id)) return;
    seen.add(n.id);
    switch (n.kind) {
      case 'scan': {
        const src = source(n, deps, diags);
        if (src !== undefined) nodes.push({ kind: 'source', id: n.id, source: n.maxPollRecords === undefined ? src : limited(src, n.maxPollRecords) });
        return;
      }
      case 'values': nodes.push({ kind: 'source', id: n.id, source: new ValuesSource(n.rows.map((r) => [...r])) }); return;
      case 'calc':
        visit(n.input);
        nodes.push({ kind: 'operator', id: n.id, operator: new CalcOperator({ ...(n.project === undefined ? {} : { project: n.project }), ...(n.filter === undefined ? {} : { filter: n.filter }) }) });
        edges.push({ from: n.input.id, to: n.id });
        return;
      case 'union':
        n.inputs.forEach(visit);
        nodes.push({ kind: 'operator', id: n.id, operator: new UnionOperator() });
        n.inputs.forEach((i, k) => edges.push({ from: i.id, to: n.id, input: k }));
        return;
      case 'limit':
        visit(n.input);
        // Over an updating input the limit keeps every live row and follows changes (planner: retract).
        nodes.push({
          kind: 'operator', id: n.id,
          operator: isInsertOnly(n.input.changelog) ? new LimitOperator({ limit: n.limit, offset: n.offset }) : new UpdatingLimitOperator({ limit: n.limit, offset: n.offset }),
        });
        edges.push({ from: n.input.id, to: n.id });
        return;
      case 'match-recognize':
        visit(n.input);
        nodes.push({ kind: 'operator', id: n.id, operator: grouped(n.id, () => matchRecognizeOperator(n)) });
        edges.push({ from: n.input.id, to: n.id });
        return;
      case 'unnest':
        visit(n.input);
        nodes.push({ kind: 'operator', id: n.id, operator: unnestOperator(n) });
        edges.push({ from: n.input.id, to: n.id });
        return;
      case 'join': {
        visit(n.left);
        const from = nodes.length;
        visit(n.right);
        // A processing-time temporal join's table is read to its current end before the probes (task-runner).
        if (n.strategy.kind === 'temporal' && n.strategy.proctime === true) {
          for (let i = from; i < nodes.length; i++) { const x = nodes[i]; if (x?.kind === 'source') nodes[i] = { ...x, drain: true }; }
        }
        nodes.push({ kind: 'operator', id: n.id, operator: grouped(n.id, () => joinOperator(n, deps.clock)) });
        edges.push({ from: n.left.id, to: n.id, input: 0 }, { from: n.right.id, to: n.id, input: 1 });
        return;
      }
      default:
        visit(n.input);
        nodes.push({ kind: 'operator', id: n.id, operator: grouped(n.id, () => statefulOperator(n, deps.clock)) });
        edges.push({ from: n.input.id, to: n.id });
        return;
    }
  };
  for (const s of plan.sinks) {
    visit(s.input);
    const sink = sinkOf(s, deps, diags);
    const m = s.kind === 'topic-sink' ? s.materialize : undefined;
    if (m === undefined) {
      edges.push({ from: s.input.id, to: s.id });
    } else {
      // SinkUpsertMaterializer between the query and its upsert sink (planner/sink-materialize.ts).
      const id = `${s.id}-materializer`;
      nodes.push({ kind: 'operator', id, operator: grouped(id, () => new SinkUpsertMaterializer({ sinkKey: m.sinkKey, inputKey: m.inputKey, stateTtlMs: m.stateTtlMs, clock: deps.clock })) });
      edges.push({ from: s.input.id, to: id }, { from: id, to: s.id });
    }
    if (sink !== undefined) nodes.push({ kind: 'sink', id: s.id, sink });
  }
  return diags.length > 0 ? { diagnostics: diags } : { value: { nodes, edges }, diagnostics: [] };
}

/** A source reading at most `max` records per poll. */
function limited(src: Source, max: number): Source {
  return {
    poll: (out, m) => src.poll(out, Math.min(m, max)),
    get watermark() { return src.watermark; },
    get idle() { return src.idle; },
    snapshot: () => src.snapshot(),
    restore: (p) => src.restore(p),
    close: () => src.close(),
  };
}

function codecOf(table: CatalogTable, deps: JobDeps): ReturnType<SchemaRegistryStore['codec']> | undefined {
  return table.schemaRegistryId === undefined ? undefined : deps.schemaRegistry.codec(table.schemaRegistryId);
}

function source(n: Extract<PhysicalNode, { kind: 'scan' }>, deps: JobDeps, diags: Diagnostic[]): Source | undefined {
  const t = n.table;
  const generated = connectorScan(n, { clock: deps.clock });
  if (generated !== undefined) {
    if (generated.value === undefined) diags.push(...generated.diagnostics);
    return generated.value;
  }
  if (t.readOnly) {
    diags.push(errorDiag('flink-not-supported-yet', `not supported yet: reading the examples catalog table '${t.name}'`));
    return undefined;
  }
  const de = tableDeserializer(t, n.columns, codecOf(t, deps));
  if (de.value === undefined) { diags.push(...de.diagnostics); return undefined; }
  const metadata = n.columns.filter((c) => c.kind === 'metadata').map((c) => (c.kind === 'metadata' ? c.key : '') as MetadataKey);
  const wm = n.watermark;
  const rowtime = wm?.rowtime;
  return new TopicSource({
    logs: deps.topics, cluster: t.database.id, topic: t.name, mode: t.changelogMode, deserializer: de.value, metadata,
    startup: n.startup, bounded: n.bounded, errorHandling: n.errorHandling, clock: deps.clock, ...(n.cutOver === undefined ? {} : { cutOver: n.cutOver }),
    watermarks: wm === undefined || wm.strategy.kind === 'source' ? sourceWatermark() : boundedOutOfOrderness(wm.strategy.delayMs),
    idleness: idlenessFromTimeout(n.idleTimeoutMs),
    ...(deps.assignment === undefined ? {} : { assignment: deps.assignment }),
    ...(rowtime === undefined ? {} : { rowtime: (row: unknown[]) => rowtime(row) }),
  });
}

function sinkOf(s: PhysicalSink, deps: JobDeps, diags: Diagnostic[]): TopicSink | ResultsSink | BlackholeSink | undefined {
  switch (s.kind) {
    case 'blackhole-sink': return new BlackholeSink();
    case 'results-sink': {
      const formatters = s.fields.map((f) => compileFormatter(f.type, { timeZone: deps.timeZone }));
      return new ResultsSink({
        format: (row) => formatters.map((fmt, i) => { const v = row[i]; return v === null || v === undefined ? null : fmt(v); }),
        deliver: (changes) => deps.deliverResults(changes),
      });
    }
    case 'topic-sink': {
      const t = s.table;
      if (t.options['connector'] === 'blackhole') return new BlackholeSink();
      if (t.options['connector'] === 'nexmark') {
        diags.push(errorDiag('flink-invalid-connector-use', `Connector 'nexmark' can only be used as a source. It cannot be used as a sink (table '${t.name}').`));
        return undefined;
      }
      const ser = tableSerializer(t, s.columns, codecOf(t, deps));
      if (ser.value === undefined) { diags.push(...ser.diagnostics); return undefined; }
      const ts = s.columns.findIndex((c) => c.kind === 'metadata' && c.key === 'timestamp');
      const headers = s.columns.findIndex((c) => c.kind === 'metadata' && c.key === 'headers');
      return new TopicSink({
        logs: deps.topics, cluster: t.database.id, topic: t.name, mode: t.changelogMode, serializer: ser.value,
        ...(ts >= 0 ? { timestampColumn: ts } : {}), ...(headers >= 0 ? { headersColumn: headers } : {}),
        ...(deps.appendTo === undefined ? {} : { appendTo: deps.appendTo }),
      });
    }
  }
}
