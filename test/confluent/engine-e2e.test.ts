import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startCloud } from '../../src/cloud/index.js';
import type { RunningCloud } from '../../src/cloud/index.js';
import { loadConfig } from '../../src/provisioner/config/index.js';
import { applyPlan, makePlan } from '../../src/provisioner/engine/index.js';
import type { EngineEnv, StateWriter } from '../../src/provisioner/engine/index.js';
import { confluentProvider } from '../../src/provisioner/providers/confluent/index.js';
import type { ResourceInstanceState, StateSnapshot } from '../../src/provisioner/state/index.js';
import { systemClock } from '../../src/shared/index.js';
import { hclOpening } from '../support/index.js';

const MAIN_TF = `
${hclOpening({ environment: 'e2e', cluster: 'orders' })}
data "confluent_schema_registry_cluster" "sr" {
  environment { id = confluent_environment.env.id }
  depends_on = [confluent_kafka_cluster.k]
}

resource "confluent_kafka_topic" "orders" {
  kafka_cluster { id = confluent_kafka_cluster.k.id }
  topic_name       = "orders"
  partitions_count = 3
  rest_endpoint    = confluent_kafka_cluster.k.rest_endpoint
}

resource "confluent_schema" "orders" {
  schema_registry_cluster { id = data.confluent_schema_registry_cluster.sr.id }
  rest_endpoint = data.confluent_schema_registry_cluster.sr.rest_endpoint
  subject_name  = "orders-value"
  format        = "AVRO"
  schema        = jsonencode({ type = "record", name = "Order", fields = [{ name = "id", type = "int" }] })
}

data "confluent_flink_region" "r" {
  cloud  = "AWS"
  region = "us-east-2"
}

resource "confluent_flink_compute_pool" "pool" {
  display_name = "pool"
  cloud        = "AWS"
  region       = "us-east-2"
  max_cfu      = 5
  environment { id = confluent_environment.env.id }
}

data "confluent_service_account" "runner" {
  display_name = "runner"
}

resource "confluent_flink_statement" "insert" {
  organization { id = data.confluent_organization.this.id }
  environment  { id = confluent_environment.env.id }
  compute_pool { id = confluent_flink_compute_pool.pool.id }
  principal    { id = data.confluent_service_account.runner.id }
  rest_endpoint  = data.confluent_flink_region.r.rest_endpoint
  statement_name = "orders-copy"
  statement      = "INSERT INTO orders SELECT * FROM orders;"
  properties = {
    "sql.current-catalog"  = confluent_environment.env.display_name
    "sql.current-database" = confluent_kafka_cluster.k.display_name
  }
  depends_on = [confluent_schema.orders, confluent_kafka_topic.orders]
}
`;

describe('confluent provider through the engine (HCL → plan → apply → plan)', () => {
  let cloud: RunningCloud;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'streamform-e2e-'));
    // The real statement runtime drives the statement (no stand-in: two drivers raced each other and
    // the stand-in's deferred callbacks touched the store after close).
    cloud = await startCloud({ dataDir: join(dir, 'cloud'), port: 0 });
    // The runner service account exists before the configuration (looked up by a data source).
    await fetch(`${cloud.url}/iam/v2/service-accounts`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ display_name: 'runner' }) });
    writeFileSync(join(dir, 'main.tf'), MAIN_TF);
  });
  after(async () => { await cloud.close(); rmSync(dir, { recursive: true, force: true }); });

  function env(state: StateSnapshot): EngineEnv {
    return { config: loaded, state, providers: {
      factory: (s) => (s.toLowerCase().endsWith('confluentinc/confluent') ? () => confluentProvider({ env: () => undefined }) : undefined),
      defaultSource: (l) => (l === 'confluent' ? 'confluentinc/confluent' : `hashicorp/${l}`),
      defaults: () => ({ endpoint: cloud.url }),
    }, hooks: {}, clock: systemClock, uuid: randomUUID, signal: new AbortController().signal, cwd: dir };
  }
  let loaded: EngineEnv['config'];

  it('applies the configuration and then plans no changes', async () => {
    const cfg = await loadConfig(dir, { cacheDir: join(dir, '.cache') });
    assert.deepEqual(cfg.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.ok(cfg.value);
    loaded = cfg.value;
    const empty: StateSnapshot = { lineage: 'l', serial: 0, terraformVersion: '1.9.0', streamformVersion: '0', resources: [], outputs: {} };
    const opts = { mode: 'normal' as const, refresh: true, targets: [], replace: [], variables: new Map(), parallelism: 4 };
    const e = env(empty);
    const p1 = await makePlan(e, opts);
    assert.deepEqual(p1.plan.diagnostics.filter((d) => d.severity === 'error'), []);
    const resources = new Map<string, ResourceInstanceState>();
    const writer: StateWriter = {
      putResource: (r) => { resources.set(r.address, r); },
      removeResource: (a) => { resources.delete(a); },
      setOutputs: () => {},
    };
    const applied = await applyPlan(e, p1, writer, { parallelism: 4, variables: new Map() });
    assert.deepEqual(applied.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.equal(applied.counts.add, 6);
    const stmt = resources.get('confluent_flink_statement.insert');
    assert.equal(stmt?.attributes.status_phase, 'RUNNING');
    const after: StateSnapshot = { ...empty, serial: 1, resources: [...resources.values()] };
    const p2 = await makePlan(env(after), opts);
    assert.deepEqual(p2.plan.diagnostics.filter((d) => d.severity === 'error'), []);
    assert.deepEqual(p2.plan.drift.map((c) => c.address), []);
    const changes = p2.plan.changes.filter((c) => c.mode === 'managed' && c.action !== 'no-op').map((c) => `${c.address}: ${c.action}`);
    assert.deepEqual(changes, []);

    // Drift: the topic is deleted through the Kafka REST API; refresh notices and the plan recreates it.
    const k = resources.get('confluent_kafka_cluster.k')?.attributes;
    const gone = await fetch(`${String(k?.rest_endpoint)}/kafka/v3/clusters/${String(k?.id)}/topics/orders`, { method: 'DELETE' });
    assert.ok(gone.ok);
    const p3 = await makePlan(env(after), opts);
    assert.ok(p3.plan.drift.some((c) => c.address === 'confluent_kafka_topic.orders'));
    const again = p3.plan.changes.filter((c) => c.mode === 'managed' && c.action !== 'no-op').map((c) => `${c.address}: ${c.action}`);
    assert.deepEqual(again, ['confluent_kafka_topic.orders: create']);
  });
});
