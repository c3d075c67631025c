/**
 * Test and tooling support: a real in-process local cloud with the executor attached, one
 * environment (with Schema Registry) and one Kafka cluster, and helpers to submit statements over
 * the sql/v1 REST API, wait for phases (store events, no sleeps), write rows into a table's topic
 * with the table's own codec, and read a table's topic back as rows.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock } from '../../../shared/index.js';
import type { RunningCloud } from '../../server.js';
import { startCloud } from '../../server.js';
import type { CatalogTable, SessionPath } from '../catalog/index.js';
import { FlinkCatalog } from '../catalog/index.js';
import { writableColumns } from '../binder/index.js';
import type { StatementPhase, StatementRecord } from '../statements/index.js';
import type { Executor, ExecutorOptions } from './types.js';
import { startExecutor } from './index.js';
import { tableDeserializer, tableSerializer } from './row-codecs.js';

/** A JSON reply. */
export interface Reply { readonly status: number; readonly body: Record<string, unknown> }

/** The harness. Call `close()` when done. */
export class FlinkHarness {
  readonly cloud: RunningCloud;
  readonly executor: Executor;
  readonly envId: string;
  readonly clusterId: string;
  readonly session: SessionPath;
  readonly catalog: FlinkCatalog;
  readonly #dir: string;
  readonly #ownsDir: boolean;

  private constructor(p: { cloud: RunningCloud; executor: Executor; envId: string; clusterId: string; dir: string; ownsDir: boolean }) {
    this.cloud = p.cloud;
    this.executor = p.executor;
    this.envId = p.envId;
    this.clusterId = p.clusterId;
    this.#dir = p.dir;
    this.#ownsDir = p.ownsDir;
    this.session = { catalog: 'dev', database: 'cluster_0' };
    this.catalog = new FlinkCatalog({ db: p.cloud.database, controlPlane: p.cloud.controlPlane, topics: p.cloud.topics, schemaRegistry: p.cloud.schemaRegistry, clock: { now: () => Date.now() } });
  }

  /** Starts a cloud in a fresh temp dir (or `dataDir`, reusing its environment and cluster); `executor` options start the harness's own executor. */
  static async start(opts: { readonly dataDir?: string; readonly executor?: ExecutorOptions; readonly clock?: Clock } = {}): Promise<FlinkHarness> {
    const dir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'streamform-flink-'));
    // With executor options the harness runs its own executor (the server's takes no options).
    const own = opts.executor !== undefined;
    const cloud = await startCloud({ dataDir: dir, port: 0, ...(opts.clock === undefined ? {} : { clock: opts.clock }), ...(own ? { runStatements: false } : {}) });
    let env = cloud.controlPlane.environments().find((e) => e.displayName === 'dev')?.id;
    if (env === undefined) env = String((await json(cloud.url, 'POST', '/org/v2/environments', { display_name: 'dev', stream_governance_config: { package: 'ESSENTIALS' } })).body['id']);
    let cluster = cloud.controlPlane.kafkaClusters(env).find((c) => c.displayName === 'cluster_0')?.id;
    if (cluster === undefined) {
      const r = await json(cloud.url, 'POST', '/cmk/v2/clusters', { spec: { display_name: 'cluster_0', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-1', config: { kind: 'Basic' }, environment: { id: env } } });
      cluster = String(r.body['id']);
    }
    // When the server starts an executor itself (RunningCloud.executor), use that one: two
    // executors on one store would run every statement twice.
    const executor = cloud.executor ?? startExecutor(cloud, { checkpointIntervalMs: 20, idlePollMs: 2, operations: cloud.operations, ...opts.executor });
    return new FlinkHarness({ cloud, executor, envId: env, clusterId: cluster, dir, ownsDir: opts.dataDir === undefined });
  }

  /** True when the running statement `name` has read every record its source topics hold. */
  caughtUp(name: string): boolean {
    const offsets = this.executor.sourceOffsets(this.envId, name);
    if (offsets === undefined) return false;
    return Object.entries(offsets).every(([topic, text]) => {
      const next = new Map(text.split(';').filter((x) => x !== '').map((x) => {
        const m = /partition:(\d+),offset:(\d+)/.exec(x);
        return [Number(m?.[1]), Number(m?.[2])] as const;
      }));
      return this.cloud.topics.partitionOffsets(this.clusterId, topic).every((p) => (next.get(p.partition) ?? 0) >= p.highWatermark);
    });
  }

  /** The data directory (for a restart test). */
  get dataDir(): string { return this.#dir; }

  /** `/sql/v1/.../statements`. */
  get statementsPath(): string { return `/sql/v1/organizations/${this.cloud.organizationId}/environments/${this.envId}/statements`; }

  /** Submits a statement over REST with the session properties set. */
  async submit(name: string, sql: string, properties: Readonly<Record<string, string>> = {}): Promise<Reply> {
    return json(this.cloud.url, 'POST', this.statementsPath, {
      name, spec: { statement: sql, properties: { 'sql.current-catalog': 'dev', 'sql.current-database': 'cluster_0', ...properties } },
    });
  }

  /** Submits and waits for one of `phases` (default: any terminal phase or RUNNING). */
  async run(name: string, sql: string, opts: { readonly properties?: Readonly<Record<string, string>>; readonly until?: readonly StatementPhase[] } = {}): Promise<StatementRecord> {
    const r = await this.submit(name, sql, opts.properties);
    if (r.status !== 201 && r.status !== 200) throw new Error(`submit ${name}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    return this.awaitPhase(name, opts.until ?? ['COMPLETED', 'FAILED', 'STOPPED', 'RUNNING']);
  }

  /** Resolves once the statement is in one of `phases` (driven by store events). */
  awaitPhase(name: string, phases: readonly StatementPhase[]): Promise<StatementRecord> {
    const store = this.cloud.statements;
    return new Promise((resolve) => {
      const check = (): boolean => {
        const s = store.get(this.envId, name);
        if (s !== undefined && phases.includes(s.status.phase)) { unsubscribe(); resolve(s); return true; }
        return false;
      };
      const unsubscribe = store.subscribe((e) => { if (e.name === name) check(); });
      check();
    });
  }

  /** Stops (or resumes) a statement through PUT, as clients do. */
  async setStopped(name: string, stopped: boolean): Promise<Reply> {
    const cur = await json(this.cloud.url, 'GET', `${this.statementsPath}/${name}`);
    const spec = cur.body['spec'] as Record<string, unknown>;
    return json(this.cloud.url, 'PUT', `${this.statementsPath}/${name}`, { name, metadata: cur.body['metadata'], spec: { ...spec, stopped } });
  }

  /** Every result row of a statement, following `metadata.next` until it is empty. */
  async results(name: string): Promise<{ op: number; row: unknown[] }[]> {
    const out: { op: number; row: unknown[] }[] = [];
    let path: string | undefined = `${this.statementsPath}/${name}/results`;
    for (let i = 0; path !== undefined && i < 1000; i++) {
      const r: Reply = await json(this.cloud.url, 'GET', path);
      const data = ((r.body['results'] as { data?: { op?: number; row: unknown[] }[] } | undefined)?.data) ?? [];
      for (const d of data) out.push({ op: d.op ?? 0, row: d.row });
      const next = String((r.body['metadata'] as Record<string, unknown>)['next'] ?? '');
      path = next === '' || data.length === 0 ? undefined : next.replace(this.cloud.url, '');
    }
    return out;
  }

  /** The table as the catalog resolves it now. */
  table(name: string): CatalogTable {
    const t = this.catalog.resolveTable([name], this.session);
    if (t.value === undefined) throw new Error(t.diagnostics.map((d) => d.summary).join('\n'));
    return t.value;
  }

  /** Appends rows (writable columns in order) to a table's topic with its codec; `timestamps` set the record times. */
  produce(tableName: string, rows: readonly unknown[][], timestamps?: readonly (number | undefined)[]): void {
    const t = this.table(tableName);
    const ser = tableSerializer(t, writableColumns(t), this.cloud.schemaRegistry.codec(t.schemaRegistryId ?? ''));
    if (ser.value === undefined) throw new Error(ser.diagnostics.map((d) => d.summary).join('\n'));
    const s = ser.value;
    this.cloud.topics.append(this.clusterId, tableName, rows.map((row, i) => {
      const ts = timestamps?.[i];
      return { key: s.key?.(row) ?? null, value: s.value(row), ...(ts === undefined ? {} : { timestamp: ts }) };
    }));
  }

  /** Reads a table's topic as rows of its physical columns, partition by partition. */
  read(tableName: string): unknown[][] {
    const t = this.table(tableName);
    const cols = writableColumns(t).filter((c) => c.kind === 'physical');
    const de = tableDeserializer(t, cols, this.cloud.schemaRegistry.codec(t.schemaRegistryId ?? ''));
    if (de.value === undefined) throw new Error(de.diagnostics.map((d) => d.summary).join('\n'));
    const out: unknown[][] = [];
    for (const p of this.cloud.topics.partitionOffsets(this.clusterId, tableName)) {
      const recs = this.cloud.topics.read(this.clusterId, tableName, p.partition, p.logStartOffset, 1_000_000).records;
      for (const r of recs) {
        const row = de.value(r);
        if (row instanceof Error) throw row;
        out.push(row);
      }
    }
    return out;
  }

  /** Polls `cond` once per macrotask round until it holds (at most `ms`); for effects with no event to wait on. */
  async until(cond: () => boolean, what: string, ms = 5000): Promise<void> {
    const deadline = Date.now() + ms;
    while (!cond()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((r) => setTimeout(r, 5));
    }
  }

  /** Stops the executor and the cloud; removes the temp dir unless `keepDir`. */
  async close(opts: { readonly keepDir?: boolean } = {}): Promise<void> {
    await this.executor.close();
    await this.cloud.close();
    if (this.#ownsDir && opts.keepDir !== true) rmSync(this.#dir, { recursive: true, force: true });
  }
}

async function json(url: string, method: string, path: string, body?: unknown): Promise<Reply> {
  const res = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}
