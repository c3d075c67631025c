/**
 * The inside commands against a real local cloud over HTTP: listing what the control plane holds,
 * topic lifecycle, produce/consume round trips (string and Avro through the Schema Registry),
 * schema inspection and compatibility checks, API keys, and the errors a user meets.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { removeCloudState, writeCloudState } from '../../../src/cloud/daemon/index.js';
import { createCluster, createEnvironment, startHarness, type Harness } from './inside-harness.js';

const ORDER_V1 = JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'int' }, { name: 'item', type: 'string' }] });
const ORDER_V2_OK = JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'int' }, { name: 'item', type: 'string' }, { name: 'qty', type: 'int', default: 1 }] });
const ORDER_V2_BAD = JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'int' }, { name: 'item', type: 'string' }, { name: 'qty', type: 'int' }] });

function json(text: string): unknown {
  return JSON.parse(text) as unknown;
}

function jsonLines(text: string): unknown[] {
  return text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as unknown);
}

describe('inside commands on one environment', () => {
  let h: Harness;
  let envId: string;
  let clusterId: string;

  before(async () => {
    h = await startHarness();
    envId = await createEnvironment(h, 'dev');
    clusterId = await createCluster(h, envId, 'main');
  });
  after(async () => { await h.close(); });

  it('lists environments and clusters as JSON arrays and as aligned tables', async () => {
    const envs = await h.run(['env', 'list', '--json']);
    assert.equal(envs.code, 0, envs.err);
    assert.deepEqual(json(envs.out), [{ id: envId, name: 'dev', stream_governance_package: 'ESSENTIALS' }]);
    const table = await h.run(['env', 'list']);
    const lines = table.out.trimEnd().split('\n');
    assert.match(lines[0] ?? '', /^ {2}ID\s+\| Name\s+\| Stream Governance Package$/);
    assert.match(lines[1] ?? '', /^-+\+-+\+-+$/);
    assert.match(lines[2] ?? '', new RegExp(`^  ${envId}\\s+\\| dev\\s+\\| ESSENTIALS$`));
    const clusters = await h.run(['cluster', 'list', '--environment', 'dev', '--json']);
    assert.equal(clusters.code, 0, clusters.err);
    assert.deepEqual(json(clusters.out), [{ id: clusterId, name: 'main', environment: envId, type: 'Basic', cloud: 'AWS', region: 'us-east-2', availability: 'SINGLE_ZONE', status: 'PROVISIONED' }]);
  });

  it('lists compute pools and service accounts as JSON arrays', async () => {
    const pool = await h.api('POST', '/fcpm/v2/compute-pools', { spec: { display_name: 'pool-a', cloud: 'AWS', region: 'us-east-2', max_cfu: 5, environment: { id: envId } } }) as { id: string };
    const sa = await h.api('POST', '/iam/v2/service-accounts', { display_name: 'app', description: 'the app' }) as { id: string };
    const pools = await h.run(['pool', 'list', '--json']);
    assert.equal(pools.code, 0, pools.err);
    assert.deepEqual(json(pools.out), [{ id: pool.id, name: 'pool-a', environment: envId, current_cfu: 0, max_cfu: 5, cloud: 'AWS', region: 'us-east-2', status: 'PROVISIONED' }]);
    const sas = await h.run(['sa', 'list', '--json']);
    assert.deepEqual(json(sas.out), [{ id: sa.id, name: 'app', description: 'the app' }]);
  });

  it('creates, lists and describes a topic with partitions, offsets and dynamic configs', async () => {
    const created = await h.run(['topic', 'create', 'orders', '--partitions', '2', '--config', 'retention.ms=3600000']);
    assert.equal(created.code, 0, created.err);
    assert.match(created.out, /Created topic "orders"/);
    const again = await h.run(['topic', 'create', 'orders', '--if-not-exists']);
    assert.equal(again.code, 0, again.err);
    const dup = await h.run(['topic', 'create', 'orders']);
    assert.equal(dup.code, 1);
    assert.match(dup.err, /already exists/);
    const listed = await h.run(['topic', 'list', '--json']);
    assert.deepEqual(json(listed.out), [{ name: 'orders', partitions_count: 2, replication_factor: 3, is_internal: false }]);
    await h.run(['topic', 'produce', 'orders', '--partition', '1'], { stdin: 'a\nb\n' });
    const d = json((await h.run(['topic', 'describe', 'orders', '--json'])).out) as { partitions: unknown[]; configs: { name: string; value: string; source: string }[] };
    assert.deepEqual(d.partitions, [{ partition_id: 0, earliest_offset: 0, latest_offset: 0 }, { partition_id: 1, earliest_offset: 0, latest_offset: 2 }]);
    assert.deepEqual(d.configs.find((c) => c.name === 'retention.ms'), { name: 'retention.ms', value: '3600000', source: 'dynamic', read_only: false });
    assert.equal(d.configs.find((c) => c.name === 'cleanup.policy')?.source, 'default');
    const human = await h.run(['topic', 'describe', 'orders']);
    assert.match(human.out, /Partitions:\s+2/);
    assert.match(human.out, /\n {2}1\s+\| 0\s+\| 2\n/);
  });

  it('produces string records with keys and headers and consumes them back', async () => {
    await h.run(['topic', 'create', 'clicks', '--partitions', '1']);
    const produced = await h.run(['topic', 'produce', 'clicks', '--parse-key', '--delimiter', ':', '--header', 'source=cli', '--json'], { stdin: 'u1:home\nu2:cart\r\n\nu1:pay' });
    assert.equal(produced.code, 0, produced.err);
    assert.deepEqual(jsonLines(produced.out).map((r) => { const o = r as { partition: number; offset: number }; return [o.partition, o.offset]; }), [[0, 0], [0, 1], [0, 2]]);
    const consumed = await h.run(['topic', 'consume', 'clicks', '--from-beginning', '--max', '2', '--print-key', '--print-offset']);
    assert.equal(consumed.code, 0, consumed.err);
    assert.equal(consumed.out, 'Partition:0 Offset:0\tu1\thome\nPartition:0 Offset:1\tu2\tcart\n');
    const asJson = jsonLines((await h.run(['topic', 'consume', 'clicks', '--offset', '2', '--json'])).out);
    assert.equal(asJson.length, 1);
    const rec = asJson[0] as { partition: number; offset: number; key: string; value: string; headers: unknown };
    assert.deepEqual([rec.partition, rec.offset, rec.key, rec.value, rec.headers], [0, 2, 'u1', 'pay', [{ key: 'source', value: 'cli' }]]);
  });

  it('consumes nothing from the end of the log without --follow, and says how to read older records', async () => {
    const r = await h.run(['topic', 'consume', 'clicks']);
    assert.equal(r.code, 0);
    assert.equal(r.out, '');
    assert.match(r.err, /--from-beginning/);
  });

  it('follows a topic: records produced after it printed the first one still arrive, until --max', async () => {
    await h.run(['topic', 'create', 'live', '--partitions', '1']);
    await h.run(['topic', 'produce', 'live'], { stdin: 'one\n' });
    let firstSeen: () => void = () => undefined;
    const seen = new Promise<void>((resolve) => { firstSeen = resolve; });
    const following = h.run(['topic', 'consume', 'live', '--follow', '--from-beginning', '--max', '2'], { onOut: () => firstSeen() });
    await seen;
    const produced = await h.run(['topic', 'produce', 'live'], { stdin: 'two\nthree\n' });
    assert.equal(produced.code, 0, produced.err);
    const r = await following;
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out, 'one\ntwo\n');
  });

  it('produces Avro with a schema file (registered as <topic>-value) and consume decodes it through the registry', async () => {
    const file = join(h.dir, 'order.avsc');
    writeFileSync(file, ORDER_V1);
    await h.run(['topic', 'create', 'avro-orders', '--partitions', '1']);
    const p = await h.run(['topic', 'produce', 'avro-orders', '--value-format', 'avro', '--schema', file], { stdin: '{"id":1,"item":"shoe"}\n{"id":2,"item":"hat"}\n' });
    assert.equal(p.code, 0, p.err);
    assert.equal(p.out, 'partition 0, offset 0\npartition 0, offset 1\n');
    const c = await h.run(['topic', 'consume', 'avro-orders', '--from-beginning', '--max', '5']);
    assert.equal(c.out, '{"id":1,"item":"shoe"}\n{"id":2,"item":"hat"}\n');
    const cj = jsonLines((await h.run(['topic', 'consume', 'avro-orders', '--from-beginning', '--json'])).out) as { value: unknown; value_schema_id: number }[];
    assert.deepEqual(cj.map((r) => r.value), [{ id: 1, item: 'shoe' }, { id: 2, item: 'hat' }]);
    assert.equal(typeof cj[0]?.value_schema_id, 'number');
    const bad = await h.run(['topic', 'produce', 'avro-orders', '--value-format', 'avro', '--schema-id', String(cj[0]?.value_schema_id)], { stdin: '{"id":3,"item":"ok"}\n{"id":"x"}\n' });
    assert.equal(bad.code, 1);
    assert.match(bad.err, /Line 2: value does not match Avro schema/);
    assert.match(bad.out, /^partition 0, offset 2\n$/);
  });

  it('lists, shows and versions subjects', async () => {
    const list = await h.run(['schema', 'list', '--json']);
    assert.equal(list.code, 0, list.err);
    const rows = json(list.out) as { subject: string; version: number; schema_type: string; schema_id: number }[];
    assert.deepEqual(rows.map((r) => [r.subject, r.version, r.schema_type]), [['avro-orders-value', 1, 'AVRO']]);
    const none = await h.run(['schema', 'list', '--subject-prefix', 'zzz', '--json']);
    assert.deepEqual(json(none.out), []);
    const show = await h.run(['schema', 'show', 'avro-orders-value', '--json']);
    const shown = json(show.out) as { subject: string; version: number; schema: string };
    assert.equal(shown.version, 1);
    assert.deepEqual(json(shown.schema), json(ORDER_V1));
    const human = await h.run(['schema', 'show', 'avro-orders-value', '1']);
    assert.match(human.out, /Subject:\s+avro-orders-value\n/);
    assert.match(human.out, /"name": "Order"/);
    const versions = await h.run(['schema', 'versions', 'avro-orders-value', '--json']);
    assert.deepEqual(json(versions.out), [{ subject: 'avro-orders-value', version: 1, schema_id: rows[0]?.schema_id }]);
    const missing = await h.run(['schema', 'show', 'nope-value']);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /Subject "nope-value" not found/);
  });

  it('checks compatibility: compatible exits 0, incompatible prints the messages and exits 1', async () => {
    const ok = join(h.dir, 'ok.avsc');
    const bad = join(h.dir, 'bad.avsc');
    writeFileSync(ok, ORDER_V2_OK);
    writeFileSync(bad, ORDER_V2_BAD);
    const good = await h.run(['schema', 'check', 'avro-orders-value', '--schema', ok]);
    assert.equal(good.code, 0, good.err);
    assert.match(good.out, /is compatible/);
    const no = await h.run(['schema', 'check', 'avro-orders-value', '--schema', bad, '--json']);
    assert.equal(no.code, 1);
    const body = json(no.out) as { is_compatible: boolean; messages: string[] };
    assert.equal(body.is_compatible, false);
    assert.ok(body.messages.length > 0);
    assert.ok(body.messages.some((m) => m.includes('qty')), body.messages.join('\n'));
    const human = await h.run(['schema', 'check', 'avro-orders-value', '--schema', bad]);
    assert.match(human.out, /NOT compatible[^\n]*\n {2}- /);
  });

  it('creates an API key for a service account (by name) and lists it', async () => {
    const created = await h.run(['api-key', 'create', '--service-account', 'app', '--resource', clusterId, '--description', 'for app', '--json']);
    assert.equal(created.code, 0, created.err);
    const key = json(created.out) as { api_key: string; api_secret: string };
    assert.ok(key.api_key.length > 0 && key.api_secret.length > 0);
    const listed = json((await h.run(['api-key', 'list', '--json'])).out) as { key: string; description: string; owner_kind: string; resource_type: string; resource_id: string }[];
    const mine = listed.find((k) => k.key === key.api_key);
    assert.deepEqual(mine && [mine.description, mine.owner_kind, mine.resource_type, mine.resource_id], ['for app', 'ServiceAccount', 'kafka', clusterId]);
    const unknown = await h.run(['api-key', 'create', '--service-account', 'nobody']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /Service account "nobody" not found/);
  });

  it('deletes a topic, and an unknown topic is a clear error naming the known ones', async () => {
    const del = await h.run(['topic', 'delete', 'live']);
    assert.equal(del.code, 0, del.err);
    for (const args of [['topic', 'describe', 'live'], ['topic', 'consume', 'live', '--from-beginning'], ['topic', 'produce', 'live'], ['topic', 'delete', 'live']]) {
      const r = await h.run(args);
      assert.equal(r.code, 1, args.join(' '));
      assert.match(r.err, new RegExp(`Topic "live" not found in Kafka cluster ${clusterId} \\(main\\)`));
      assert.match(r.err, /Known topics: avro-orders, clicks, orders/);
    }
  });

  it('without --url finds the running local cloud of the directory and reads its records', async () => {
    writeCloudState({ url: h.cloud.url, port: h.cloud.port, pid: process.pid, dataDir: h.cloud.dataDir, version: 'test', startedAt: new Date(0).toISOString(), auth: false });
    const saved = process.env.STREAMFORM_CLOUD_DIR;
    process.env.STREAMFORM_CLOUD_DIR = h.cloud.dataDir;
    try {
      const r = await h.run(['topic', 'consume', 'clicks', '--from-beginning', '--max', '1'], { connection: false });
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out, 'home\n');
    } finally {
      if (saved === undefined) delete process.env.STREAMFORM_CLOUD_DIR; else process.env.STREAMFORM_CLOUD_DIR = saved;
      removeCloudState(h.cloud.dataDir);
    }
  });

  it('reading records without the cloud\'s data dir explains why', async () => {
    const r = await h.run(['topic', 'consume', 'orders', '--from-beginning', '--url', h.cloud.url], { connection: false });
    assert.equal(r.code, 1);
    assert.match(r.err, /Kafka REST v3 has no consume endpoint/);
    assert.match(r.err, /--data-dir/);
  });
});

describe('inside commands with several environments', () => {
  let h: Harness;
  let devId: string;
  let prodId: string;

  before(async () => {
    h = await startHarness();
    devId = await createEnvironment(h, 'dev');
    prodId = await createEnvironment(h, 'prod');
    await createCluster(h, prodId, 'a');
    await createCluster(h, prodId, 'b');
  });
  after(async () => { await h.close(); });

  it('an ambiguous environment is an error listing the candidates', async () => {
    const r = await h.run(['topic', 'list']);
    assert.equal(r.code, 1);
    assert.match(r.err, /Several environments exist; choose one with --environment/);
    assert.match(r.err, new RegExp(`${devId}\\s+dev`));
    assert.match(r.err, new RegExp(`${prodId}\\s+prod`));
    const asJson = await h.run(['topic', 'list', '--json']);
    assert.equal(asJson.code, 1);
    assert.equal(asJson.out, '');
    const err = JSON.parse(asJson.err) as { error: { code: string; severity: string; detail: string } };
    assert.deepEqual([err.error.code, err.error.severity], ['ambiguous-environment', 'error']);
    assert.match(err.error.detail, new RegExp(devId));
  });

  it('an ambiguous cluster lists the clusters of the chosen environment; an unknown name lists the known ones', async () => {
    const r = await h.run(['topic', 'list', '--environment', 'prod']);
    assert.equal(r.code, 1);
    assert.match(r.err, /Several Kafka clusters exist in environment/);
    assert.match(r.err, /\s+a\n/);
    const unknown = await h.run(['topic', 'list', '--environment', 'staging']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.err, /Environment "staging" not found/);
    const none = await h.run(['topic', 'list', '--environment', devId]);
    assert.match(none.err, /has no Kafka cluster/);
    const ok = await h.run(['topic', 'list', '--environment', 'prod', '--cluster', 'b', '--json']);
    assert.equal(ok.code, 0, ok.err);
    assert.deepEqual(json(ok.out), []);
  });

  it('cluster list without --environment covers every environment', async () => {
    const r = json((await h.run(['cluster', 'list', '--json'])).out) as { name: string; environment: string }[];
    assert.deepEqual(r.map((c) => [c.environment, c.name]).sort(), [[prodId, 'a'], [prodId, 'b']]);
  });

  it('STREAMFORM_CLOUD_URL points the commands at a cloud', async () => {
    const saved = process.env.STREAMFORM_CLOUD_URL;
    process.env.STREAMFORM_CLOUD_URL = h.cloud.url;
    try {
      const r = await h.run(['env', 'list', '--json'], { connection: false });
      assert.equal(r.code, 0, r.err);
      assert.deepEqual((json(r.out) as { name: string }[]).map((e) => e.name).sort(), ['dev', 'prod']);
    } finally {
      if (saved === undefined) delete process.env.STREAMFORM_CLOUD_URL; else process.env.STREAMFORM_CLOUD_URL = saved;
    }
  });
});

describe('inside commands on a cloud with auth on', () => {
  let h: Harness;

  before(async () => { h = await startHarness({ auth: true }); });
  after(async () => { await h.close(); });

  it('uses --api-key, and without a key says how to pass one', async () => {
    const admin = h.cloud.admin;
    assert.ok(admin);
    const r = await h.run(['env', 'list', '--json', '--api-key', `${admin.apiKey}:${admin.apiSecret}`, '--url', h.cloud.url], { connection: false });
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(json(r.out), []);
    const denied = await h.run(['env', 'list', '--url', h.cloud.url], { connection: false });
    assert.equal(denied.code, 1);
    assert.match(denied.err, /--api-key KEY:SECRET/);
  });

  it('reads the key from STREAMFORM_API_KEY or CONFLUENT_CLOUD_API_KEY and _SECRET', async () => {
    const admin = h.cloud.admin;
    assert.ok(admin);
    const names = ['STREAMFORM_API_KEY', 'CONFLUENT_CLOUD_API_KEY', 'CONFLUENT_CLOUD_API_SECRET'] as const;
    const saved = names.map((n) => process.env[n]);
    try {
      process.env.STREAMFORM_API_KEY = `${admin.apiKey}:${admin.apiSecret}`;
      assert.equal((await h.run(['env', 'list', '--url', h.cloud.url], { connection: false })).code, 0);
      delete process.env.STREAMFORM_API_KEY;
      process.env.CONFLUENT_CLOUD_API_KEY = admin.apiKey;
      process.env.CONFLUENT_CLOUD_API_SECRET = 'wrong';
      assert.equal((await h.run(['env', 'list', '--url', h.cloud.url], { connection: false })).code, 1);
      process.env.CONFLUENT_CLOUD_API_SECRET = admin.apiSecret;
      assert.equal((await h.run(['env', 'list', '--url', h.cloud.url], { connection: false })).code, 0);
    } finally {
      names.forEach((n, i) => { const v = saved[i]; if (v === undefined) delete process.env[n]; else process.env[n] = v; });
    }
  });

  it('defaults to the bootstrap admin key kept in the local cloud\'s data dir', async () => {
    const r = await h.run(['env', 'list', '--json']);
    assert.equal(r.code, 0, r.err);
  });
});
