import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { startCloud } from '../../index.js';
import type { RunningCloud } from '../../index.js';
import { call, tempDir } from '../../http/test-client.js';
import { fixedClock } from '../../../shared/index.js';
import { bigintType, intType, stringType, timestampLtzType, timestampType } from '../types/index.js';
import { FlinkCatalog, findColumn, selectStarColumns, sinkColumns } from './index.js';
import type { SessionPath, TableSpec } from './index.js';

const tmp = tempDir('streamform-catalog-');
let cloud: RunningCloud;
let catalog: FlinkCatalog;
let envId = '';
let clusterId = '';
let srId = '';
const session: SessionPath = { catalog: 'shoe-env', database: 'cluster_0' };

const SHOES = (() => {
  const raw = JSON.parse(readFileSync('/work/shared/datagen/shoes.avro', 'utf8')) as Record<string, unknown>;
  delete raw['arg.properties'];
  return JSON.stringify(raw);
})();

before(async () => {
  cloud = await startCloud({ dataDir: tmp.dir, port: 0 });
  const env = await call(cloud.url, 'POST', '/org/v2/environments', { body: { display_name: 'shoe-env', stream_governance_config: { package: 'ESSENTIALS' } } });
  envId = env.at('id');
  const cluster = await call(cloud.url, 'POST', '/cmk/v2/clusters', { body: { spec: { display_name: 'cluster_0', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'eu-central-1', config: { kind: 'Basic' }, environment: { id: envId } } } });
  clusterId = cluster.at('id');
  srId = cloud.controlPlane.schemaRegistryOf(envId)?.id ?? '';
  catalog = new FlinkCatalog({ db: cloud.database, controlPlane: cloud.controlPlane, topics: cloud.topics, schemaRegistry: cloud.schemaRegistry, clock: fixedClock(Date.UTC(2026, 0, 1)) });
  cloud.topics.createTopic(clusterId, 'shoe_products', { partitionsCount: 1 });
  cloud.schemaRegistry.register(srId, 'shoe_products-value', { schemaType: 'AVRO', schema: SHOES, references: [] });
});
after(async () => { await cloud.close(); tmp.cleanup(); });

function value<T>(o: { value?: T; diagnostics: readonly { summary: string }[] }): T {
  assert.equal(o.value !== undefined, true, o.diagnostics.map((d) => d.summary).join('\n'));
  return o.value as T;
}
function errorOf(o: { value?: unknown; diagnostics: readonly { code: string; summary: string }[] }): { code: string; summary: string } {
  assert.equal(o.value, undefined);
  const d = o.diagnostics[0];
  assert.ok(d !== undefined);
  return d;
}
const ddl = (name: string): string => value(catalog.showCreateTable([name], session)).rows[0]?.[0] ?? '';

test('inferred table from a topic with an Avro value schema and an unregistered key (workshop shoe_products)', () => {
  assert.equal(ddl('shoe_products'), [
    'CREATE TABLE `shoe-env`.`cluster_0`.`shoe_products` (',
    '  `key` VARBINARY(2147483647),',
    '  `id` VARCHAR(2147483647) NOT NULL,',
    '  `brand` VARCHAR(2147483647) NOT NULL,',
    '  `name` VARCHAR(2147483647) NOT NULL,',
    '  `sale_price` INT NOT NULL,',
    '  `rating` DOUBLE NOT NULL',
    ')',
    'DISTRIBUTED BY HASH(`key`) INTO 1 BUCKETS',
    'WITH (',
    "  'changelog.mode' = 'append',",
    "  'connector' = 'confluent',",
    "  'kafka.cleanup-policy' = 'delete',",
    "  'kafka.max-message-size' = '2097164 bytes',",
    "  'kafka.retention.size' = '0 bytes',",
    "  'kafka.retention.time' = '7 d',",
    "  'key.format' = 'raw',",
    "  'scan.bounded.mode' = 'unbounded',",
    "  'scan.startup.mode' = 'earliest-offset',",
    "  'value.format' = 'avro-registry'",
    ')',
  ].join('\n'));
  const t = value(catalog.resolveTable(['shoe_products'], session));
  assert.equal(t.inferred, true);
  assert.deepEqual(t.keyFields, [{ column: 'key' }]);
  assert.deepEqual(t.valueFields.map((f) => f.field), ['id', 'brand', 'name', 'sale_price', 'rating']);
});

test('a topic without subjects is `key`/`val` raw bytes', () => {
  cloud.topics.createTopic(clusterId, 'raw_events', { partitionsCount: 3 });
  const t = value(catalog.resolveTable(['raw_events'], session));
  assert.deepEqual(t.columns.map((c) => c.name), ['key', 'val']);
  assert.equal(t.options['value.format'], 'raw');
  assert.deepEqual(t.distribution, { columns: ['key'], buckets: 3 });
});

test('DESCRIBE and DESCRIBE EXTENDED rows, with the $rowtime system row', () => {
  const d = value(catalog.describe(['shoe_products'], session));
  assert.deepEqual(d.columns, ['Column Name', 'Data Type', 'Nullable', 'Extras']);
  assert.deepEqual(d.rows[0], ['key', 'BYTES', 'NULL', 'BUCKET KEY']);
  assert.deepEqual(d.rows[1], ['id', 'STRING', 'NOT NULL', '']);
  const e = value(catalog.describe(['shoe_products'], session, { extended: true }));
  assert.deepEqual(e.columns, ['Column Name', 'Data Type', 'Nullable', 'Extras', 'Comment']);
  assert.deepEqual(e.rows.at(-1), ['$rowtime', 'TIMESTAMP_LTZ(3) *ROWTIME*', 'NOT NULL', 'METADATA VIRTUAL, WATERMARK AS `SOURCE_WATERMARK`()', 'SYSTEM']);
});

test('record key + record value; key names colliding with value names get the key_ prefix', () => {
  cloud.topics.createTopic(clusterId, 'collide', { partitionsCount: 2 });
  cloud.schemaRegistry.register(srId, 'collide-key', { schemaType: 'AVRO', schema: JSON.stringify({ type: 'record', name: 'K', fields: [{ name: 'id', type: 'long' }] }), references: [] });
  cloud.schemaRegistry.register(srId, 'collide-value', { schemaType: 'AVRO', schema: JSON.stringify({ type: 'record', name: 'V', fields: [{ name: 'id', type: 'string' }, { name: 'n', type: 'int' }] }), references: [] });
  const t = value(catalog.resolveTable(['collide'], session));
  assert.deepEqual(t.columns.map((c) => c.name), ['key_id', 'id', 'n']);
  assert.equal(t.options['key.fields-prefix'], 'key_');
  assert.deepEqual(t.keyFields, [{ column: 'key_id', field: 'id' }]);
  assert.equal(t.keyFormat, 'avro-registry');
});

test('key fields contained in the value give value.fields-include = all; a compacted topic is upsert', () => {
  cloud.topics.createTopic(clusterId, 'users', { partitionsCount: 1, configs: { 'cleanup.policy': 'compact' } });
  cloud.schemaRegistry.register(srId, 'users-key', { schemaType: 'AVRO', schema: JSON.stringify({ type: 'record', name: 'K', fields: [{ name: 'uid', type: 'int' }] }), references: [] });
  cloud.schemaRegistry.register(srId, 'users-value', { schemaType: 'AVRO', schema: JSON.stringify({ type: 'record', name: 'V', fields: [{ name: 'uid', type: 'int' }, { name: 'name', type: ['null', 'string'], default: null }] }), references: [] });
  const t = value(catalog.resolveTable(['users'], session));
  assert.deepEqual(t.columns.map((c) => c.name), ['uid', 'name']);
  assert.equal(t.options['value.fields-include'], 'all');
  assert.equal(t.changelogMode, 'upsert');
  assert.deepEqual(t.primaryKey, { name: 'PRIMARY', columns: ['uid'] });
  assert.equal(t.options['kafka.cleanup-policy'], 'compact');
});

test('an atomic key schema becomes a typed `key` column', () => {
  cloud.topics.createTopic(clusterId, 'counts', { partitionsCount: 1 });
  cloud.schemaRegistry.register(srId, 'counts-key', { schemaType: 'AVRO', schema: '"int"', references: [] });
  const t = value(catalog.resolveTable(['counts'], session));
  assert.deepEqual(t.columns[0], { kind: 'physical', name: 'key', type: intType({ nullable: false }) });
  assert.equal(t.options['key.format'], 'avro-registry');
});

test('JSON Schema values: integer → BIGINT, number → DOUBLE, required → NOT NULL', () => {
  cloud.topics.createTopic(clusterId, 'json_t', { partitionsCount: 1 });
  const schema = { type: 'object', properties: { a: { type: 'integer' }, b: { type: 'number' }, c: { type: 'string', enum: ['x', 'y'] }, d: { type: 'array', items: { type: 'string' } } }, required: ['a'] };
  cloud.schemaRegistry.register(srId, 'json_t-value', { schemaType: 'JSON', schema: JSON.stringify(schema), references: [] });
  const d = value(catalog.describe(['json_t'], session));
  assert.deepEqual(d.rows.slice(1).map((r) => [r[0], r[1], r[2]]), [['a', 'BIGINT', 'NOT NULL'], ['b', 'DOUBLE', 'NULL'], ['c', 'STRING', 'NULL'], ['d', 'ARRAY<STRING NOT NULL>', 'NULL']]);
  assert.equal(value(catalog.resolveTable(['json_t'], session)).valueFormat, 'json-registry');
});

test('Protobuf values: scalars NOT NULL, optional and wrappers nullable, repeated, oneof as ROW', () => {
  cloud.topics.createTopic(clusterId, 'proto_t', { partitionsCount: 1 });
  const proto = [
    'syntax = "proto3";', 'package acme;', 'import "google/protobuf/wrappers.proto";',
    'message Order {', '  int32 qty = 1;', '  optional string note = 2;', '  google.protobuf.Int64Value big = 3;',
    '  repeated string tags = 4;', '  oneof pay { string card = 5; int64 points = 6; }', '  uint32 u = 7;', '}',
  ].join('\n');
  cloud.schemaRegistry.register(srId, 'proto_t-value', { schemaType: 'PROTOBUF', schema: proto, references: [] });
  const d = value(catalog.describe(['proto_t'], session));
  assert.deepEqual(d.rows.slice(1).map((r) => [r[0], r[1], r[2]]), [
    ['qty', 'INT', 'NOT NULL'], ['note', 'STRING', 'NULL'], ['big', 'BIGINT', 'NULL'], ['tags', 'ARRAY<STRING NOT NULL>', 'NOT NULL'],
    ['pay', 'ROW<`card` STRING, `points` BIGINT>', 'NULL'], ['u', 'BIGINT', 'NOT NULL'],
  ]);
});

test('CREATE TABLE with PK and DISTRIBUTED INTO 1 BUCKETS: 1-partition topic, key-only PK, Avro subjects as Flink registers them', () => {
  const spec: TableSpec = {
    path: ['shoe_promotions'],
    columns: [{ kind: 'physical', name: 'email', type: stringType() }, { kind: 'physical', name: 'promotion_name', type: stringType() }],
    primaryKey: { columns: ['email'] },
    distribution: { buckets: 1 },
  };
  const r = value(catalog.createTable(spec, session));
  assert.equal(r.created, true);
  assert.equal(cloud.topics.describeTopic(clusterId, 'shoe_promotions').partitionsCount, 1);
  const key = JSON.parse(cloud.schemaRegistry.getVersion(srId, 'shoe_promotions-key', 'latest').schema) as unknown;
  const val = JSON.parse(cloud.schemaRegistry.getVersion(srId, 'shoe_promotions-value', 'latest').schema) as unknown;
  assert.deepEqual(key, { type: 'record', name: 'record', namespace: 'org.apache.flink.avro.generated', fields: [{ name: 'email', type: 'string' }] });
  assert.deepEqual(val, { type: 'record', name: 'record', namespace: 'org.apache.flink.avro.generated', fields: [{ name: 'promotion_name', type: ['null', 'string'], default: null }] });
  assert.equal(ddl('shoe_promotions'), [
    'CREATE TABLE `shoe-env`.`cluster_0`.`shoe_promotions` (',
    '  `email` VARCHAR(2147483647) NOT NULL,',
    '  `promotion_name` VARCHAR(2147483647),',
    '  CONSTRAINT `PRIMARY` PRIMARY KEY (`email`) NOT ENFORCED',
    ')',
    'DISTRIBUTED BY HASH(`email`) INTO 1 BUCKETS',
    'WITH (',
    "  'changelog.mode' = 'upsert',",
    "  'connector' = 'confluent',",
    "  'kafka.cleanup-policy' = 'delete',",
    "  'kafka.max-message-size' = '2097164 bytes',",
    "  'kafka.retention.size' = '0 bytes',",
    "  'kafka.retention.time' = '7 d',",
    "  'key.format' = 'avro-registry',",
    "  'scan.bounded.mode' = 'unbounded',",
    "  'scan.startup.mode' = 'earliest-offset',",
    "  'value.format' = 'avro-registry'",
    ')',
  ].join('\n'));
  const t = value(catalog.resolveTable(['shoe_promotions'], session));
  assert.equal(t.inferred, false);
  assert.deepEqual(t.keyFields, [{ column: 'email', field: 'email' }]);
  assert.deepEqual(t.valueFields, [{ column: 'promotion_name', field: 'promotion_name' }]);
  assert.deepEqual(value(catalog.describe(['shoe_promotions'], session)).rows[0], ['email', 'STRING', 'NOT NULL', 'PRIMARY KEY, BUCKET KEY']);
});

test('CREATE TABLE defaults: 6 partitions, append without PK, no key subject; Kafka options reach the topic', () => {
  value(catalog.createTable({
    path: ['cluster_0', 'audit'],
    columns: [{ kind: 'physical', name: 'msg', type: stringType() }, { kind: 'metadata', name: 'ts', type: timestampLtzType(3), key: 'timestamp', virtual: false }],
    options: { 'kafka.retention.time': '1 d', 'kafka.cleanup-policy': 'delete-compact', 'kafka.max-message-size': '8 mb' },
  }, { catalog: envId }));
  const topic = cloud.topics.describeTopic(clusterId, 'audit');
  assert.equal(topic.partitionsCount, 6);
  assert.deepEqual(topic.configs, { 'cleanup.policy': 'delete,compact', 'max.message.bytes': '8388608', 'retention.ms': '86400000' });
  assert.equal(cloud.schemaRegistry.listSubjects(srId).includes('audit-key'), false);
  const t = value(catalog.resolveTable(['audit'], session));
  assert.equal(t.changelogMode, 'append');
  assert.equal(t.options['kafka.retention.time'], '1 d');
  assert.equal(t.options['kafka.cleanup-policy'], 'delete-compact');
  assert.equal(t.options['key.format'], undefined);
  assert.match(ddl('audit'), /`ts` TIMESTAMP\(3\) WITH LOCAL TIME ZONE METADATA FROM 'timestamp'\n\)\n/);
  assert.doesNotMatch(ddl('audit'), /DISTRIBUTED/);
});

test("changelog.mode 'retract' is honoured; 'upsert' without PK and a bucket key unlike the PK are refused", () => {
  const cols = [{ kind: 'physical' as const, name: 'a', type: intType() }, { kind: 'physical' as const, name: 'b', type: intType() }];
  value(catalog.createTable({ path: ['enriched'], columns: cols, options: { 'changelog.mode': 'retract' } }, session));
  assert.equal(value(catalog.resolveTable(['enriched'], session)).changelogMode, 'retract');
  assert.equal(errorOf(catalog.createTable({ path: ['u1'], columns: cols, options: { 'changelog.mode': 'upsert' } }, session)).code, 'flink-upsert-without-primary-key');
  assert.equal(errorOf(catalog.createTable({ path: ['u2'], columns: cols, primaryKey: { columns: ['a'] }, distribution: { columns: ['b'] } }, session)).code, 'flink-upsert-bucket-key');
  assert.equal(cloud.topics.hasTopic(clusterId, 'u1') || cloud.topics.hasTopic(clusterId, 'u2'), false);
});

test('creating an existing table fails with Flink’s message; IF NOT EXISTS returns the existing one', () => {
  const spec: TableSpec = { path: ['shoe_products'], columns: [{ kind: 'physical', name: 'x', type: intType() }] };
  assert.equal(errorOf(catalog.createTable(spec, session)).summary, 'Table (or view) cluster_0.shoe_products already exists in Catalog shoe-env.');
  const r = value(catalog.createTable({ ...spec, ifNotExists: true }, session));
  assert.equal(r.created, false);
  assert.equal(r.table.inferred, true);
});

test('CTAS merges declared columns with the query schema and derives upsert from the query key', () => {
  const r = value(catalog.createTableAs(
    { path: ['totals'], columns: [{ kind: 'physical', name: 'total', type: bigintType() }, { kind: 'computed', name: 'doubled', expr: '`total` * 2' }] },
    { columns: [{ name: 'email', type: stringType({ nullable: false }) }, { name: 'total', type: intType() }], changelogMode: 'upsert', primaryKey: ['email'] },
    session));
  assert.deepEqual(r.table.columns.map((c) => c.name), ['doubled', 'email', 'total']);
  assert.equal(r.table.changelogMode, 'upsert');
  assert.deepEqual(r.table.primaryKey?.columns, ['email']);
  assert.deepEqual(r.table.columns[2], { kind: 'physical', name: 'total', type: bigintType() });
});

test('resolution: names and ids, 1-2-3 part paths, USE, and Confluent’s error messages', () => {
  assert.equal(value(catalog.resolveTable([envId, clusterId, 'shoe_products'], {})).name, 'shoe_products');
  assert.equal(value(catalog.resolveTable(['cluster_0', 'shoe_products'], { catalog: envId })).catalog.name, 'shoe-env');
  assert.equal(errorOf(catalog.resolveTable(['nope', 'cluster_0', 't'], {})).summary,
    "A catalog with name or id 'nope' cannot be resolved. Possible reasons:\n\t1. You might not have permissions to access it.\n\t2. The catalog might not exist.\n\t3. There might be multiple catalogs with the same name.");
  assert.equal(errorOf(catalog.resolveTable(['cluster_9', 't'], session)).summary,
    "A database with name 'cluster_9' does not exist, or you have no permissions to access it in catalog 'shoe-env'.");
  assert.equal(errorOf(catalog.resolveTable(['shoe_product'], session)).summary,
    "Cannot find table '`shoe-env`.`cluster_0`.`shoe_product`'. Did you mean '`shoe-env`.`cluster_0`.`shoe_products`'?");
  assert.equal(errorOf(catalog.resolveTable(['zzzzzz'], session)).summary, "Cannot find table '`shoe-env`.`cluster_0`.`zzzzzz`'.");
  assert.deepEqual(value(catalog.useCatalog('shoe-env')), { catalog: 'shoe-env' });
  assert.deepEqual(value(catalog.useDatabase([clusterId], { catalog: 'shoe-env' })), { catalog: 'shoe-env', database: clusterId });
  assert.equal(errorOf(catalog.useDatabase(['x'], { catalog: 'shoe-env' })).code, 'flink-database-not-found');
});

test('SHOW CATALOGS / DATABASES / TABLES [LIKE]', () => {
  assert.deepEqual(catalog.showCatalogs(), { columns: ['catalog name', 'catalog id'], rows: [['examples', 'examples'], ['shoe-env', envId]] });
  assert.deepEqual(value(catalog.showDatabases(session)), { columns: ['database name', 'database id'], rows: [['cluster_0', clusterId]] });
  const like = value(catalog.showTables(session, { like: { pattern: 'shoe\\_%', negated: false } }));
  assert.deepEqual(like.rows, [['shoe_products'], ['shoe_promotions']]);
  const notLike = value(catalog.showTables(session, { like: { pattern: '%s%', negated: true } }));
  assert.deepEqual(notLike.rows, [['audit'], ['collide'], ['enriched'], ['proto_t']]);
  assert.deepEqual(value(catalog.showTables({}, { from: ['examples', 'marketplace'] })).rows, [['clicks'], ['customers'], ['orders'], ['products']]);
});

test('ALTER TABLE: options are validated, creation-only options refused, ADD WATERMARK refused', () => {
  assert.equal(errorOf(catalog.alterTable(['audit'], session, { kind: 'set-options', options: { 'scan.startup.mod': 'latest-offset' } })).code, 'flink-unknown-table-option');
  assert.match(errorOf(catalog.alterTable(['audit'], session, { kind: 'set-options', options: { 'kafka.retention.time': '2 d' } })).summary, /can only be set when the table is created/);
  assert.equal(errorOf(catalog.alterTable(['audit'], session, { kind: 'set-options', options: { 'changelog.mode': 'upsert' } })).code, 'flink-upsert-without-primary-key');
  const t = value(catalog.alterTable(['audit'], session, { kind: 'set-options', options: { 'scan.startup.mode': 'latest-offset' } }));
  assert.equal(t.options['scan.startup.mode'], 'latest-offset');
  assert.equal(value(catalog.alterTable(['audit'], session, { kind: 'reset-options', keys: ['scan.startup.mode'] })).options['scan.startup.mode'], 'earliest-offset');
  assert.equal(errorOf(catalog.alterTable(['audit'], session, { kind: 'add-watermark', column: 'ts', expr: '`ts`' })).summary,
    'All tables declare a system-provided watermark by default. Use ALTER TABLE MODIFY for custom watermarks.');
});

test('ALTER TABLE MODIFY / DROP WATERMARK: DROP reverts to SOURCE_WATERMARK() on $rowtime', () => {
  const t = value(catalog.alterTable(['audit'], session, { kind: 'modify-watermark', column: 'ts', expr: "`ts` - INTERVAL '5' SECOND" }));
  assert.deepEqual(t.watermark, { column: 'ts', expr: "`ts` - INTERVAL '5' SECOND", isDefault: false });
  assert.match(ddl('audit'), /\n {2}WATERMARK FOR `ts` AS `ts` - INTERVAL '5' SECOND\n\)/);
  const ext = value(catalog.describe(['audit'], session, { extended: true }));
  assert.deepEqual(ext.rows.find((r) => r[0] === 'ts')?.slice(1, 4), ['TIMESTAMP_LTZ(3) *ROWTIME*', 'NULL', "METADATA FROM 'timestamp', WATERMARK AS `ts` - INTERVAL '5' SECOND"]);
  assert.equal(errorOf(catalog.alterTable(['audit'], session, { kind: 'modify-watermark', column: 'msg', expr: '`msg`' })).code, 'flink-invalid-watermark');
  const back = value(catalog.alterTable(['audit'], session, { kind: 'drop-watermark' }));
  assert.deepEqual(back.watermark, { column: '$rowtime', expr: '`SOURCE_WATERMARK`()', isDefault: true });
});

test('ALTER TABLE columns: metadata/computed add and drop; physical changes point to Schema Registry', () => {
  const added = value(catalog.alterTable(['shoe_products'], session, { kind: 'add-columns', columns: [{ kind: 'metadata', name: 'part', type: intType({ nullable: false }), key: 'partition', virtual: true }, { kind: 'computed', name: 'price_eur', expr: '`sale_price` / 100' }] }));
  assert.deepEqual(added.columns.slice(-2).map((c) => c.name), ['part', 'price_eur']);
  assert.match(ddl('shoe_products'), /`part` INT NOT NULL METADATA FROM 'partition' VIRTUAL,\n {2}`price_eur` AS `sale_price` \/ 100\n/);
  assert.equal(errorOf(catalog.alterTable(['shoe_products'], session, { kind: 'add-columns', columns: [{ kind: 'metadata', name: 'off', type: bigintType(), key: 'offset', virtual: false }] })).code, 'flink-metadata-not-virtual');
  const phys = errorOf(catalog.alterTable(['shoe_products'], session, { kind: 'add-columns', columns: [{ kind: 'physical', name: 'color', type: stringType() }] }));
  assert.equal(phys.code, 'flink-physical-column-change');
  assert.match(phys.summary, /evolve the schema in Schema Registry/);
  assert.equal(errorOf(catalog.alterTable(['shoe_products'], session, { kind: 'drop-columns', columns: ['brand'] })).code, 'flink-physical-column-change');
  assert.deepEqual(value(catalog.alterTable(['shoe_products'], session, { kind: 'drop-columns', columns: ['part'] })).columns.map((c) => c.name).includes('part'), false);
});

test('ALTER TABLE MODIFY key refines the raw key of an inferred table; evolution of the value schema is picked up', () => {
  const t = value(catalog.alterTable(['shoe_products'], session, { kind: 'modify-column', column: { kind: 'physical', name: 'key', type: stringType() } }));
  assert.deepEqual(t.columns[0], { kind: 'physical', name: 'key', type: stringType() });
  const evolved = { ...JSON.parse(SHOES) as Record<string, unknown> };
  evolved['fields'] = [...(evolved['fields'] as unknown[]), { name: 'color', type: ['null', 'string'], default: null }];
  cloud.schemaRegistry.register(srId, 'shoe_products-value', { schemaType: 'AVRO', schema: JSON.stringify(evolved), references: [] });
  const after = value(catalog.resolveTable(['shoe_products'], session));
  assert.deepEqual(after.columns.map((c) => c.name), ['key', 'id', 'brand', 'name', 'sale_price', 'rating', 'color', 'price_eur']);
  assert.equal(errorOf(catalog.alterTable(['shoe_promotions'], session, { kind: 'modify-column', column: { kind: 'physical', name: 'email', type: intType() } })).code, 'flink-physical-column-change');
});

test('DROP TABLE deletes the topic, soft-deletes the subjects and the metadata; IF EXISTS tolerates absence', () => {
  value(catalog.dropTable(['shoe_promotions'], session));
  assert.equal(cloud.topics.hasTopic(clusterId, 'shoe_promotions'), false);
  assert.equal(cloud.schemaRegistry.listSubjects(srId).some((s) => s.startsWith('shoe_promotions-')), false);
  assert.deepEqual(cloud.schemaRegistry.listSubjects(srId, { deleted: true }).filter((s) => s.startsWith('shoe_promotions-')), ['shoe_promotions-key', 'shoe_promotions-value']);
  assert.equal(errorOf(catalog.resolveTable(['shoe_promotions'], session)).code, 'flink-table-not-found');
  assert.deepEqual(value(catalog.dropTable(['shoe_promotions'], session, { ifExists: true })), { dropped: false });
  assert.equal(errorOf(catalog.dropTable(['shoe_promotions'], session)).code, 'flink-table-not-found');
});

test('examples.marketplace: observed schemas, read-only for every change', () => {
  const ex: SessionPath = { catalog: 'examples', database: 'marketplace' };
  const orders = value(catalog.describe(['orders'], ex));
  assert.deepEqual(orders.rows.map((r) => `${r[0]} ${r[1]} ${r[2]}`), ['order_id STRING NOT NULL', 'customer_id INT NOT NULL', 'product_id STRING NOT NULL', 'price DOUBLE NOT NULL']);
  const products = value(catalog.resolveTable(['examples', 'marketplace', 'products'], session));
  assert.equal(products.changelogMode, 'upsert');
  assert.equal(products.readOnly, true);
  const clicks = value(catalog.showCreateTable(['clicks'], ex)).rows[0]?.[0] ?? '';
  assert.match(clicks, /^CREATE TABLE `examples`.`marketplace`.`clicks` \(\n {2}`click_id` VARCHAR\(2147483647\) NOT NULL,/);
  assert.match(clicks, /'connector' = 'faker',\n {2}'fields.click_id.expression' = '#\{Internet.UUID\}',/);
  assert.equal(errorOf(catalog.dropTable(['orders'], ex)).summary, "Table `examples`.`marketplace`.`orders` is read-only. The tables of the 'examples' catalog can only be queried.");
  assert.equal(errorOf(catalog.alterTable(['orders'], ex, { kind: 'set-options', options: { 'scan.startup.mode': 'latest-offset' } })).code, 'flink-table-read-only');
  assert.equal(errorOf(catalog.createTable({ path: ['x'], columns: [{ kind: 'physical', name: 'a', type: intType() }] }, ex)).code, 'flink-table-read-only');
  assert.equal(value(catalog.resolveTable(['clicks'], ex)).options['rows-per-second'], '50');
  assert.deepEqual(products.primaryKey, { name: 'PK_product_id', columns: ['product_id'] });
});

test('metadata survives a restart of the cloud (SQLite)', async () => {
  value(catalog.createTable({ path: ['kept'], columns: [{ kind: 'physical', name: 'at', type: timestampType(3) }], watermark: { column: 'at', expr: '`at`' } }, session));
  await cloud.close();
  cloud = await startCloud({ dataDir: tmp.dir, port: 0 });
  catalog = new FlinkCatalog({ db: cloud.database, controlPlane: cloud.controlPlane, topics: cloud.topics, schemaRegistry: cloud.schemaRegistry, clock: fixedClock(0) });
  const t = value(catalog.resolveTable(['kept'], session));
  assert.deepEqual(t.watermark, { column: 'at', expr: '`at`', isDefault: false });
  assert.equal(t.inferred, false);
});

test('column views for the binder: SELECT * skips VIRTUAL metadata and $rowtime; INSERT writes physical + persisted metadata', () => {
  const t = value(catalog.resolveTable(['audit'], session));
  const withVirtual = value(catalog.alterTable(['audit'], session, { kind: 'add-columns', columns: [{ kind: 'metadata', name: 'off', type: bigintType({ nullable: false }), key: 'offset', virtual: true }] }));
  assert.deepEqual(selectStarColumns(withVirtual).map((c) => c.name), ['msg', 'ts']);
  assert.deepEqual(sinkColumns(withVirtual).map((c) => c.name), ['msg', 'ts']);
  assert.equal(findColumn(t, '$rowtime')?.kind, 'metadata');
  assert.equal(findColumn(t, 'MSG'), undefined);
});
