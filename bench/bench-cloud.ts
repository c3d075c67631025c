/**
 * A local cloud for benchmarks: in-process (temp dir, port 0), one environment `bench` with one
 * cluster `cluster_0`, and statements submitted over the sql/v1 REST API and awaited through the
 * statement store's events (no polling).
 */
import { createHash } from 'node:crypto';
import { startCloud, type RunningCloud, type StatementPhase } from '../src/cloud/index.js';
import type { AutopilotOptions } from '../src/cloud/flink/index.js';

interface Reply { readonly status: number; readonly body: Record<string, unknown> }

async function http(url: string, method: string, path: string, body?: unknown): Promise<Reply> {
  const res = await fetch(`${url}${path}`, { method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const text = await res.text();
  return { status: res.status, body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>) };
}

/** A cloud with one environment and cluster, and a way to run statements to a terminal phase. */
export class BenchCloud {
  readonly #cloud: RunningCloud;
  readonly #env: string;
  readonly #cluster: string;
  #n = 0;

  private constructor(cloud: RunningCloud, env: string, cluster: string) {
    this.#cloud = cloud;
    this.#env = env;
    this.#cluster = cluster;
  }

  /** Records in a topic of the bench cluster (sum over partitions of high watermark − log start). */
  topicRecords(topic: string): number {
    let n = 0;
    for (const p of this.#cloud.topics.partitionOffsets(this.#cluster, topic)) n += p.highWatermark - p.logStartOffset;
    return n;
  }

  /** sha256 over every record of a topic (partition by partition, in offset order): key, value and headers. */
  topicDigest(topic: string): string {
    const h = createHash('sha256');
    const store = this.#cloud.topics;
    for (const [partition, p] of store.partitionOffsets(this.#cluster, topic).entries()) {
      for (let at = p.logStartOffset; at < p.highWatermark;) {
        const r = store.read(this.#cluster, topic, partition, at, 10_000);
        for (const rec of r.records) {
          h.update(`${rec.key?.toString('base64') ?? '-'} ${rec.value?.toString('base64') ?? '-'} ${rec.headers.map((x) => `${x.key}=${x.value?.toString('base64') ?? '-'}`).join(',')}\n`);
        }
        if (r.nextOffset <= at) break;
        at = r.nextOffset;
      }
    }
    return h.digest('hex');
  }

  /** Calls `each` with every record of a topic, partition by partition, in offset order. */
  forEachRecord(topic: string, each: (key: Buffer | null, value: Buffer | null, partition: number) => void): void {
    const store = this.#cloud.topics;
    for (const [partition, p] of store.partitionOffsets(this.#cluster, topic).entries()) {
      for (let at = p.logStartOffset; at < p.highWatermark;) {
        const r = store.read(this.#cluster, topic, partition, at, 10_000);
        for (const rec of r.records) each(rec.key, rec.value, partition);
        if (r.nextOffset <= at) break;
        at = r.nextOffset;
      }
    }
  }

  /** `autopilot`: e.g. `{ fixedParallelism: 2 }` to run scalable jobs at a set parallelism. */
  static async start(dir: string, opts: { readonly autopilot?: AutopilotOptions } = {}): Promise<BenchCloud> {
    const cloud = await startCloud({ dataDir: dir, port: 0, ...(opts.autopilot === undefined ? {} : { autopilot: opts.autopilot }) });
    const env = await http(cloud.url, 'POST', '/org/v2/environments', { display_name: 'bench', stream_governance_config: { package: 'ESSENTIALS' } });
    const envId = String(env.body['id']);
    const cluster = await http(cloud.url, 'POST', '/cmk/v2/clusters', {
      spec: { display_name: 'cluster_0', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-1', config: { kind: 'Basic' }, environment: { id: envId } },
    });
    if (cluster.status >= 300) throw new Error(`creating the cluster: HTTP ${cluster.status} ${JSON.stringify(cluster.body)}`);
    return new BenchCloud(cloud, envId, String(cluster.body['id']));
  }

  /** Submits a statement and resolves with its terminal phase and detail. */
  async run(sql: string): Promise<{ phase: StatementPhase; detail: string }> {
    const name = `bench-${++this.#n}`;
    const store = this.#cloud.statements;
    const done = new Promise<{ phase: StatementPhase; detail: string }>((resolve) => {
      const check = (): void => {
        const s = store.get(this.#env, name);
        if (s !== undefined && ['COMPLETED', 'FAILED', 'STOPPED'].includes(s.status.phase)) {
          unsubscribe();
          resolve({ phase: s.status.phase, detail: s.status.detail });
        }
      };
      const unsubscribe = store.subscribe((e) => { if (e.name === name) check(); });
    });
    const path = `/sql/v1/organizations/${this.#cloud.organizationId}/environments/${this.#env}/statements`;
    const r = await http(this.#cloud.url, 'POST', path, {
      name, spec: { statement: sql, properties: { 'sql.current-catalog': 'bench', 'sql.current-database': 'cluster_0' } },
    });
    if (r.status >= 300) throw new Error(`submitting ${name}: HTTP ${r.status} ${JSON.stringify(r.body)}`);
    return done;
  }

  async must(sql: string): Promise<void> {
    const r = await this.run(sql);
    if (r.phase !== 'COMPLETED') throw new Error(`${r.phase}: ${r.detail}\n${sql}`);
  }

  close(): Promise<void> { return this.#cloud.close(); }
}

