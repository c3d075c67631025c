import { afterEach, beforeEach, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { TopicLogStore } from '../../kafka/index.js';
import type { LogRecord } from '../../kafka/index.js';
import { SchemaRegistryStore, MAGIC_BYTE } from '../../schema-registry/index.js';
import { fixedClock } from '../../../shared/index.js';
import {
  DatagenTask, DatagenTaskError, buildSchemaModel, fromConnectOffsets, generateRecords, taskSeed, toConnectOffset, validateDatagenConfig, valueConverter,
} from './index.js';
import type { DatagenConfig, DatagenStepResult, OutputDataFormat } from './index.js';

const C = 'lkc-abc12';
const SR = 'lsrc-xyz89';
const T0 = 1_764_000_000_000;

let dir: string;
let db: Database.Database;
let topics: TopicLogStore;
let registry: SchemaRegistryStore;

beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'datagen-task-'));
  db = new Database(path.join(dir, 'cloud.db'));
  db.pragma('journal_mode = WAL');
  topics = new TopicLogStore(db, { clock: fixedClock(T0) });
  registry = new SchemaRegistryStore(db);
});

afterEach(() => {
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

function config(raw: { readonly [key: string]: string }): DatagenConfig {
  const out = validateDatagenConfig({ 'connector.class': 'DatagenSource', ...raw });
  assert.deepEqual(out.diagnostics, []);
  assert.ok(out.value !== undefined);
  return out.value;
}

function task(cfg: DatagenConfig, extra: Partial<ConstructorParameters<typeof DatagenTask>[0]> = {}): DatagenTask {
  return new DatagenTask({ config: cfg, taskId: 0, store: topics, cluster: C, schemaRegistry: { store: registry, srId: SR }, ...extra });
}

function records(topic: string): LogRecord[] {
  return topics.read(C, topic, 0, 0, 100000).records.slice();
}

function header(r: LogRecord, key: string): string | undefined {
  return r.headers.find((h) => h.key === key)?.value?.toString('utf8');
}

function normalize(v: unknown): unknown {
  return JSON.parse(JSON.stringify(v, (_k, x: unknown) => (x !== null && typeof x === 'object' && (x as { type?: unknown }).type === 'Buffer' ? Buffer.from((x as { data: number[] }).data).toString('base64') : x)));
}

test('SHOE_ORDERS with AVRO: string keys, Connect headers, no timestamp, value-only subject', () => {
  topics.createTopic(C, 'shoe_orders', { partitionsCount: 1 });
  const t = task(config({ 'kafka.topic': 'shoe_orders', quickstart: 'SHOE_ORDERS', 'output.data.format': 'AVRO' }));
  const res = t.step(5);
  assert.equal(res.produced, 5);
  assert.equal(res.offset.iteration, 5);
  assert.deepEqual(registry.listSubjects(SR), ['shoe_orders-value']);
  const subject = registry.getVersion(SR, 'shoe_orders-value', 'latest');
  const registered = JSON.parse(subject.schema) as { 'connect.name': string; fields: { name: string; type: unknown }[] };
  assert.equal(registered['connect.name'], 'shoes.shoe_orders');
  assert.doesNotMatch(subject.schema, /arg\.properties/);
  assert.deepEqual(registered.fields.find((f) => f.name === 'ts')?.type, { type: 'long', 'connect.version': 1, 'connect.name': 'org.apache.kafka.connect.data.Timestamp', logicalType: 'timestamp-millis' });
  const codec = registry.codec(SR);
  records('shoe_orders').forEach((r, i) => {
    assert.equal(r.key?.toString('utf8'), String(1000 + i));
    assert.equal(r.timestamp, T0);
    assert.equal(r.timestampType, 'CreateTime');
    assert.deepEqual([header(r, 'task.generation'), header(r, 'task.id'), header(r, 'current.iteration')], ['0', '0', String(i)]);
    assert.ok(r.value !== null && r.value[0] === MAGIC_BYTE);
    const decoded = codec.decode(r.value);
    assert.equal(decoded.schemaId, subject.id);
    const v = decoded.value as { order_id: number; ts: number };
    assert.equal(v.order_id, 1000 + i);
    assert.equal(v.ts, 1609459200000 + 100000 * i);
  });
});

const FORMATS: readonly OutputDataFormat[] = ['AVRO', 'JSON_SR', 'PROTOBUF'];
const ROUND_TRIP = ['SHOE_ORDERS', 'USERS_', 'FLEET_MGMT_LOCATION', 'PURCHASES', 'PIZZA_ORDERS', 'STOCK_TRADES'];

for (const format of FORMATS) {
  test(`${format}: values decode with the registered schema to what the generator produced`, () => {
    for (const q of ROUND_TRIP) {
      const topic = `t_${q.toLowerCase()}`;
      topics.createTopic(C, topic, { partitionsCount: 1 });
      const cfg = config({ 'kafka.topic': topic, quickstart: q, 'output.data.format': format, 'random.seed': '31' });
      task(cfg).step(25);
      const model = buildSchemaModel(cfg.schema);
      const convert = valueConverter(model, format);
      const expected = generateRecords(cfg.schema, 25, taskSeed('31', 0)).map((d) => normalize(convert(d)));
      const schemaType = registry.getVersion(SR, `${topic}-value`, 'latest').schemaType;
      assert.equal(schemaType, format === 'JSON_SR' ? 'JSON' : format);
      const codec = registry.codec(SR);
      const got = records(topic).map((r) => normalize(codec.decode(r.value ?? Buffer.alloc(0)).value));
      assert.deepEqual(got, expected, `${format} ${q}`);
    }
  });
}

test('JSON: plain JSON values without a schema id, nothing registered', () => {
  topics.createTopic(C, 'shoes', { partitionsCount: 1 });
  const cfg = config({ 'kafka.topic': 'shoes', quickstart: 'PURCHASES', 'output.data.format': 'JSON', 'random.seed': '5' });
  new DatagenTask({ config: cfg, taskId: 0, store: topics, cluster: C }).step(10);
  const expected = generateRecords(cfg.schema, 10, taskSeed('5', 0)).map((d) => valueConverter(buildSchemaModel(cfg.schema), 'JSON')(d));
  assert.deepEqual(records('shoes').map((r) => JSON.parse(r.value?.toString('utf8') ?? 'null') as unknown), expected);
  assert.deepEqual(registry.listSubjects(SR), []);
  assert.equal(typeof (expected[0] as { price_per_unit: unknown }).price_per_unit, 'string');
});

test('a task restored from its offset continues exactly where the uninterrupted task would be', () => {
  topics.createTopic(C, 'a', { partitionsCount: 1 });
  topics.createTopic(C, 'b', { partitionsCount: 1 });
  const cfgA = config({ 'kafka.topic': 'a', quickstart: 'SHOE_CLICKSTREAM', 'random.seed': '1234' });
  const cfgB = config({ 'kafka.topic': 'b', quickstart: 'SHOE_CLICKSTREAM', 'random.seed': '1234' });
  task(cfgA).step(60);
  const first = task(cfgB);
  const stopped = first.step(50);
  const stored = toConnectOffset(0, stopped.offset);
  assert.deepEqual(stored.partition, { 'task.id': 0 });
  const restored = fromConnectOffsets([JSON.parse(JSON.stringify(stored)) as typeof stored], 0);
  assert.deepEqual(restored, stopped.offset);
  assert.ok(restored !== undefined);
  task(cfgB, { startingOffset: restored }).step(10);
  const a = records('a');
  const b = records('b');
  assert.equal(b.length, 60);
  const codec = registry.codec(SR);
  for (let i = 0; i < 60; i++) {
    const ra = a[i];
    const rb = b[i];
    assert.ok(ra !== undefined && rb !== undefined);
    assert.deepEqual(codec.decode(rb.value ?? Buffer.alloc(0)).value, codec.decode(ra.value ?? Buffer.alloc(0)).value, `record ${i}`);
    assert.deepEqual(rb.key, ra.key);
    assert.equal(header(rb, 'current.iteration'), String(i));
    assert.equal(header(rb, 'task.generation'), i < 50 ? '0' : '1');
  }
  assert.equal((codec.decode(b[50]?.value ?? Buffer.alloc(0)).value as { ts: number }).ts, 1609457200000 + 10000 * 50);
});

test('random.seed makes runs reproducible; each task of a connector gets its own stream', () => {
  for (const t of ['x', 'y', 'z']) topics.createTopic(C, t, { partitionsCount: 1 });
  const cfg = (topic: string): DatagenConfig => config({ 'kafka.topic': topic, quickstart: 'USERS', 'random.seed': '77', 'output.data.format': 'JSON' });
  task(cfg('x')).step(30);
  task(cfg('y')).step(30);
  task(cfg('z'), { taskId: 1 }).step(30);
  const values = (topic: string): string[] => records(topic).map((r) => r.value?.toString('utf8') ?? '');
  assert.deepEqual(values('x'), values('y'));
  assert.notDeepEqual(values('x'), values('z'));
  assert.equal(header(records('z')[0] as LogRecord, 'task.id'), '1');
});

test('iterations bounds the count; the task then reports the connector\'s stop message', () => {
  topics.createTopic(C, 'few', { partitionsCount: 1 });
  const t = task(config({ 'kafka.topic': 'few', quickstart: 'STORES', iterations: '3' }));
  assert.deepEqual([t.step(10).produced, t.step(10).produced], [3, 0]);
  assert.equal(t.exhausted, true);
  assert.equal(t.exhaustedMessage, 'Stopping connector: generated the configured 3 number of messages');
  assert.equal(records('few').length, 3);
});

test('a failed append leaves nothing written and the task state unchanged', () => {
  const t = task(config({ 'kafka.topic': 'late', quickstart: 'SHOE_ORDERS' }));
  assert.throws(() => t.step(3), DatagenTaskError);
  assert.equal(t.offset.iteration, 0);
  topics.createTopic(C, 'late', { partitionsCount: 1 });
  t.step(2);
  assert.deepEqual(records('late').map((r) => header(r, 'current.iteration')), ['0', '1']);
  assert.equal((registry.codec(SR).decode(records('late')[0]?.value ?? Buffer.alloc(0)).value as { order_id: number }).order_id, 1000);
});

test('AVRO output without a schema registry fails with a task error', () => {
  topics.createTopic(C, 'nosr', { partitionsCount: 1 });
  const t = new DatagenTask({ config: config({ 'kafka.topic': 'nosr', quickstart: 'SHOES' }), taskId: 0, store: topics, cluster: C });
  assert.throws(() => t.step(1), /needs a Schema Registry/);
});

test('run paces each record with a sleep below max.interval and stops on abort or exhaustion', async () => {
  topics.createTopic(C, 'paced', { partitionsCount: 1 });
  const sleeps: number[] = [];
  const sleep = async (ms: number): Promise<void> => { sleeps.push(ms); };
  const fractions = [0, 0.5, 0.999];
  let n = 0;
  const t = task(config({ 'kafka.topic': 'paced', quickstart: 'SHOE_ORDERS', 'max.interval': '500' }), { sleep, pacing: () => fractions[n++ % 3] ?? 0 });
  const ctl = new AbortController();
  const seen: DatagenStepResult[] = [];
  const end = await t.run(ctl.signal, (r) => { seen.push(r); if (seen.length === 6) ctl.abort(); });
  assert.equal(end.kind, 'aborted');
  assert.equal(end.offset.iteration, 6);
  assert.deepEqual(sleeps, [0, 250, 499, 0, 250, 499]);
  assert.deepEqual(seen.map((r) => r.produced), [1, 1, 1, 1, 1, 1]);

  topics.createTopic(C, 'bounded', { partitionsCount: 1 });
  const bounded = task(config({ 'kafka.topic': 'bounded', quickstart: 'SHOES', 'max.interval': '0', iterations: '250' }));
  const done = await bounded.run(new AbortController().signal);
  assert.deepEqual(done, { kind: 'exhausted', offset: bounded.offset, message: 'Stopping connector: generated the configured 250 number of messages' });
  assert.equal(records('bounded').length, 250);
});
