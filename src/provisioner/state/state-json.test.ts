import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { formatInstanceAddress, parseInstanceAddress, parseModulePath } from './state-address.js';
import { exportStateJSON, importStateJSON } from './state-json.js';
import { instance, openStore, tempDir } from './state-test-support.js';
import type { StateSnapshot } from './types.js';

// Fixtures stay in the source tree; tests run from dist/src/provisioner/state/.
const testdata = join(fileURLToPath(new URL('.', import.meta.url)), '../../../../src/provisioner/state/testdata');
const tfstate = readFileSync(join(testdata, 'terraform-v4.tfstate'), 'utf8');

let dir = '';
let cleanup: () => void = () => {};
beforeEach(() => { ({ dir, cleanup } = tempDir()); });
afterEach(() => cleanup());

function imported(text: string): StateSnapshot {
  const out = importStateJSON(text);
  assert.deepEqual(out.diagnostics, []);
  assert.ok(out.value);
  return out.value;
}

describe('export and import', () => {
  it('round-trips a snapshot through the v4 JSON form', () => {
    const s = openStore(join(dir, 's.db'));
    s.putResource(instance('t', 'a', { indexKey: 0, attributes: { id: 'a0', nested: { list: [1, 'x', null], flag: true } }, sensitivePaths: ['nested.list[1]', 'm["k.ey"]'], private: { p: 1 }, dependencies: ['t.b'] }));
    s.putResource(instance('t', 'a', { indexKey: 0, deposed: 'abcd1234', status: 'tainted' }));
    s.putResource(instance('t', 'b', { module: 'module.m["x"]', indexKey: 'k' }));
    s.putResource(instance('d', 'c', { mode: 'data' }));
    s.setOutputs({ out: { value: { a: [1, 2] }, sensitive: true } });
    const before = s.snapshot();
    const back = imported(s.exportJSON());
    assert.equal(back.lineage, before.lineage);
    assert.equal(back.serial, before.serial);
    assert.equal(back.terraformVersion, before.terraformVersion);
    assert.deepEqual(back.resources, before.resources);
    assert.deepEqual(back.outputs, before.outputs);
    s.close();
  });

  it('writes the Terraform v4 layout: resources grouped with instances, tainted and deposed markers', () => {
    const doc = JSON.parse(exportStateJSON({
      lineage: 'L', serial: 3, terraformVersion: '1.9.0', streamformVersion: 'x',
      resources: [instance('t', 'a', { indexKey: 1, status: 'tainted', sensitivePaths: ['secret'], private: { v: 1 } }), instance('t', 'a', { indexKey: 0 })],
      outputs: { n: { value: 5, sensitive: false } },
    })) as Record<string, unknown>;
    assert.deepEqual(Object.keys(doc), ['version', 'terraform_version', 'serial', 'lineage', 'outputs', 'resources', 'check_results']);
    assert.deepEqual(doc['outputs'], { n: { value: 5, type: 'number' } });
    const [res] = doc['resources'] as Record<string, unknown>[];
    assert.deepEqual(res?.['instances'], [
      { index_key: 0, schema_version: 0, attributes: { id: 't-a' }, sensitive_attributes: [] },
      { index_key: 1, status: 'tainted', schema_version: 0, attributes: { id: 't-a' }, sensitive_attributes: [[{ type: 'get_attr', value: 'secret' }]], private: Buffer.from('{"v":1}').toString('base64') },
    ]);
  });
});

describe('importing a Terraform .tfstate', () => {
  it('reads every instance with addresses, keys, status, deposed objects, sensitivity and private data', () => {
    const snap = imported(tfstate);
    assert.equal(snap.lineage, '3f2d8a4e-1b6c-4e0f-9a57-2c8d1e6b7a90');
    assert.equal(snap.serial, 42);
    assert.equal(snap.terraformVersion, '1.5.7');
    assert.deepEqual(snap.resources.map((r) => [r.address, r.deposed ?? '', r.status]), [
      ['confluent_environment.staging', '', 'ready'],
      ['confluent_service_account.app[0]', '', 'ready'],
      ['confluent_service_account.app[0]', '7a1f3c2e', 'ready'],
      ['data.confluent_organization.main', '', 'ready'],
      ['module.kafka.confluent_kafka_topic.topic["orders"]', '', 'ready'],
      ['module.kafka.confluent_kafka_topic.topic["payments"]', '', 'tainted'],
    ]);
    const topic = snap.resources.find((r) => r.indexKey === 'orders');
    assert.equal(topic?.module, 'module.kafka');
    assert.equal(topic?.schemaVersion, 2);
    assert.deepEqual(topic?.sensitivePaths, ['credentials[0].secret']);
    assert.deepEqual(topic?.dependencies, ['confluent_environment.staging', 'module.kafka.confluent_kafka_cluster.basic']);
    const env = snap.resources.find((r) => r.type === 'confluent_environment');
    assert.deepEqual(env?.private, { 'e2bfb730-ecaa-11e6-8f88-34363bc7c4c0': { create: 600000000000 }, schema_version: '1' });
    assert.equal(snap.resources.find((r) => r.deposed !== undefined)?.createBeforeDestroy, true);
    assert.deepEqual(snap.outputs['api_secret'], { value: 's3cr3t', sensitive: true });
    assert.deepEqual(snap.outputs['topic_names'], { value: ['orders', 'payments'], sensitive: false });
  });

  it('migrates into a fresh state file through push and pulls back equivalent JSON', () => {
    const s = openStore(join(dir, 's.db'));
    const snap = imported(tfstate);
    assert.equal(s.replaceAll(snap), 42);
    assert.equal(s.head().lineage, snap.lineage);
    const again = imported(s.exportJSON());
    assert.deepEqual(again.resources, snap.resources);
    assert.deepEqual(again.outputs, snap.outputs);
    s.close();
  });

  it('keeps private bytes that are not JSON unchanged', () => {
    const doc = JSON.parse(tfstate) as { resources: { instances: Record<string, unknown>[] }[] };
    const inst = doc.resources[1]?.instances[0];
    assert.ok(inst);
    inst['private'] = Buffer.from([0xff, 0x00, 0x10]).toString('base64');
    const snap = imported(JSON.stringify(doc));
    const out = JSON.parse(exportStateJSON(snap)) as { resources: { type: string; instances: { private?: string }[] }[] };
    assert.equal(out.resources.find((r) => r.type === 'confluent_environment')?.instances[0]?.private, inst['private']);
  });
});

describe('invalid state JSON', () => {
  it('reports text that is not JSON', () => {
    assert.deepEqual(importStateJSON('{').diagnostics.map((d) => d.code), ['state-json-invalid']);
  });

  it('refuses other format versions', () => {
    assert.deepEqual(importStateJSON('{"version": 3, "serial": 1, "lineage": "x"}').diagnostics.map((d) => d.code), ['state-json-version-unsupported']);
  });

  it('reports every bad field with its location', () => {
    const out = importStateJSON(JSON.stringify({
      version: 4, serial: -1, lineage: '',
      resources: [
        { mode: 'managed', type: 't', name: 'n', provider: 'p', instances: [{ index_key: 1.5, attributes: [] }] },
        { mode: 'weird', type: 't', name: 'm', provider: 'p', instances: [] },
        { mode: 'managed', type: 't', name: 'd', provider: 'p', instances: [{ attributes: {} }, { attributes: {} }] },
      ],
    }));
    assert.equal(out.value, undefined);
    const details = out.diagnostics.map((d) => d.detail ?? '');
    assert.ok(details.some((d) => d.startsWith('lineage:')));
    assert.ok(details.some((d) => d.startsWith('serial:')));
    assert.ok(details.some((d) => d.startsWith('resources[0].instances[0]: index_key')));
    assert.ok(details.some((d) => d.startsWith('resources[0].instances[0]: attributes')));
    assert.ok(details.some((d) => d.startsWith('resources[1]: mode')));
    assert.ok(details.some((d) => d === 'resources: t.d appears more than once'));
  });
});

describe('addresses', () => {
  it('parses and formats instance addresses with modules, data sources and keys', () => {
    for (const a of ['t.n', 't.n[3]', 'data.t.n', 'module.a.t.n["k"]', 'module.a[0].module.b["x.y"].data.t.n["a\\"b"]']) {
      const p = parseInstanceAddress(a);
      assert.ok(p, a);
      assert.equal(formatInstanceAddress(p), a);
    }
    assert.deepEqual(parseInstanceAddress('module.a[0].data.t.n["k"]'), { module: 'module.a[0]', mode: 'data', type: 't', name: 'n', indexKey: 'k' });
    for (const bad of ['', 't', 't.n.x', 't[0].n', 'module.a', 't.n[', 't.n[x]']) assert.equal(parseInstanceAddress(bad), undefined, bad);
    assert.equal(parseModulePath('module.a["x"].module.b'), 'module.a["x"].module.b');
    assert.equal(parseModulePath('module.a.t'), undefined);
  });
});
