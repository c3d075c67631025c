/**
 * Plan-time Flink SQL validation through the real CLI (`streamform plan`, in-process) against an
 * in-process local cloud: every statement of a configuration that also creates the environment,
 * cluster, topic and schema is parsed and bound at plan, with what the plan creates earlier.
 */
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { confluentProvider } from '../../src/provisioner/providers/confluent/index.js';
import type { ProviderContext } from '../../src/provisioner/provider/index.js';
import { UNKNOWN } from '../../src/provisioner/lang/index.js';
import { startCloud } from '../../src/cloud/index.js';
import type { RunningCloud } from '../../src/cloud/index.js';
import { cli, hclOpening, removeDir, stripAnsi, workdir } from '../support/index.js';

const BASE_TF = `
${hclOpening({ environment: 'plan-env', cluster: 'plan-cluster', version: false })}
data "confluent_flink_region" "r" {
  cloud  = "AWS"
  region = "us-east-2"
}

resource "confluent_kafka_topic" "orders" {
  kafka_cluster { id = confluent_kafka_cluster.k.id }
  topic_name    = "orders"
  rest_endpoint = confluent_kafka_cluster.k.rest_endpoint
}

data "confluent_schema_registry_cluster" "sr" {
  environment { id = confluent_environment.env.id }
  depends_on = [confluent_kafka_cluster.k]
}

resource "confluent_schema" "orders" {
  schema_registry_cluster { id = data.confluent_schema_registry_cluster.sr.id }
  rest_endpoint = data.confluent_schema_registry_cluster.sr.rest_endpoint
  subject_name  = "orders-value"
  format        = "AVRO"
  schema        = jsonencode({ type = "record", name = "Order", fields = [{ name = "id", type = "int" }, { name = "customer", type = "string" }] })
}
`;

/** A statement resource in the planned environment; `sql` goes into a heredoc. */
function statement(name: string, sql: string, dependsOn: readonly string[] = []): string {
  return `
resource "confluent_flink_statement" "${name}" {
  organization { id = data.confluent_organization.this.id }
  environment  { id = confluent_environment.env.id }
  rest_endpoint  = data.confluent_flink_region.r.rest_endpoint
  statement_name = "${name.replaceAll('_', '-')}"
  statement      = <<-EOT
${sql}
  EOT
  properties = {
    "sql.current-catalog"  = confluent_environment.env.display_name
    "sql.current-database" = confluent_kafka_cluster.k.display_name
  }
  depends_on = [${['confluent_kafka_topic.orders', 'confluent_schema.orders', ...dependsOn].join(', ')}]
}
`;
}

describe('streamform plan validates Flink SQL (statements:validate)', () => {
  let cloud: RunningCloud;
  let cloudDir: string;
  const dirs: string[] = [];
  before(async () => {
    cloudDir = workdir({}, 'sf-plan-validation-cloud-');
    cloud = await startCloud({ dataDir: join(cloudDir, 'cloud'), port: 0, runStatements: false, runConnectors: false });
  });
  after(async () => {
    await cloud.close();
    removeDir(cloudDir);
    for (const d of dirs) removeDir(d);
  });

  async function plan(statements: string, env: Readonly<Record<string, string>> = {}): Promise<{ code: number; text: string }> {
    const dir = workdir({ 'main.tf': BASE_TF + statements }, 'sf-plan-validation-');
    dirs.push(dir);
    const r = await cli(dir, ['plan', '-no-color'], { STREAMFORM_CLOUD_URL: cloud.url, NO_COLOR: '1', STREAMFORM_SQL_VALIDATION: undefined, ...env });
    return { code: r.code, text: stripAnsi(r.out + r.err) };
  }

  it('accepts a CREATE TABLE and an INSERT INTO it planned after it (overlay of earlier statements)', async () => {
    const r = await plan(
      statement('ddl', '    CREATE TABLE big_orders (id INT, customer STRING);')
      + statement('fill', '    INSERT INTO big_orders SELECT id, customer FROM orders WHERE id > 10;', ['confluent_flink_statement.ddl']),
    );
    assert.equal(r.code, 0, r.text);
    assert.doesNotMatch(r.text, /Invalid Flink SQL/);
  });

  it('accepts valid SQL against the schema of a topic planned in the same plan', async () => {
    const r = await plan(statement('select_orders', '    SELECT customer, id + 1 AS next_id FROM orders;'));
    assert.equal(r.code, 0, r.text);
  });

  it('fails on a syntax error, naming the resource, the .tf file and the position inside the SQL', async () => {
    const r = await plan(statement('typo', '    SELEC id FROM orders;'));
    assert.equal(r.code, 1, r.text);
    assert.match(r.text, /Invalid Flink SQL in confluent_flink_statement/);
    assert.match(r.text, /confluent_flink_statement\.typo/);
    assert.match(r.text, /main\.tf/);
    assert.match(r.text, /SQL parse failed\. Encountered "SELEC" at line 1, column 1/);
    assert.match(r.text, /SQL line 1, column 1/);
    assert.match(r.text, /SELEC id FROM orders;\n\s*\^/);
    assert.match(r.text, /on main\.tf line \d+, in resource "confluent_flink_statement" "typo":\n\s*\d+:\s+statement\s+=/, 'points at the statement attribute');
  });

  it('STREAMFORM_SQL_VALIDATION=off skips the check', async () => {
    const r = await plan(statement('typo', '    SELEC id FROM orders;'), { STREAMFORM_SQL_VALIDATION: 'off' });
    assert.equal(r.code, 0, r.text);
  });

  it('fails on an unknown column of the planned topic, naming the column', async () => {
    const r = await plan(statement('bad_column', '    SELECT id,\n      amount\n    FROM orders;'));
    assert.equal(r.code, 1, r.text);
    assert.match(r.text, /confluent_flink_statement\.bad_column/);
    assert.match(r.text, /SQL validation failed\. Error from line 2, column 3/);
    assert.match(r.text, /Column 'amount' not found/);
    assert.match(r.text, /SQL line 2, column 3/);
  });

  it('fails on an unknown table', async () => {
    const r = await plan(statement('no_table', '    INSERT INTO nowhere SELECT * FROM orders;'));
    assert.equal(r.code, 1, r.text);
    assert.match(r.text, /confluent_flink_statement\.no_table/);
    assert.match(r.text, /nowhere/);
  });

  it('planning the same CREATE TABLE twice with one provider instance does not report it as existing', async () => {
    const provider = confluentProvider({ env: () => undefined });
    const ctx: ProviderContext = { address: 'provider["confluentinc/confluent"]', signal: new AbortController().signal, progress: () => undefined, now: () => 0 };
    assert.deepEqual(await provider.configure({ endpoint: cloud.url }, ctx), []);
    const config = {
      organization: { id: cloud.organizationId }, environment: null, compute_pool: null, principal: null, credentials: null,
      rest_endpoint: cloud.url, statement_name: 'ddl', statement: 'CREATE TABLE twice (id INT);',
      properties: { 'sql.current-catalog': 'later-env', 'sql.current-database': 'later-cluster' }, properties_sensitive: null, stopped: null,
    };
    for (let i = 0; i < 2; i++) {
      const r = await provider.planResource!({ type: 'confluent_flink_statement', prior: null, config, proposed: { ...config, id: UNKNOWN } }, ctx);
      assert.deepEqual(r.diagnostics ?? [], [], `plan #${i + 1}`);
    }
    const insert = { ...config, statement_name: 'fill', statement: 'INSERT INTO twice SELECT 1;' };
    const r = await provider.planResource!({ type: 'confluent_flink_statement', prior: null, config: insert, proposed: { ...insert, id: UNKNOWN } }, ctx);
    assert.deepEqual(r.diagnostics ?? [], []);
    const wrong = { ...config, statement_name: 'wrong', statement: "INSERT INTO twice SELECT 'x', 2;" };
    const w = await provider.planResource!({ type: 'confluent_flink_statement', prior: null, config: wrong, proposed: { ...wrong, id: UNKNOWN } }, ctx);
    assert.equal(w.diagnostics?.[0]?.summary, 'Invalid Flink SQL in confluent_flink_statement');
  });

  it('fails when an append-only table is fed an updating (GROUP BY) query', async () => {
    const r = await plan(
      statement('counts_ddl', '    CREATE TABLE customer_counts (customer STRING, n BIGINT);')
      + statement('counts', '    INSERT INTO customer_counts SELECT customer, COUNT(*) FROM orders GROUP BY customer;', ['confluent_flink_statement.counts_ddl']),
    );
    assert.equal(r.code, 1, r.text);
    assert.match(r.text, /confluent_flink_statement\.counts\b/);
    assert.match(r.text, /Table sink '.*customer_counts' doesn't support consuming update changes/);
    assert.doesNotMatch(r.text, /confluent_flink_statement\.counts_ddl:/);
  });
});

describe('plan-time SQL validation where the endpoint has no statements:validate (real Confluent Cloud)', () => {
  it('plans the statement without validation and without failing', async () => {
    const seen: string[] = [];
    const server = createServer((req, res) => {
      seen.push(`${req.method ?? ''} ${req.url ?? ''}`);
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ status: '404', detail: 'Not Found' }] }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const provider = confluentProvider({ env: () => undefined });
      const ctx: ProviderContext = { address: 'confluent_flink_statement.s', signal: new AbortController().signal, progress: () => undefined, now: () => 0 };
      assert.deepEqual(await provider.configure({ endpoint: url }, ctx), []);
      const config = {
        organization: { id: 'org-1' }, environment: { id: 'env-1' }, compute_pool: null, principal: null, credentials: null,
        rest_endpoint: url, statement_name: 'typo', statement: 'SELEC 1', properties: null, properties_sensitive: null, stopped: null,
      };
      const r = await provider.planResource!({ type: 'confluent_flink_statement', prior: null, config, proposed: { ...config, id: UNKNOWN } }, ctx);
      assert.deepEqual(r.diagnostics ?? [], []);
      assert.deepEqual(seen, ['POST /sql/v1/organizations/org-1/environments/env-1/statements:validate']);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
