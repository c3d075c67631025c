import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCloud } from '../server.js';
import type { RunningCloud } from '../server.js';
import { call, tempDir } from '../http/test-client.js';

const tmp = tempDir();
let cloud: RunningCloud;
let base = '';
let env = '';
const req = (method: string, path: string, body?: unknown) => call(cloud.url, method, path, body === undefined ? {} : { body });
const config = { 'connector.class': 'DatagenSource', 'kafka.topic': 'orders', quickstart: 'ORDERS', 'output.data.format': 'AVRO', 'kafka.api.key': 'K', 'kafka.api.secret': 'S' };

before(async () => {
  cloud = await startCloud({ dataDir: tmp.dir, port: 0, runConnectors: false });
  env = (await req('POST', '/org/v2/environments', { display_name: 'dev' })).at('id');
  const cluster = (await req('POST', '/cmk/v2/clusters', { spec: { display_name: 'k', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'us-east-2', config: { kind: 'Basic' }, environment: { id: env } } })).at('id');
  base = `/connect/v1/environments/${env}/clusters/${cluster}`;
});
after(async () => { await cloud.close(); tmp.cleanup(); });

test('create, read (secrets masked), list, status RUNNING with an lcc id', async () => {
  const r = await req('POST', `${base}/connectors`, { name: 'dg', config });
  assert.equal(r.status, 201);
  assert.equal(r.at('config', 'kafka.api.secret'), '****************');
  assert.equal(r.at('type'), 'source');
  assert.deepEqual((await req('GET', `${base}/connectors`)).body, ['dg']);
  const expanded = await req('GET', `${base}/connectors?expand=id,status`);
  assert.match(expanded.at('dg', 'id', 'id'), /^lcc-[a-z0-9]{5,6}$/);
  const st = await req('GET', `${base}/connectors/dg/status`);
  assert.equal(st.at('connector', 'state'), 'RUNNING');
  assert.equal((await req('POST', `${base}/connectors`, { name: 'dg', config })).status, 409);
});

test('with a runtime attached, new connectors start PROVISIONING', async () => {
  const detach = cloud.connectors.attachRuntime();
  try {
    await req('POST', `${base}/connectors`, { name: 'prov', config });
    assert.equal((await req('GET', `${base}/connectors/prov/status`)).at('connector', 'state'), 'PROVISIONING');
    assert.equal((await req('PUT', `${base}/connectors/prov/pause`)).status, 409);
  } finally {
    detach();
  }
  await req('DELETE', `${base}/connectors/prov`);
});

test('validation: connector.class and name required, unknown plugin, bad quickstart', async () => {
  const noClass = await req('POST', `${base}/connectors`, { name: 'x', config: { 'kafka.topic': 't' } });
  assert.equal(noClass.at('errors', 0, 'source', 'pointer'), '/config/connector.class');
  const noName = await req('POST', `${base}/connectors`, { config });
  assert.equal(noName.at('errors', 0, 'source', 'pointer'), '/name');
  const unknown = await req('POST', `${base}/connectors`, { name: 'x', config: { ...config, 'connector.class': 'S3Sink' } });
  assert.equal(unknown.status, 400);
  const badQs = await req('POST', `${base}/connectors`, { name: 'x', config: { ...config, quickstart: 'NOPE' } });
  assert.equal(badQs.at('errors', 0, 'source', 'pointer'), '/config/quickstart');
  const plugins = await req('GET', `${base}/connector-plugins`);
  assert.deepEqual((plugins.body as { class: string }[]).map((p) => p.class), ['DatagenSource']);
  const v = await req('PUT', `${base}/connector-plugins/DatagenSource/config/validate`, { 'connector.class': 'DatagenSource', name: 'x' });
  assert.equal(v.at('error_count'), 1);
});

test('PUT config updates; renaming is rejected', async () => {
  const upd = await req('PUT', `${base}/connectors/dg/config`, { ...config, 'kafka.topic': 'orders2', name: 'dg' });
  assert.equal(upd.status, 200);
  assert.equal(upd.at('config', 'kafka.topic'), 'orders2');
  const rename = await req('PUT', `${base}/connectors/dg/config`, { ...config, name: 'other' });
  assert.equal(rename.status, 400);
  assert.equal(rename.at('errors', 0, 'source', 'pointer'), '/name');
});

test('pause and resume; offsets request; delete', async () => {
  assert.equal((await req('PUT', `${base}/connectors/dg/pause`)).status, 202);
  assert.equal((await req('GET', `${base}/connectors/dg/status`)).at('connector', 'state'), 'PAUSED');
  await req('PUT', `${base}/connectors/dg/resume`);
  assert.equal((await req('GET', `${base}/connectors/dg/status`)).at('connector', 'state'), 'RUNNING');
  const offsets = [{ partition: { 'kafka.topic': 'orders' }, offset: { n: 5 } }];
  assert.equal((await req('POST', `${base}/connectors/dg/offsets/request`, { type: 'PATCH', offsets })).status, 202);
  assert.deepEqual((await req('GET', `${base}/connectors/dg/offsets`)).at('offsets'), offsets);
  const st = await req('GET', `${base}/connectors/dg/offsets/request/status`);
  assert.equal(st.at('status', 'phase'), 'APPLIED');
  assert.equal(st.at('request', 'type'), 'PATCH');
  assert.equal((await req('DELETE', `${base}/connectors/dg`)).status, 200);
  assert.equal((await req('GET', `${base}/connectors/dg`)).status, 404);
  assert.equal((await req('GET', `/connect/v1/environments/${env}/clusters/lkc-zzzzz/connectors`)).status, 404);
});
