import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createCluster } from './cluster-fixture.js';
import type { ClusterFixture } from './cluster-fixture.js';
import { assertNoChange, converge, destroy, importById, plan, refresh, startHarness } from './provider-harness.js';
import type { Harness } from './provider-harness.js';
import type { ObjectValue } from '../../src/provisioner/lang/index.js';

const v1 = JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'int' }] });
const v2 = JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'int' }, { name: 'note', type: ['null', 'string'], default: null }] });
const broken = JSON.stringify({ type: 'record', name: 'Order', fields: [{ name: 'id', type: 'int' }, { name: 'price', type: 'double' }] });

describe('Schema Registry resources against the local cloud', () => {
  let h: Harness;
  let f: ClusterFixture;
  let sr: (over: ObjectValue) => ObjectValue;
  before(async () => {
    h = await startHarness();
    f = await createCluster(h, 'schemas');
    sr = (over) => ({ schema_registry_cluster: { id: f.sr.id ?? null }, rest_endpoint: f.sr.rest_endpoint ?? null, ...over });
  });
  after(() => h.close());

  it('registers, evolves in place, imports and soft/hard deletes a schema', async () => {
    const cfg = (schema: string): ObjectValue => sr({ subject_name: 'orders-value', format: 'AVRO', schema, hard_delete: true });
    const s1 = await converge(h, 'confluent_schema', null, cfg(v1));
    assert.equal(s1.id, `${String(f.sr.id)}/orders-value/latest`);
    assert.equal(s1.version, 1);
    await assertNoChange(h, 'confluent_schema', s1, cfg(v1));
    const spaced = await plan(h, 'confluent_schema', s1, cfg(JSON.stringify(JSON.parse(v1), null, 2)));
    assert.equal(spaced.planned.schema, s1.schema);
    const s2 = await converge(h, 'confluent_schema', s1, cfg(v2));
    assert.equal(s2.version, 2);
    assert.notEqual(s2.schema_identifier, s1.schema_identifier);
    const imported = await importByIdWith(h, { IMPORT_SCHEMA_REGISTRY_REST_ENDPOINT: String(f.sr.rest_endpoint) }, `${String(f.sr.id)}/orders-value/latest`);
    assert.equal(imported.version, 2);
    await destroy(h, 'confluent_schema', s2);
    const after = await refresh(h, 'confluent_schema', s2);
    assert.equal(after?.version, 1); // only the recorded version is deleted; the older one stays
  });

  it('fails the plan for an incompatible schema, naming the field', async () => {
    const cfg = (schema: string): ObjectValue => sr({ subject_name: 'pay-value', format: 'AVRO', schema });
    const s1 = await converge(h, 'confluent_schema', null, cfg(v1));
    const p = await plan(h, 'confluent_schema', s1, cfg(broken));
    const d = p.diagnostics?.find((x) => x.code === 'confluent-schema-incompatible');
    assert.ok(d, JSON.stringify(p.diagnostics));
    assert.match(d.summary, /not BACKWARD compatible.*'price'.*READER_FIELD_MISSING_DEFAULT_VALUE/);
    const skipped = await plan(h, 'confluent_schema', s1, { ...cfg(broken), skip_validation_during_plan: true });
    assert.equal(skipped.diagnostics?.some((x) => x.severity === 'error') ?? false, false);
  });

  it('manages subject config, subject mode and the cluster config', async () => {
    const sc = await converge(h, 'confluent_subject_config', null, sr({ subject_name: 'cfg-value', compatibility_level: 'FULL' }));
    assert.equal(sc.compatibility_level, 'FULL');
    await assertNoChange(h, 'confluent_subject_config', sc, sr({ subject_name: 'cfg-value', compatibility_level: 'FULL' }));
    assert.equal(sc.id, `${String(f.sr.id)}/cfg-value`);
    const sc2 = await converge(h, 'confluent_subject_config', sc, sr({ subject_name: 'cfg-value', compatibility_level: 'NONE' }));
    assert.equal(sc2.compatibility_level, 'NONE');
    const imported = await importByIdWith(h, { IMPORT_SCHEMA_REGISTRY_REST_ENDPOINT: String(f.sr.rest_endpoint) }, `${String(f.sr.id)}/cfg-value`, 'confluent_subject_config');
    assert.equal(imported.compatibility_level, 'NONE');
    await destroy(h, 'confluent_subject_config', sc2);

    const mode = await converge(h, 'confluent_subject_mode', null, sr({ subject_name: 'mode-value', mode: 'READONLY' }));
    assert.equal(mode.mode, 'READONLY');
    const mode2 = await converge(h, 'confluent_subject_mode', mode, sr({ subject_name: 'mode-value', mode: 'READWRITE' }));
    assert.equal(mode2.mode, 'READWRITE');
    await destroy(h, 'confluent_subject_mode', mode2);

    const cc = await converge(h, 'confluent_schema_registry_cluster_config', null, sr({ compatibility_level: 'FORWARD' }));
    assert.equal(cc.compatibility_level, 'FORWARD');
    assert.equal(cc.id, f.sr.id);
    await destroy(h, 'confluent_schema_registry_cluster_config', cc);
  });
});

async function importByIdWith(h: Harness, env: Record<string, string>, id: string, type = 'confluent_schema'): Promise<ObjectValue> {
  const { confluentProvider } = await import('../../src/provisioner/providers/confluent/index.js');
  const provider = confluentProvider({ env: (n) => env[n] });
  assert.deepEqual(await provider.configure({ endpoint: h.url }, h.ctx), []);
  return importById({ ...h, provider }, type, id);
}
