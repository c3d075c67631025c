/**
 * Test support for operations: an in-process local cloud (port 0, temp dir) with one environment,
 * one Kafka cluster and one compute pool made over HTTP, statements submitted through sql/v1, and
 * waits driven by the statement store's events (no sleeps).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startCloud, type RunningCloud } from '../../src/cloud/index.js';
import type { StatementRecord } from '../../src/cloud/index.js';
import type { AutopilotOptions } from '../../src/cloud/flink/index.js';
import type { Clock } from '../../src/shared/index.js';

/** A JSON reply. */
export interface Reply { readonly status: number; readonly body: Record<string, unknown> }

/** The cloud with env `dev`, cluster `cluster_0` and pool `pool-5` (max_cfu 5). */
export class OpsCloud {
  readonly cloud: RunningCloud;
  readonly envId: string;
  readonly clusterId: string;
  readonly poolId: string;
  readonly #dir: string;
  readonly #clock: Clock | undefined;
  readonly #autopilot: AutopilotOptions | undefined;

  private constructor(cloud: RunningCloud, envId: string, clusterId: string, poolId: string, dir: string, clock: Clock | undefined, autopilot?: AutopilotOptions) {
    this.cloud = cloud;
    this.#autopilot = autopilot;
    this.#clock = clock;
    this.envId = envId;
    this.clusterId = clusterId;
    this.poolId = poolId;
    this.#dir = dir;
  }

  /** Starts the cloud and creates the environment, cluster and pool. */
  static async start(opts: { readonly clock?: Clock; readonly maxCfu?: number; readonly autopilot?: AutopilotOptions; readonly metricsSampleMs?: number } = {}): Promise<OpsCloud> {
    const dir = mkdtempSync(join(tmpdir(), 'streamform-ops-'));
    const cloud = await startCloud({
      dataDir: dir, port: 0, runConnectors: false, ...(opts.clock === undefined ? {} : { clock: opts.clock }), ...(opts.metricsSampleMs === undefined ? {} : { metricsSampleMs: opts.metricsSampleMs }), ...(opts.autopilot === undefined ? {} : { autopilot: opts.autopilot }),
    });
    const env = await json(cloud.url, 'POST', '/org/v2/environments', { display_name: 'dev', stream_governance_config: { package: 'ESSENTIALS' } });
    const envId = String(env.body['id']);
    const cluster = await json(cloud.url, 'POST', '/cmk/v2/clusters', { spec: { display_name: 'cluster_0', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-1', config: { kind: 'Basic' }, environment: { id: envId } } });
    const pool = await json(cloud.url, 'POST', '/fcpm/v2/compute-pools', { spec: { display_name: 'pool-5', cloud: 'AWS', region: 'us-east-1', max_cfu: opts.maxCfu ?? 5, environment: { id: envId } } });
    if (pool.status !== 202 && pool.status !== 201) throw new Error(`pool: ${pool.status} ${JSON.stringify(pool.body)}`);
    return new OpsCloud(cloud, envId, String(cluster.body['id']), String(pool.body['id']), dir, opts.clock, opts.autopilot);
  }

  /** Closes this cloud and starts a new one on the same data directory (statements resume); `autopilot` replaces the options. */
  async restart(opts: { readonly autopilot?: AutopilotOptions } = {}): Promise<OpsCloud> {
    await this.cloud.close();
    const autopilot = opts.autopilot ?? this.#autopilot;
    const cloud = await startCloud({
      dataDir: this.#dir, port: 0, runConnectors: false, ...(this.#clock === undefined ? {} : { clock: this.#clock }), ...(autopilot === undefined ? {} : { autopilot }),
    });
    return new OpsCloud(cloud, this.envId, this.clusterId, this.poolId, this.#dir, this.#clock, autopilot);
  }

  /** `/sql/v1/.../statements`. */
  get statementsPath(): string { return `/sql/v1/organizations/${this.cloud.organizationId}/environments/${this.envId}/statements`; }

  /** HTTP against the cloud. */
  request(method: string, path: string, body?: unknown): Promise<Reply> {
    return json(this.cloud.url, method, path, body);
  }

  /** Submits a statement in the pool. */
  async submit(name: string, sql: string, properties: Readonly<Record<string, string>> = {}): Promise<void> {
    const r = await this.request('POST', this.statementsPath, {
      name, spec: { statement: sql, compute_pool_id: this.poolId, properties: { 'sql.current-catalog': 'dev', 'sql.current-database': 'cluster_0', ...properties } },
    });
    if (r.status !== 201 && r.status !== 200) throw new Error(`submit ${name}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
  }

  /** Submits and waits until `done` holds for the statement. */
  async run(name: string, sql: string, done: (s: StatementRecord) => boolean = (s) => s.status.phase !== 'PENDING', properties: Readonly<Record<string, string>> = {}): Promise<StatementRecord> {
    await this.submit(name, sql, properties);
    return this.until(name, done);
  }

  /** Resolves with the statement once `cond` holds (checked on each store event); rejects after 5 s. */
  until(name: string, cond: (s: StatementRecord) => boolean): Promise<StatementRecord> {
    const store = this.cloud.statements;
    return new Promise((resolve, reject) => {
      const check = (): void => {
        const s = store.get(this.envId, name);
        if (s !== undefined && cond(s)) { done(); resolve(s); }
      };
      const unsubscribe = store.subscribe((e) => { if (e.name === name) check(); });
      const timer = setTimeout(() => { done(); reject(new Error(`statement ${name} never reached the expected state: ${JSON.stringify(store.get(this.envId, name)?.status)}`)); }, 5000);
      const done = (): void => { unsubscribe(); clearTimeout(timer); };
      check();
    });
  }

  /** Polls `cond` once per short timer tick (bounded); for effects without a store event. */
  async poll(cond: () => boolean, what: string): Promise<void> {
    for (let i = 0; !cond(); i++) {
      if (i > 1000) throw new Error(`timed out waiting for ${what}`);
      await new Promise<void>((r) => setTimeout(r, 5));
    }
  }

  /** Stops (or resumes) a statement through PUT, as clients do. */
  async setStopped(name: string, stopped: boolean): Promise<Reply> {
    const cur = await this.request('GET', `${this.statementsPath}/${name}`);
    const spec = cur.body['spec'] as Record<string, unknown>;
    return this.request('PUT', `${this.statementsPath}/${name}`, { name, metadata: cur.body['metadata'], spec: { ...spec, stopped } });
  }

  /** Appends records with raw values (a `'value.format' = 'raw'` table's topic), optionally at a record time. */
  produceRaw(topic: string, values: readonly string[], timestamp?: number): void {
    this.cloud.topics.append(this.clusterId, topic, values.map((v) => ({ key: null, value: Buffer.from(v), ...(timestamp === undefined ? {} : { timestamp }) })));
  }

  /** Closes the cloud and removes its directory. */
  async close(): Promise<void> {
    await this.cloud.close();
    rmSync(this.#dir, { recursive: true, force: true });
  }
}

async function json(url: string, method: string, path: string, body?: unknown): Promise<Reply> {
  const res = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** Polls `cond` until it holds (no sleeps as synchronisation: a condition with a deadline), producing a batch per round when `produce` is given. */
export async function waitFor(what: string, cond: () => boolean, produce?: () => void, ms = 60_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    produce?.();
    await new Promise<void>((r) => setTimeout(r, 10));
  }
}
