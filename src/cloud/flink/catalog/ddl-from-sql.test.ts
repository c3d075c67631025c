import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCloud } from '../../index.js';
import type { RunningCloud } from '../../index.js';
import { call, tempDir } from '../../http/test-client.js';
import { fixedClock } from '../../../shared/index.js';
import type { Outcome } from '../../../shared/index.js';
import { parseStatement } from '../sql/index.js';
import { FlinkCatalog, alterActionsFromAst, tableSpecFromAst } from './index.js';
import type { SessionPath } from './index.js';

const tmp = tempDir('streamform-catalog-sql-');
let cloud: RunningCloud;
const clock = fixedClock(Date.UTC(2026, 0, 1));
let catalog: FlinkCatalog;
let clusterId = '';
let srId = '';
const session: SessionPath = { catalog: 'flink_handson_terraform', database: 'cc_handson_cluster' };

before(async () => {
  cloud = await startCloud({ dataDir: tmp.dir, port: 0, clock });
  const env = await call(cloud.url, 'POST', '/org/v2/environments', { body: { display_name: 'flink_handson_terraform' } });
  const cluster = await call(cloud.url, 'POST', '/cmk/v2/clusters', { body: { spec: { display_name: 'cc_handson_cluster', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'eu-central-1', config: { kind: 'Basic' }, environment: { id: env.at('id') } } } });
  clusterId = cluster.at('id');
  srId = cloud.controlPlane.schemaRegistryOf(env.at('id'))?.id ?? '';
  catalog = new FlinkCatalog({ db: cloud.database, controlPlane: cloud.controlPlane, topics: cloud.topics, schemaRegistry: cloud.schemaRegistry, clock });
});
after(async () => { await cloud.close(); tmp.cleanup(); });

/** A miniature binder for DDL: what the statement runtime will do with the catalog. */
function run(sql: string): Outcome<string> {
  const parsed = parseStatement(sql);
  const stmt = parsed.value;
  if (stmt === undefined) return { diagnostics: parsed.diagnostics };
  switch (stmt.kind) {
    case 'CreateTable': {
      const spec = tableSpecFromAst(stmt);
      if (spec.value === undefined) return { diagnostics: spec.diagnostics };
      const r = catalog.createTable(spec.value, session);
      return r.value === undefined ? { diagnostics: r.diagnostics } : { value: `Table '${stmt.name.join('.')}' created`, diagnostics: [] };
    }
    case 'AlterTable': {
      const actions = alterActionsFromAst(stmt.action);
      if (actions.value === undefined) return { diagnostics: actions.diagnostics };
      const r = catalog.alterTable(stmt.name, session, actions.value);
      return r.value === undefined ? { diagnostics: r.diagnostics } : { value: 'altered', diagnostics: [] };
    }
    case 'ShowCreate': {
      const r = catalog.showCreateTable(stmt.name, session);
      return r.value === undefined ? { diagnostics: r.diagnostics } : { value: r.value.rows[0]?.[0] ?? '', diagnostics: [] };
    }
    case 'Describe': {
      const r = catalog.describe(stmt.name, session, { extended: stmt.extended });
      return r.value === undefined ? { diagnostics: r.diagnostics } : { value: r.value.rows.map((row) => row.join(' | ')).join('\n'), diagnostics: [] };
    }
    default: return { diagnostics: [{ severity: 'error', code: 'test-unsupported', summary: stmt.kind }] };
  }
}
function ok(sql: string): string {
  const r = run(sql);
  assert.equal(r.value !== undefined, true, r.diagnostics.map((d) => d.summary).join('\n'));
  return r.value ?? '';
}
function fails(sql: string): string {
  const r = run(sql);
  assert.equal(r.value, undefined);
  return r.diagnostics.map((d) => d.summary).join('\n');
}

test('workshop lab 1 step 18: a PK table gets 6 partitions, upsert, key + value subjects', () => {
  ok('CREATE TABLE shoe_customers_keyed(customer_id STRING, first_name STRING, last_name STRING, email STRING, PRIMARY KEY (customer_id) NOT ENFORCED);');
  assert.equal(cloud.topics.describeTopic(clusterId, 'shoe_customers_keyed').partitionsCount, 6);
  assert.deepEqual(cloud.schemaRegistry.listSubjects(srId), ['shoe_customers_keyed-key', 'shoe_customers_keyed-value']);
  assert.match(ok('SHOW CREATE TABLE shoe_customers_keyed'), /DISTRIBUTED BY HASH\(`customer_id`\) INTO 6 BUCKETS\nWITH \(\n {2}'changelog.mode' = 'upsert',/);
});

test('Terraform shoe_promotions: DISTRIBUTED INTO 1 BUCKETS keeps the PK as the bucket key', () => {
  ok('CREATE TABLE shoe_promotions(email STRING, promotion_name STRING, PRIMARY KEY (email) NOT ENFORCED) DISTRIBUTED INTO 1 BUCKETS;');
  assert.equal(cloud.topics.describeTopic(clusterId, 'shoe_promotions').partitionsCount, 1);
  assert.equal(ok('DESCRIBE shoe_promotions'), 'email | STRING | NOT NULL | PRIMARY KEY, BUCKET KEY\npromotion_name | STRING | NULL | ');
});

test("lab 2 step 7: a retract table without PK via WITH ('changelog.mode' = 'retract')", () => {
  ok("CREATE TABLE shoe_order_customer_product(order_id INT, first_name STRING, last_name STRING, email STRING, brand STRING, `model` STRING, sale_price INT, rating DOUBLE) WITH ('changelog.mode' = 'retract')");
  assert.match(ok('SHOW CREATE TABLE shoe_order_customer_product'), /'changelog.mode' = 'retract'/);
});

test('computed and metadata columns, a custom watermark and json-registry survive into SHOW CREATE TABLE', () => {
  ok("CREATE TABLE readings (ts TIMESTAMP(3), v INT COMMENT 'value', ts2 AS ts + INTERVAL '1' SECOND, part INT METADATA FROM 'partition' VIRTUAL, WATERMARK FOR ts AS ts - INTERVAL '5' SECOND) DISTRIBUTED BY HASH(v) INTO 2 BUCKETS WITH ('value.format' = 'json-registry', 'key.format' = 'json-registry')");
  assert.equal(ok('SHOW CREATE TABLE readings'), [
    'CREATE TABLE `flink_handson_terraform`.`cc_handson_cluster`.`readings` (',
    '  `ts` TIMESTAMP(3),',
    "  `v` INT COMMENT 'value',",
    "  `ts2` AS `ts` + INTERVAL '1' SECOND,",
    "  `part` INT METADATA FROM 'partition' VIRTUAL,",
    "  WATERMARK FOR `ts` AS `ts` - INTERVAL '5' SECOND",
    ')',
    'DISTRIBUTED BY HASH(`v`) INTO 2 BUCKETS',
    'WITH (',
    "  'changelog.mode' = 'append',",
    "  'connector' = 'confluent',",
    "  'kafka.cleanup-policy' = 'delete',",
    "  'kafka.max-message-size' = '2097164 bytes',",
    "  'kafka.retention.size' = '0 bytes',",
    "  'kafka.retention.time' = '7 d',",
    "  'key.format' = 'json-registry',",
    "  'scan.bounded.mode' = 'unbounded',",
    "  'scan.startup.mode' = 'earliest-offset',",
    "  'value.format' = 'json-registry'",
    ')',
  ].join('\n'));
  assert.equal(cloud.schemaRegistry.getVersion(srId, 'readings-value', 'latest').schemaType, 'JSON');
  assert.match(ok('DESCRIBE readings'), /^ts \| TIMESTAMP\(3\) \*ROWTIME\* \| NULL \| WATERMARK AS `ts` - INTERVAL '5' SECOND$/m);
});

test('ALTER TABLE statements: SET, MODIFY WATERMARK, ADD metadata column, DROP WATERMARK; ADD WATERMARK refused', () => {
  ok("ALTER TABLE shoe_promotions SET ('scan.startup.mode' = 'latest-offset')");
  ok("ALTER TABLE shoe_promotions ADD (ts TIMESTAMP_LTZ(3) METADATA FROM 'timestamp', h MAP<BYTES, BYTES> METADATA FROM 'headers')");
  ok('ALTER TABLE shoe_promotions MODIFY WATERMARK FOR ts AS ts');
  assert.match(ok('SHOW CREATE TABLE shoe_promotions'), /`h` MAP<VARBINARY\(2147483647\), VARBINARY\(2147483647\)> METADATA FROM 'headers',\n {2}WATERMARK FOR `ts` AS `ts`,/);
  assert.match(fails("ALTER TABLE shoe_promotions ADD WATERMARK FOR ts AS ts - INTERVAL '1' SECOND"), /^All tables declare a system-provided watermark by default/);
  ok('ALTER TABLE shoe_promotions DROP WATERMARK');
  assert.doesNotMatch(ok('SHOW CREATE TABLE shoe_promotions'), /WATERMARK/);
  assert.match(fails('ALTER TABLE shoe_promotions ADD (color STRING)'), /evolve the schema in Schema Registry/);
});

test('Flink’s refusals: ENFORCED primary keys, unknown options, an existing name', () => {
  assert.match(fails('CREATE TABLE pk_enforced (a INT, PRIMARY KEY (a))'), /only supported mode is the NOT ENFORCED mode/);
  assert.match(fails("CREATE TABLE bad_opt (a INT) WITH ('value.formt' = 'avro-registry')"), /^Unsupported option 'value.formt'. Did you mean "value.format"\?/);
  assert.equal(fails('CREATE TABLE shoe_promotions (a INT)'), 'Table (or view) cc_handson_cluster.shoe_promotions already exists in Catalog flink_handson_terraform.');
  assert.equal(cloud.topics.hasTopic(clusterId, 'pk_enforced') || cloud.topics.hasTopic(clusterId, 'bad_opt'), false);
});

test('a topic deleted and recreated outside Flink is an inferred table again (no stale metadata)', () => {
  ok("CREATE TABLE recycled (a INT, b AS a + 1) WITH ('changelog.mode' = 'retract')");
  cloud.topics.deleteTopic(clusterId, 'recycled');
  clock.advance(1000);
  cloud.topics.createTopic(clusterId, 'recycled', { partitionsCount: 1 });
  const t = catalog.resolveTable(['recycled'], session).value;
  assert.equal(t?.inferred, true);
  assert.equal(t?.changelogMode, 'append');
  assert.deepEqual(t?.columns.map((c) => c.name), ['key', 'a']);
});

test("a raw key (DISTRIBUTED BY (k) WITH ('key.format' = 'raw')) registers only the value subject", () => {
  ok("CREATE TABLE raw_keyed (k STRING, v INT) DISTRIBUTED BY (k) INTO 3 BUCKETS WITH ('key.format' = 'raw')");
  assert.deepEqual(cloud.schemaRegistry.listSubjects(srId, { prefix: 'raw_keyed' }), ['raw_keyed-value']);
  const t = catalog.resolveTable(['raw_keyed'], session).value;
  assert.deepEqual(t?.keyFields, [{ column: 'k' }]);
  assert.deepEqual(t?.columns.map((c) => c.name), ['k', 'v']);
  assert.match(ok('SHOW CREATE TABLE raw_keyed'), /DISTRIBUTED BY HASH\(`k`\) INTO 3 BUCKETS[\s\S]*'key.format' = 'raw'/);
});

test('a created table follows a later evolution of its value subject and keeps its computed columns', () => {
  ok('CREATE TABLE evolving (id INT, name STRING, upper_name AS UPPER(name), PRIMARY KEY (id) NOT ENFORCED)');
  const v1 = JSON.parse(cloud.schemaRegistry.getVersion(srId, 'evolving-value', 'latest').schema) as { fields: unknown[] };
  const v2 = { ...v1, fields: [...v1.fields, { name: 'age', type: ['null', 'int'], default: null }] };
  cloud.schemaRegistry.register(srId, 'evolving-value', { schemaType: 'AVRO', schema: JSON.stringify(v2), references: [] });
  const t = catalog.resolveTable(['evolving'], session).value;
  assert.deepEqual(t?.columns.map((c) => `${c.kind}:${c.name}`), ['physical:id', 'physical:name', 'physical:age', 'computed:upper_name']);
  assert.equal(t?.changelogMode, 'upsert');
  assert.deepEqual(t?.primaryKey?.columns, ['id']);
});

test('CREATE TABLE is all or nothing: an incompatible existing subject leaves no topic behind', () => {
  cloud.schemaRegistry.register(srId, 'clash-value', { schemaType: 'AVRO', schema: '"string"', references: [] });
  assert.match(fails('CREATE TABLE clash (a INT)'), /incompatible with an earlier schema for subject "clash-value"/);
  assert.equal(cloud.topics.hasTopic(clusterId, 'clash'), false);
  assert.equal(catalog.resolveTable(['clash'], session).value, undefined);
});
