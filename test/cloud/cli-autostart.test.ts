/**
 * End to end through the real CLI in child processes: `apply` on a Confluent configuration starts
 * the local cloud in the background by itself, a second plan shows no changes, a topic deleted
 * through Kafka REST is planned for re-creation, a restarted cloud keeps its address, `destroy` removes everything, `cloud stop` ends
 * the background cloud.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { hclOpening } from '../support/index.js';

const BIN = fileURLToPath(new URL('../../../bin/streamform.js', import.meta.url));

const MAIN_TF = `
${hclOpening({ environment: 'autostart', cluster: 'orders', clusterResource: 'basic' })}
data "confluent_schema_registry_cluster" "sr" {
  environment { id = confluent_environment.env.id }
  depends_on = [confluent_kafka_cluster.basic]
}

resource "confluent_service_account" "app" {
  display_name = "app-manager"
  description  = "manages the orders cluster"
}

resource "confluent_role_binding" "app_env_admin" {
  principal   = "User:\${confluent_service_account.app.id}"
  role_name   = "EnvironmentAdmin"
  crn_pattern = confluent_environment.env.resource_name
}

resource "confluent_api_key" "app_kafka" {
  display_name = "app-kafka"
  owner {
    id          = confluent_service_account.app.id
    api_version = confluent_service_account.app.api_version
    kind        = confluent_service_account.app.kind
  }
  managed_resource {
    id          = confluent_kafka_cluster.basic.id
    api_version = confluent_kafka_cluster.basic.api_version
    kind        = confluent_kafka_cluster.basic.kind
    environment { id = confluent_environment.env.id }
  }
  depends_on = [confluent_role_binding.app_env_admin]
}

data "confluent_flink_region" "region" {
  cloud  = "AWS"
  region = "us-east-2"
}

resource "confluent_flink_compute_pool" "pool" {
  display_name = "pool"
  cloud        = "AWS"
  region       = "us-east-2"
  max_cfu      = 10
  environment { id = confluent_environment.env.id }
}

resource "confluent_kafka_topic" "orders" {
  kafka_cluster { id = confluent_kafka_cluster.basic.id }
  topic_name       = "orders"
  partitions_count = 1
  rest_endpoint    = confluent_kafka_cluster.basic.rest_endpoint
  config = {
    "cleanup.policy" = "delete"
    "retention.ms"   = "86400000"
  }
  credentials {
    key    = confluent_api_key.app_kafka.id
    secret = confluent_api_key.app_kafka.secret
  }
}

resource "confluent_kafka_acl" "app_read_orders" {
  kafka_cluster { id = confluent_kafka_cluster.basic.id }
  rest_endpoint = confluent_kafka_cluster.basic.rest_endpoint
  resource_type = "TOPIC"
  resource_name = confluent_kafka_topic.orders.topic_name
  pattern_type  = "LITERAL"
  principal     = "User:\${confluent_service_account.app.id}"
  host          = "*"
  operation     = "READ"
  permission    = "ALLOW"
  credentials {
    key    = confluent_api_key.app_kafka.id
    secret = confluent_api_key.app_kafka.secret
  }
}

resource "confluent_schema" "orders_value" {
  schema_registry_cluster { id = data.confluent_schema_registry_cluster.sr.id }
  rest_endpoint = data.confluent_schema_registry_cluster.sr.rest_endpoint
  subject_name  = "\${confluent_kafka_topic.orders.topic_name}-value"
  format        = "AVRO"
  schema        = file("\${path.module}/orders.avsc")
}

output "pool_region" { value = data.confluent_flink_region.region.id }
output "org" { value = data.confluent_organization.this.id }
`;

const ORDERS_AVSC = JSON.stringify({
  type: 'record', name: 'Order', namespace: 'shop',
  fields: [{ name: 'id', type: 'long' }, { name: 'item', type: 'string' }, { name: 'amount', type: 'double' }],
}, null, 2);

interface Run { readonly code: number; readonly stdout: string; readonly stderr: string }

function cli(dir: string, ...args: string[]): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env['STREAMFORM_CLOUD_URL'];
  delete env['STREAMFORM_CLOUD_DIR'];
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, `-chdir=${dir}`, ...args], { env, timeout: 60_000 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

function explain(r: Run): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}\n--- stderr\n${r.stderr}`;
}

test('apply autostarts the local cloud; plan is clean; drift is seen; destroy; cloud stop', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'streamform-autostart-'));
  writeFileSync(join(dir, 'main.tf'), MAIN_TF);
  writeFileSync(join(dir, 'orders.avsc'), ORDERS_AVSC);
  let stopped = false;
  try {
    const applied = await cli(dir, 'apply', '-auto-approve');
    assert.equal(applied.code, 0, explain(applied));
    assert.match(applied.stderr, /Started the local cloud at http:\/\/127\.0\.0\.1:\d+/);
    assert.match(applied.stdout, /Resources: 9 added, 0 changed, 0 destroyed/);

    const status = await cli(dir, 'cloud', 'status', '--json');
    assert.equal(status.code, 0, explain(status));
    const s = JSON.parse(status.stdout) as Record<string, unknown>;
    assert.equal(s['running'], true);
    assert.match(String(s['url']), /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(s['data_dir'], join(dir, '.streamform', 'cloud'));
    assert.equal(typeof s['pid'], 'number');
    assert.equal(typeof s['version'], 'string');
    assert.ok(!Number.isNaN(Date.parse(String(s['started_at']))));
    assert.equal(s['auth'], false);
    assert.match(String(s['kafka_bootstrap']), /^127\.0\.0\.1:\d+$/, 'the Kafka listener for clients such as kcat');
    const url = String(s['url']);

    const clean = await cli(dir, 'plan', '-detailed-exitcode');
    assert.equal(clean.code, 0, explain(clean));
    assert.doesNotMatch(clean.stderr, /Started the local cloud/, 'the running cloud is reused');

    // A stopped cloud comes back on the same address: endpoints stored in state stay valid.
    const stop = await cli(dir, 'cloud', 'stop');
    assert.equal(stop.code, 0, explain(stop));
    const afterRestart = await cli(dir, 'plan', '-detailed-exitcode');
    assert.equal(afterRestart.code, 0, explain(afterRestart));
    assert.ok(afterRestart.stderr.includes(`Started the local cloud at ${url} `), explain(afterRestart));

    const env = await (await fetch(`${url}/org/v2/environments`)).json() as { data: { id: string; display_name: string }[] };
    const envId = env.data.find((e) => e.display_name === 'autostart')?.id ?? '';
    const clusters = await (await fetch(`${url}/cmk/v2/clusters?environment=${envId}`)).json() as { data: { id: string; spec: { http_endpoint: string } }[] };
    const lkc = clusters.data[0];
    assert.ok(lkc !== undefined);
    const acls = await (await fetch(`${lkc.spec.http_endpoint}/kafka/v3/clusters/${lkc.id}/acls?resource_type=TOPIC&resource_name=orders`)).json() as { data: { principal: string; operation: string }[] };
    assert.deepEqual(acls.data.map((a) => a.operation), ['READ']);
    const srs = await (await fetch(`${url}/srcm/v3/clusters?environment=${envId}`)).json() as { data: { spec: { http_endpoint: string } }[] };
    const subjects = await (await fetch(`${srs.data[0]?.spec.http_endpoint ?? ''}/subjects`)).json() as string[];
    assert.deepEqual(subjects, ['orders-value']);
    const gone = await fetch(`${lkc.spec.http_endpoint}/kafka/v3/clusters/${lkc.id}/topics/orders`, { method: 'DELETE' });
    assert.equal(gone.status, 204);

    const drift = await cli(dir, 'plan', '-detailed-exitcode');
    assert.equal(drift.code, 2, explain(drift));
    assert.match(drift.stdout, /confluent_kafka_topic\.orders will be created/);

    const destroyed = await cli(dir, 'destroy', '-auto-approve');
    assert.equal(destroyed.code, 0, explain(destroyed));
    const left = await (await fetch(`${url}/org/v2/environments`)).json() as { data: { display_name: string }[] };
    assert.deepEqual(left.data.filter((e) => e.display_name === 'autostart'), []);

    // The cloud started by apply kept running in the background until now.
    const final = await cli(dir, 'cloud', 'stop');
    stopped = true;
    assert.equal(final.code, 0, explain(final));
    assert.match(final.stdout, /Stopped the local cloud \(pid \d+\)/);
  } finally {
    if (!stopped) await cli(dir, 'cloud', 'stop');
    rmSync(dir, { recursive: true, force: true });
  }
});
