/**
 * Statement evolution through the real CLI: a configuration with source and sink tables and the
 * statements that evolve, the directory's local cloud, and kafkajs clients that produce JSON
 * Schema records (Confluent wire format) to `orders` and read the sink topics back.
 */
import { Kafka, logLevel } from 'kafkajs';
import type { Producer } from 'kafkajs';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { BIN, hclOpening, removeDir } from '../support/index.js';
import type { CliResult } from '../support/index.js';

/** The statements that evolve; `annotations` are `# streamform: …` lines inside their blocks. */
export interface EvolvingSql {
  readonly filter: string;
  readonly pinned: string;
  readonly totals: string;
  readonly totalsAnnotation?: string;
  readonly pairs: string;
  readonly pairsAnnotation?: string;
  /** `stopped` of the pinned statement. */
  readonly pinnedStopped?: boolean;
  /** Confluent's two-resource carry-over: a statement with `sql.tables.initial-offset-from` = the pinned one. */
  readonly next?: string;
}

/** The arguments every statement of these configs shares (inside a `confluent_flink_statement` block). */
export const STATEMENT_COMMON = `
  organization { id = data.confluent_organization.this.id }
  environment  { id = confluent_environment.env.id }
  compute_pool { id = confluent_flink_compute_pool.pool.id }
  principal    { id = confluent_service_account.runner.id }
  rest_endpoint = data.confluent_flink_region.r.rest_endpoint
  properties    = local.props`;

/**
 * The fixed part of an evolution config: provider, environment `env` (display name `environment`),
 * cluster `k` (cluster_0), pool, Flink region, the `runner` service account, the Schema Registry,
 * `local.props` (catalog and database) and the outputs OrdersClient.open needs.
 */
export function baseConfig(environment: string): string {
  return `${hclOpening({ environment, cluster: 'cluster_0' })}
resource "confluent_flink_compute_pool" "pool" {
  display_name = "pool"
  cloud        = "AWS"
  region       = "us-east-2"
  max_cfu      = 10
  environment { id = confluent_environment.env.id }
}

data "confluent_flink_region" "r" {
  cloud  = "AWS"
  region = "us-east-2"
}

resource "confluent_service_account" "runner" {
  display_name = "runner"
}

data "confluent_schema_registry_cluster" "sr" {
  environment { id = confluent_environment.env.id }
  depends_on = [confluent_kafka_cluster.k]
}

locals {
  props = {
    "sql.current-catalog"  = confluent_environment.env.display_name
    "sql.current-database" = confluent_kafka_cluster.k.display_name
  }
}

output "bootstrap" { value = confluent_kafka_cluster.k.bootstrap_endpoint }
output "schema_registry" { value = data.confluent_schema_registry_cluster.sr.rest_endpoint }
`;
}

/** main.tf: environment, cluster, pool, the tables (as DDL statements) and three evolving statements. */
export function evolutionConfig(sql: EvolvingSql): string {
  const table = (name: string, ddl: string, after?: string): string => `
resource "confluent_flink_statement" "${name}" {${STATEMENT_COMMON}
  statement     = "${ddl}"${after === undefined ? '' : `\n  depends_on    = [confluent_flink_statement.${after}]`}
}
`;
  return `${baseConfig('evo')}${table('orders', "CREATE TABLE orders (id INT, amount INT) DISTRIBUTED INTO 2 BUCKETS WITH ('value.format' = 'json-registry');")}
${table('big_orders', "CREATE TABLE big_orders (id INT, amount INT, tag STRING) DISTRIBUTED INTO 1 BUCKETS WITH ('value.format' = 'json-registry');", 'orders')}
${table('big_orders_pinned', "CREATE TABLE big_orders_pinned (id INT, amount INT, tag STRING) DISTRIBUTED INTO 1 BUCKETS WITH ('value.format' = 'json-registry');", 'big_orders')}
${table('matched', "CREATE TABLE matched (id INT, amount INT) DISTRIBUTED INTO 1 BUCKETS WITH ('value.format' = 'json-registry');", 'totals')}
${table('totals', "CREATE TABLE totals (k INT, n BIGINT, s INT, PRIMARY KEY (k) NOT ENFORCED) DISTRIBUTED INTO 1 BUCKETS WITH ('value.format' = 'json-registry', 'key.format' = 'json-registry');", 'big_orders_pinned')}
resource "confluent_flink_statement" "filter" {${STATEMENT_COMMON}
  statement     = "${sql.filter}"
  depends_on    = [confluent_flink_statement.totals]
}

resource "confluent_flink_statement" "filter_pinned" {${STATEMENT_COMMON}
  statement_name = "filter-pinned"
  statement      = "${sql.pinned}"
  stopped        = ${sql.pinnedStopped === true ? 'true' : 'false'}
  depends_on     = [confluent_flink_statement.totals]
}
${sql.next === undefined ? '' : `
resource "confluent_flink_statement" "filter_next" {
  organization { id = data.confluent_organization.this.id }
  environment  { id = confluent_environment.env.id }
  compute_pool { id = confluent_flink_compute_pool.pool.id }
  principal    { id = confluent_service_account.runner.id }
  rest_endpoint = data.confluent_flink_region.r.rest_endpoint
  statement     = "${sql.next}"
  properties    = merge(local.props, { "sql.tables.initial-offset-from" = confluent_flink_statement.filter_pinned.statement_name })
}
`}
resource "confluent_flink_statement" "totals_job" {${sql.totalsAnnotation === undefined ? '' : `\n  # streamform: evolution = "${sql.totalsAnnotation}"`}${STATEMENT_COMMON}
  statement     = "${sql.totals}"
  depends_on    = [confluent_flink_statement.totals]
}

resource "confluent_flink_statement" "pairs_job" {${sql.pairsAnnotation === undefined ? '' : `\n  # streamform: evolution = "${sql.pairsAnnotation}"`}${STATEMENT_COMMON}
  statement     = "${sql.pairs}"
  depends_on    = [confluent_flink_statement.matched]
}
`;
}

function childEnv(extra: Readonly<Record<string, string>> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...extra };
  delete env['STREAMFORM_CLOUD_URL']; // the directory's own local cloud
  return env;
}

/** The real binary, synchronously (the directory's own local cloud). */
export function run(dir: string, ...args: string[]): CliResult {
  return runWith({}, dir, ...args);
}

/** `run` with extra environment variables. */
export function runWith(env: Readonly<Record<string, string>>, dir: string, ...args: string[]): CliResult {
  const r = spawnSync(process.execPath, [BIN, `-chdir=${dir}`, ...args], { encoding: 'utf8', env: childEnv(env), timeout: 120_000 });
  return { code: r.status ?? -1, out: r.stdout, err: r.error ? `${r.error.message}\n${r.stderr}` : r.stderr };
}

/** The real binary as a child process; this process keeps running (producers) meanwhile. */
export function runAsync(dir: string, ...args: string[]): Promise<CliResult> {
  const child = spawn(process.execPath, [BIN, `-chdir=${dir}`, ...args], { env: childEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
  child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
  return new Promise((resolve) => { child.on('close', (code) => resolve({ code: code ?? -1, out, err })); });
}

/** `exit N` plus both streams, for assertion messages. */
export function explain(r: CliResult): string {
  return `exit ${r.code}\n--- stdout\n${r.out}\n--- stderr\n${r.err}`;
}

/** One produced order. */
export interface Order { readonly id: number; readonly amount: number; readonly partition: number }

/** kafkajs against the local cloud's Kafka listener, with the registry id of `orders-value`. */
export class OrdersClient {
  readonly #kafka: Kafka;
  readonly #producer: Producer;
  readonly #schemaId: number;
  readonly produced: Order[] = [];
  #next = 0;

  private constructor(kafka: Kafka, producer: Producer, schemaId: number) {
    this.#kafka = kafka;
    this.#producer = producer;
    this.#schemaId = schemaId;
  }

  static async open(bootstrap: string, schemaRegistry: string): Promise<OrdersClient> {
    const kafka = new Kafka({ brokers: [bootstrap.replace(/^SASL_PLAINTEXT:\/\//, '')], clientId: 'evolution-test', logLevel: logLevel.NOTHING });
    const producer = kafka.producer();
    await producer.connect();
    const subject = await (await fetch(`${schemaRegistry}/subjects/orders-value/versions/latest`)).json() as { id: number };
    if (typeof subject.id !== 'number') throw new Error(`no schema for orders-value: ${JSON.stringify(subject)}`);
    return new OrdersClient(kafka, producer, subject.id);
  }

  /** Produces `n` orders (ids continue; amount = id % 20; partitions alternate). */
  async produce(n: number): Promise<void> {
    const byPartition = new Map<number, { value: Buffer }[]>();
    for (let i = 0; i < n; i++) {
      const id = this.#next++;
      const order = { id, amount: id % 20, partition: id % 2 };
      this.produced.push(order);
      const header = Buffer.alloc(5);
      header.writeInt32BE(this.#schemaId, 1);
      const list = byPartition.get(order.partition) ?? [];
      list.push({ value: Buffer.concat([header, Buffer.from(JSON.stringify({ id, amount: order.amount }))]) });
      byPartition.set(order.partition, list);
    }
    for (const [partition, messages] of byPartition) await this.#producer.send({ topic: 'orders', messages: messages.map((m) => ({ ...m, partition })) });
  }

  /**
   * Reads a topic from the beginning until `done` holds (or the deadline passes). `done` runs once
   * per record as it arrives, with every record read so far and that record: keep it O(1) per
   * record (track what it needs from `latest`). A predicate that scans all records each time makes
   * the read quadratic: 45 000 records then took more than the 60 s deadline, and the records past
   * that point looked lost although the topic held them.
   */
  async readTopic(topic: string, done: (records: readonly TopicRecord[], latest: TopicRecord) => boolean, timeoutMs = 60_000): Promise<TopicRecord[]> {
    const consumer = this.#kafka.consumer({ groupId: `evolution-${topic}-${Date.now()}` });
    const records: TopicRecord[] = [];
    await consumer.connect();
    try {
      await consumer.subscribe({ topic, fromBeginning: true });
      let resolve: () => void = () => undefined;
      const finished = new Promise<void>((r) => { resolve = r; });
      await consumer.run({
        eachMessage: async ({ partition, message }) => {
          const record = { partition, offset: Number(message.offset), key: decode(message.key), value: decode(message.value) };
          records.push(record);
          if (done(records, record)) resolve();
        },
      });
      const timer = setTimeout(resolve, timeoutMs);
      await finished;
      clearTimeout(timer);
      return records;
    } finally {
      await consumer.disconnect();
    }
  }

  /** How many records a topic holds (sum of its partitions' end offsets): tells a short read from missing data. */
  async recordCount(topic: string): Promise<number> {
    const admin = this.#kafka.admin();
    await admin.connect();
    try {
      return (await admin.fetchTopicOffsets(topic)).reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
    } finally {
      await admin.disconnect();
    }
  }

  async close(): Promise<void> {
    await this.#producer.disconnect();
  }
}

/** One record read back; key and value decoded from JSON Schema wire format (null stays null). */
export interface TopicRecord {
  readonly partition: number;
  readonly offset: number;
  readonly key: Record<string, unknown> | null;
  readonly value: Record<string, unknown> | null;
}

function decode(b: Buffer | null): Record<string, unknown> | null {
  if (b === null || b.length < 5) return null;
  return JSON.parse(b.subarray(5).toString('utf8')) as Record<string, unknown>;
}

/**
 * Every produced order with amount > 10 is in big_orders exactly once, written by the versions
 * (its `tag`) taking over in order per partition, and every version wrote some.
 */
export async function assertBigOrdersExactlyOnce(client: OrdersClient, versions: readonly string[]): Promise<void> {
  const expected = client.produced.filter((o) => o.amount > 10);
  const records = await client.readTopic('big_orders', (r) => r.length >= expected.length);
  const tagOf = new Map<number, string>();
  for (const r of records) {
    const id = Number(r.value?.['id']);
    assert.ok(!tagOf.has(id), `order ${id} written twice`);
    tagOf.set(id, String(r.value?.['tag']));
  }
  assert.deepEqual([...tagOf.keys()].sort((a, b) => a - b), expected.map((o) => o.id), 'every matching order exactly once');
  for (const p of [0, 1]) {
    let at = 0;
    for (const o of expected.filter((x) => x.partition === p)) {
      const i = versions.indexOf(tagOf.get(o.id) ?? '');
      assert.ok(i >= at, `order ${o.id} (partition ${p}) went through ${tagOf.get(o.id) ?? '?'} after ${versions[at] ?? '?'} took over`);
      at = i;
    }
  }
  assert.deepEqual([...new Set(tagOf.values())].sort(), [...versions].sort(), 'every version wrote orders');
}

/** The first apply of a work directory's config succeeded; a client for its cloud, with 100 orders produced. */
export async function firstApply(dir: string, apply: () => CliResult): Promise<OrdersClient> {
  const applied = apply();
  assert.equal(applied.code, 0, explain(applied));
  const client = await OrdersClient.open(run(dir, 'output', '-raw', 'bootstrap').out.trim(), run(dir, 'output', '-raw', 'schema_registry').out.trim());
  await client.produce(100);
  return client;
}

/** Closes the client, stops the directory's cloud and removes the directory. */
export async function closeWorkdir(dir: string, client: OrdersClient | undefined): Promise<void> {
  await client?.close();
  if (dir === '') return;
  run(dir, 'cloud', 'stop');
  removeDir(dir);
}

/** main.tf resources of the carry-over tests: the `orders` source and `big_orders` sink tables. */
export const ORDERS_AND_BIG_ORDERS = `resource "confluent_flink_statement" "orders" {${STATEMENT_COMMON}
  statement     = "CREATE TABLE orders (id INT, amount INT) DISTRIBUTED INTO 2 BUCKETS WITH ('value.format' = 'json-registry');"
}
resource "confluent_flink_statement" "big_orders" {${STATEMENT_COMMON}
  statement     = "CREATE TABLE big_orders (id INT, amount INT, tag STRING) DISTRIBUTED INTO 1 BUCKETS WITH ('value.format' = 'json-registry');"
  depends_on    = [confluent_flink_statement.orders]
}`;

/** The carried-over filter of the carry-over tests, version `tag`, reading `from`. */
export const bigOrdersVersion = (tag: string, from = 'orders'): string => `INSERT INTO big_orders SELECT id, amount, '${tag}' FROM ${from} WHERE amount > 10;`;

/** `apply -auto-approve` while the client keeps producing orders, 10 at a time, until it returns. */
export async function applyWhileProducing(client: OrdersClient, dir: string): Promise<CliResult> {
  let producing = true;
  const during = (async () => { while (producing) await client.produce(10); })();
  const applied = await runAsync(dir, 'apply', '-auto-approve');
  producing = false;
  await during;
  return applied;
}
