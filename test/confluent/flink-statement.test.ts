import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { assertNoChange, converge, destroy, importById, plan, readData, refresh, startHarness, complete } from './provider-harness.js';
import type { Harness } from './provider-harness.js';
import type { ObjectValue } from '../../src/provisioner/lang/index.js';
import { attachStandInRuntime } from './stand-in-runtime.js';

describe('confluent_flink_statement against the local cloud', () => {
  let h: Harness;
  let base: ObjectValue;
  let runner2 = '';
  let detach: () => void = () => {};
  before(async () => {
    // These tests drive statement phases with a stand-in runtime (FAILED, PENDING carry-over, ...):
    // the cloud's own executor stays off so the two never race for the same statements.
    h = await startHarness({ STREAMFORM_SQL_VALIDATION: 'off' }, { runStatements: false });
    detach = attachStandInRuntime(h);
    const env = await converge(h, 'confluent_environment', null, { display_name: 'flink-env' });
    const pool = await converge(h, 'confluent_flink_compute_pool', null, { display_name: 'pool', cloud: 'AWS', region: 'us-east-2', max_cfu: 5, environment: { id: env.id ?? null } });
    const sa = await converge(h, 'confluent_service_account', null, { display_name: 'runner' });
    runner2 = String((await converge(h, 'confluent_service_account', null, { display_name: 'runner2' })).id);
    const org = await readData(h, 'confluent_organization', {});
    const region = await readData(h, 'confluent_flink_region', { cloud: 'AWS', region: 'us-east-2' });
    base = {
      organization: { id: org.id ?? null }, environment: { id: env.id ?? null }, compute_pool: { id: pool.id ?? null },
      principal: { id: sa.id ?? null }, rest_endpoint: region.rest_endpoint ?? null,
    };
  });
  after(async () => { detach(); await h.close(); });

  it('creates an unnamed statement with a generated name and waits for RUNNING', async () => {
    const s = await converge(h, 'confluent_flink_statement', null, { ...base, statement: 'INSERT INTO a SELECT * FROM b;' });
    assert.match(String(s.statement_name), /^tf-\d{4}-\d{2}-\d{2}-\d{6}-[0-9a-f-]{36}$/);
    assert.equal(s.status_phase, 'RUNNING');
    assert.equal(s.id, `${String((base.environment as ObjectValue).id)}/${String((base.compute_pool as ObjectValue).id)}/${String(s.statement_name)}`);
    assert.equal(s.stopped, false);
    await destroy(h, 'confluent_flink_statement', s);
    assert.equal(await refresh(h, 'confluent_flink_statement', s), null);
  });

  it('stops (exporting latest offsets) and resumes under another principal', async () => {
    const cfg = { ...base, statement_name: 'enrich-v1', statement: 'INSERT INTO a SELECT * FROM b;', properties: { 'sql.current-catalog': 'flink-env' } };
    const s = await converge(h, 'confluent_flink_statement', null, cfg);
    await assertNoChange(h, 'confluent_flink_statement', s, cfg);
    const stopped = await converge(h, 'confluent_flink_statement', s, { ...cfg, stopped: true });
    assert.equal(stopped.status_phase, 'STOPPED');
    assert.deepEqual(stopped.latest_offsets, { b: 'partition:0,offset:42' });
    const moveOnly = await plan(h, 'confluent_flink_statement', stopped, { ...cfg, stopped: true, principal: { id: runner2 } });
    assert.ok(moveOnly.diagnostics?.some((d) => d.code === 'confluent-statement-move-without-resume'));
    const resumed = await converge(h, 'confluent_flink_statement', stopped, { ...cfg, stopped: false, principal: { id: runner2 } });
    assert.equal(resumed.status_phase, 'RUNNING');
    assert.deepEqual(resumed.principal, { id: runner2 });
    await destroy(h, 'confluent_flink_statement', resumed);
  });

  it('replaces the statement when properties change, reusing a pinned name', async () => {
    const cfg = { ...base, statement_name: 'props-v1', statement: 'INSERT INTO a SELECT * FROM b;', properties: { 'sql.local-time-zone': 'UTC' } };
    const s = await converge(h, 'confluent_flink_statement', null, cfg);
    const p = await plan(h, 'confluent_flink_statement', s, { ...cfg, properties: { 'sql.local-time-zone': 'Europe/Paris' } });
    assert.ok(p.requiresReplace?.some((r) => r.path === 'properties' && (r.reason ?? '').length > 0));
    const s2 = await converge(h, 'confluent_flink_statement', s, { ...cfg, properties: { 'sql.local-time-zone': 'Europe/Paris' } });
    assert.equal(s2.statement_name, 'props-v1');
    assert.deepEqual(s2.properties, { 'sql.local-time-zone': 'Europe/Paris' });
    await destroy(h, 'confluent_flink_statement', s2);
  });

  it('creates a statement stopped when stopped = true at create', async () => {
    const s = await converge(h, 'confluent_flink_statement', null, { ...base, statement_name: 'born-stopped', statement: 'INSERT INTO a SELECT * FROM b;', stopped: true });
    assert.equal(s.stopped, true);
    assert.equal(s.status_phase, 'STOPPED');
    await destroy(h, 'confluent_flink_statement', s);
  });

  it('accepts DDL that COMPLETES and PENDING for carry-over statements', async () => {
    const ddl = await converge(h, 'confluent_flink_statement', null, { ...base, statement_name: 'ddl', statement: 'CREATE TABLE t (id INT);' });
    assert.equal(ddl.status_phase, 'COMPLETED');
    const carry = await converge(h, 'confluent_flink_statement', null, { ...base, statement_name: 'carry', statement: 'INSERT INTO a SELECT * FROM b;', properties: { 'sql.tables.initial-offset-from': 'ddl' } });
    assert.equal(carry.status_phase, 'PENDING');
    await destroy(h, 'confluent_flink_statement', carry);
    await destroy(h, 'confluent_flink_statement', ddl);
  });

  it('reports FAILED with the server detail and still returns the state (tainted)', async () => {
    const type = 'confluent_flink_statement';
    const cfg = complete(h.provider.schema().resources[type] ?? { attributes: {} }, { ...base, statement_name: 'broken', statement: 'SELECT FAIL_ME;' });
    const p = await plan(h, type, null, cfg);
    const r = await h.provider.applyResource({ type, action: 'create', prior: null, planned: p.planned, config: cfg }, h.ctx);
    const d = r.diagnostics?.find((x) => x.code === 'confluent-statement-failed');
    assert.ok(d);
    assert.match(d.detail ?? '', /Column 'FAIL_ME' cannot be resolved/);
    assert.equal(r.state?.statement_name, 'broken');
    assert.ok(r.state);
    await destroy(h, type, r.state);
  });

  it('runs in single-pool mode with the seven provider-level flink settings', async () => {
    const { confluentProvider } = await import('../../src/provisioner/providers/confluent/index.js');
    const provider = confluentProvider({ env: (n) => (n === 'STREAMFORM_SQL_VALIDATION' ? 'off' : undefined) });
    assert.deepEqual(await provider.configure({
      endpoint: h.url, flink_api_key: 'k', flink_api_secret: 's', flink_rest_endpoint: String(base.rest_endpoint),
      organization_id: String((base.organization as ObjectValue).id), environment_id: String((base.environment as ObjectValue).id),
      flink_compute_pool_id: String((base.compute_pool as ObjectValue).id), flink_principal_id: runner2,
    }, h.ctx), []);
    const h2 = { ...h, provider };
    // The provider's principal wins over the resource's block (the official Option 2 behaviour).
    const cfg = { statement_name: 'single-pool', statement: 'INSERT INTO a SELECT * FROM b;', principal: { id: String((base.principal as ObjectValue).id) } };
    const p = await plan(h2, 'confluent_flink_statement', null, cfg);
    assert.ok(p.diagnostics?.some((d) => d.severity === 'warning' && d.code === 'confluent-statement-principal-overridden'));
    const s = await converge(h2, 'confluent_flink_statement', null, cfg);
    await assertNoChange(h2, 'confluent_flink_statement', s, cfg);
    assert.equal(s.status_phase, 'RUNNING');
    assert.deepEqual(s.principal, { id: runner2 });
    await destroy(h2, 'confluent_flink_statement', s);
  });

  it('imports a statement by name with the IMPORT_* variables', async () => {
    const s = await converge(h, 'confluent_flink_statement', null, { ...base, statement_name: 'to-import', statement: 'INSERT INTO a SELECT * FROM b;' });
    const { confluentProvider } = await import('../../src/provisioner/providers/confluent/index.js');
    const env: Record<string, string> = {
      IMPORT_CONFLUENT_ORGANIZATION_ID: String((base.organization as ObjectValue).id), IMPORT_CONFLUENT_ENVIRONMENT_ID: String((base.environment as ObjectValue).id),
      IMPORT_FLINK_COMPUTE_POOL_ID: String((base.compute_pool as ObjectValue).id), IMPORT_FLINK_PRINCIPAL_ID: String((base.principal as ObjectValue).id),
      IMPORT_FLINK_REST_ENDPOINT: String(base.rest_endpoint), IMPORT_FLINK_API_KEY: 'key', IMPORT_FLINK_API_SECRET: 'secret',
    };
    const provider = confluentProvider({ env: (n) => env[n] });
    assert.deepEqual(await provider.configure({ endpoint: h.url }, h.ctx), []);
    const imported = await importById({ ...h, provider }, 'confluent_flink_statement', 'to-import');
    assert.equal(imported.id, s.id);
    assert.equal(imported.statement, s.statement);
    assert.deepEqual(imported.credentials, { key: 'key', secret: 'secret' });
    await destroy(h, 'confluent_flink_statement', s);
  });
});
