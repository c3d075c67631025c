/** The provider's `stopped = true` at create meets a server that creates the statement STOPPED. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { converge, destroy, readData, startHarness } from '../confluent/provider-harness.js';

// No runtime is attached: a statement created stopped must not need one to reach STOPPED.
test('confluent_flink_statement with stopped = true is created STOPPED in one request (no stop PUT)', async () => {
  const h = await startHarness({ STREAMFORM_SQL_VALIDATION: 'off' }); // placeholder SQL: this test is about the stopped flag
  try {
    const env = await converge(h, 'confluent_environment', null, { display_name: 'stopped-env' });
    const pool = await converge(h, 'confluent_flink_compute_pool', null, { display_name: 'pool', cloud: 'AWS', region: 'us-east-2', max_cfu: 5, environment: { id: env.id ?? null } });
    const sa = await converge(h, 'confluent_service_account', null, { display_name: 'runner' });
    const org = await readData(h, 'confluent_organization', {});
    const region = await readData(h, 'confluent_flink_region', { cloud: 'AWS', region: 'us-east-2' });
    const s = await converge(h, 'confluent_flink_statement', null, {
      organization: { id: org.id ?? null }, environment: { id: env.id ?? null }, compute_pool: { id: pool.id ?? null },
      principal: { id: sa.id ?? null }, rest_endpoint: region.rest_endpoint ?? null,
      statement_name: 'parked', statement: 'INSERT INTO a SELECT * FROM b;', stopped: true,
    });
    assert.equal(s.status_phase, 'STOPPED');
    assert.equal(s.stopped, true);
    const res = await fetch(`${h.url}/sql/v1/organizations/${h.orgId}/environments/${String(env.id)}/statements/parked`);
    const body = await res.json() as { metadata: { resource_version: string }; status: { phase: string }; spec: { stopped: boolean } };
    assert.equal(body.status.phase, 'STOPPED');
    assert.equal(body.spec.stopped, true);
    assert.equal(body.metadata.resource_version, '1', 'created stopped: no stop PUT was needed');
    await destroy(h, 'confluent_flink_statement', s);
  } finally {
    await h.close();
  }
});
