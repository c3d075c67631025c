import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCloud } from '../server.js';
import type { RunningCloud } from '../server.js';
import { call, tempDir } from '../http/test-client.js';
import { ConnectorRuntime } from './connector-runtime.js';

const tmp = tempDir();
let cloud: RunningCloud;
let base = '';
let env = '';
let cluster = '';
const req = (method: string, path: string, body?: unknown) => call(cloud.url, method, path, body === undefined ? {} : { body });
const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
function runtime(): ConnectorRuntime {
  // The cloud runs its own runtime; these tests start the cloud without it (runConnectors: false).
  return new ConnectorRuntime({ store: cloud.connectors, topics: cloud.topics, schemaRegistry: cloud.schemaRegistry, srIdOf: (e) => cloud.controlPlane.schemaRegistryOf(e)?.id, clock: { now: () => Date.now() }, logger: quiet, topicPollMs: 20 });
}
/** Resolves once `cond()` holds, checking on every turn of the event loop (bounded). */
async function until(cond: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 20000; i++) { if (cond()) return; await new Promise((r) => setImmediate(r)); }
  assert.fail(`timed out waiting for ${what}`);
}
const count = (topic: string): number => cloud.topics.partitionOffsets(cluster, topic).reduce((n, p) => n + p.highWatermark - p.logStartOffset, 0);

before(async () => {
  cloud = await startCloud({ dataDir: tmp.dir, port: 0, runConnectors: false });
  env = (await req('POST', '/org/v2/environments', { display_name: 'dev', stream_governance_config: { package: 'ESSENTIALS' } })).at('id');
  cluster = (await req('POST', '/cmk/v2/clusters', { spec: { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } })).at('id');
  base = `/connect/v1/environments/${env}/clusters/${cluster}`;
});
after(async () => { await cloud.close(); tmp.cleanup(); });

test('a Datagen connector waits for its topic, then fills it and registers the value schema', async () => {
  const rt = runtime();
  rt.start();
  try {
    const config = { 'connector.class': 'DatagenSource', 'kafka.topic': 'shoe_orders', quickstart: 'shoe_orders', 'output.data.format': 'AVRO', 'max.interval': '1', 'random.seed': '7' };
    assert.equal((await req('POST', `${base}/connectors`, { name: 'orders', config })).status, 201);
    await until(() => cloud.connectors.get(cluster, 'orders')?.state === 'RUNNING', 'the connector to run');
    assert.equal(cloud.topics.hasTopic(cluster, 'shoe_orders'), false, 'the connector does not create its topic');
    cloud.topics.createTopic(cluster, 'shoe_orders', { partitionsCount: 1 });
    await until(() => count('shoe_orders') >= 20, 'records in shoe_orders');
    assert.equal((await req('GET', `${base}/connectors/orders/status`)).at('connector', 'state'), 'RUNNING');
    const srId = cloud.controlPlane.schemaRegistryOf(env)!.id;
    assert.deepEqual(cloud.schemaRegistry.listSubjects(srId), ['shoe_orders-value']);
    const recs = cloud.topics.read(cluster, 'shoe_orders', 0, 0, 5).records;
    assert.equal(recs[0]!.value![0], 0, 'values use the Confluent wire format');
    assert.ok(recs[0]!.headers.some((h) => h.key === 'current.iteration'));
  } finally { await rt.stop(); }
});

test('pause stops producing, resume continues, offsets continue the sequence after a runtime restart', async () => {
  const rt = runtime();
  rt.start();
  const config = { 'connector.class': 'DatagenSource', 'kafka.topic': 'pageviews', quickstart: 'PAGEVIEWS', 'output.data.format': 'JSON', 'max.interval': '1' };
  cloud.topics.createTopic(cluster, 'pageviews', { partitionsCount: 1 });
  await req('POST', `${base}/connectors`, { name: 'pv', config });
  await until(() => count('pageviews') >= 10, 'pageviews records');
  await req('PUT', `${base}/connectors/pv/pause`);
  await rt.stop();
  const atPause = count('pageviews');
  const offsets = cloud.connectors.get(cluster, 'pv')!.offsets;
  assert.equal(offsets.length, 1);
  assert.equal(Number(offsets[0]!.offset['current.iteration']), atPause, 'the stored offset is the number of records written');
  const rt2 = runtime();
  rt2.start();
  await req('PUT', `${base}/connectors/pv/resume`);
  await until(() => count('pageviews') >= atPause + 10, 'more pageviews after resume');
  await rt2.stop();
  const headers = cloud.topics.read(cluster, 'pageviews', 0, 0, 100000).records.map((r) => Number(r.headers.find((h) => h.key === 'current.iteration')!.value!.toString()));
  assert.deepEqual(headers, headers.map((_, i) => i), 'iterations continue without gaps or repeats');
});

test('an invalid config fails the connector with the reason as its trace', async () => {
  const rt = runtime();
  rt.start();
  try {
    await req('POST', `${base}/connectors`, { name: 'bad', config: { 'connector.class': 'DatagenSource', 'kafka.topic': 't', quickstart: 'ORDERS', 'schema.string': '{"type":"record"}' } });
    await until(() => cloud.connectors.get(cluster, 'bad')?.state === 'FAILED', 'the connector to fail');
    assert.match(cloud.connectors.get(cluster, 'bad')!.trace!, /quickstart|schema/);
  } finally { await rt.stop(); }
});
