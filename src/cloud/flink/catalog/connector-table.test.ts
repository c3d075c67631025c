import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startCloud } from '../../index.js';
import type { RunningCloud } from '../../index.js';
import { call, tempDir } from '../../http/test-client.js';
import { fixedClock } from '../../../shared/index.js';
import type { Outcome } from '../../../shared/index.js';
import { parseStatement } from '../sql/index.js';
import { FlinkCatalog, tableSpecFromAst } from './index.js';
import type { CreateTableResult, SessionPath } from './index.js';

const tmp = tempDir('streamform-catalog-connector-');
let cloud: RunningCloud;
const clock = fixedClock(Date.UTC(2026, 0, 1));
let catalog: FlinkCatalog;
let clusterId = '';
let srId = '';
const session: SessionPath = { catalog: 'bench', database: 'cluster_0' };

before(async () => {
  cloud = await startCloud({ dataDir: tmp.dir, port: 0, clock });
  const env = await call(cloud.url, 'POST', '/org/v2/environments', { body: { display_name: 'bench', stream_governance_config: { package: 'ESSENTIALS' } } });
  const cluster = await call(cloud.url, 'POST', '/cmk/v2/clusters', { body: { spec: { display_name: 'cluster_0', availability: 'SINGLE_ZONE', cloud: 'AWS', region: 'eu-central-1', config: { kind: 'Basic' }, environment: { id: env.at('id') } } } });
  clusterId = cluster.at('id');
  srId = cloud.controlPlane.schemaRegistryOf(env.at('id'))?.id ?? '';
  catalog = new FlinkCatalog({ db: cloud.database, controlPlane: cloud.controlPlane, topics: cloud.topics, schemaRegistry: cloud.schemaRegistry, clock });
});
after(async () => { await cloud.close(); tmp.cleanup(); });

function create(sql: string): Outcome<CreateTableResult> {
  const parsed = parseStatement(sql);
  const stmt = parsed.value;
  assert.ok(stmt !== undefined && stmt.kind === 'CreateTable', parsed.diagnostics.map((d) => d.summary).join('\n'));
  const spec = tableSpecFromAst(stmt);
  assert.ok(spec.value !== undefined, spec.diagnostics.map((d) => d.summary).join('\n'));
  return catalog.createTable(spec.value, session);
}
function value<T>(o: Outcome<T>): T {
  assert.ok(o.value !== undefined, o.diagnostics.map((d) => d.summary).join('\n'));
  return o.value;
}
const names = (): string[] => value(catalog.showTables(session)).rows.map((r) => r[0] ?? '');

const NEXMARK = `CREATE TABLE nexmark (
  event_type INT,
  bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING, dateTime TIMESTAMP(3), extra STRING>,
  dateTime AS bid.dateTime,
  WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND
) WITH ('connector' = 'nexmark', 'events.num' = '1000', 'first-event.rate' = '10000000')`;

test('CREATE TABLE with connector nexmark creates no topic and no subjects; SHOW TABLES lists it', () => {
  const r = value(create(NEXMARK));
  assert.equal(r.created, true);
  assert.equal(r.table.options['connector'], 'nexmark');
  assert.equal(cloud.topics.hasTopic(clusterId, 'nexmark'), false);
  assert.deepEqual(cloud.schemaRegistry.listSubjects(srId).filter((s) => s.startsWith('nexmark')), []);
  assert.ok(names().includes('nexmark'));
  const t = value(catalog.resolveTable(['nexmark'], session));
  assert.deepEqual(t.columns.map((c) => `${c.kind}:${c.name}`), ['physical:event_type', 'physical:bid', 'computed:dateTime']);
  assert.deepEqual({ column: t.watermark.column, isDefault: t.watermark.isDefault }, { column: 'dateTime', isDefault: false });
  assert.equal(t.changelogMode, 'append');
});

test('SHOW CREATE TABLE and DESCRIBE of a nexmark table print the stored definition and options', () => {
  const ddl = value(catalog.showCreateTable(['nexmark'], session)).rows[0]?.[0] ?? '';
  assert.match(ddl, /^CREATE TABLE `bench`\.`cluster_0`\.`nexmark` \(/);
  assert.match(ddl, /`event_type` INT,/);
  assert.match(ddl, /`dateTime` AS /);
  assert.match(ddl, /WATERMARK FOR `dateTime` AS /);
  assert.doesNotMatch(ddl, /DISTRIBUTED BY/);
  assert.match(ddl, /WITH \(\n {2}'connector' = 'nexmark',\n {2}'events\.num' = '1000',\n {2}'first-event\.rate' = '10000000'\n\)$/);
  const d = value(catalog.describe(['nexmark'], session));
  assert.deepEqual(d.rows.map((r) => r[0]), ['event_type', 'bid', 'dateTime']);
  assert.match(d.rows[2]?.[3] ?? '', /WATERMARK AS/);
});

test('a second CREATE TABLE of the same name fails; IF NOT EXISTS returns the existing table', () => {
  assert.equal(create(NEXMARK).diagnostics[0]?.code, 'flink-table-exists');
  assert.equal(value(create(NEXMARK.replace('CREATE TABLE', 'CREATE TABLE IF NOT EXISTS'))).created, false);
});

test('a topic-backed table of the same name cannot be created next to a connector table', () => {
  const r = create("CREATE TABLE nexmark (x INT) WITH ('value.format' = 'json-registry')");
  assert.equal(r.diagnostics[0]?.code, 'flink-table-exists');
  assert.equal(cloud.topics.hasTopic(clusterId, 'nexmark'), false);
});

test('CREATE TABLE with connector blackhole; DROP TABLE removes it', () => {
  const r = value(create("CREATE TABLE sink (auction BIGINT, price DECIMAL(23, 3)) WITH ('connector' = 'blackhole')"));
  assert.equal(r.table.options['connector'], 'blackhole');
  assert.equal(cloud.topics.hasTopic(clusterId, 'sink'), false);
  assert.ok(names().includes('sink'));
  assert.deepEqual(value(catalog.describe(['sink'], session)).rows.map((row) => [row[0], row[1]]), [['auction', 'BIGINT'], ['price', 'DECIMAL(23, 3)']]);
  assert.deepEqual(value(catalog.dropTable(['sink'], session)), { dropped: true });
  assert.ok(!names().includes('sink'));
  assert.equal(catalog.resolveTable(['sink'], session).diagnostics[0]?.code, 'flink-table-not-found');
  assert.deepEqual(value(catalog.dropTable(['sink'], session, { ifExists: true })), { dropped: false });
});

test('connector tables reject DISTRIBUTED BY and bad watermark columns; other connectors stay unsupported', () => {
  assert.equal(create("CREATE TABLE d (x INT) DISTRIBUTED BY (x) INTO 2 BUCKETS WITH ('connector' = 'blackhole')").diagnostics[0]?.code, 'flink-invalid-distribution');
  assert.equal(create("CREATE TABLE w (x INT, WATERMARK FOR ts AS ts) WITH ('connector' = 'nexmark')").diagnostics[0]?.code, 'flink-invalid-watermark');
  assert.equal(create("CREATE TABLE f (x INT) WITH ('connector' = 'filesystem')").diagnostics[0]?.code, 'flink-invalid-table-option');
});

test('ALTER TABLE on a connector table sets and resets options and changes the watermark; connector and physical columns are fixed', () => {
  const set = value(catalog.alterTable(['nexmark'], session, { kind: 'set-options', options: { 'events.num': '5', 'max-emit-speed': 'false' } }));
  assert.equal(set.options['events.num'], '5');
  const reset = value(catalog.alterTable(['nexmark'], session, { kind: 'reset-options', keys: ['max-emit-speed'] }));
  assert.equal(reset.options['max-emit-speed'], undefined);
  assert.equal(value(catalog.resolveTable(['nexmark'], session)).options['events.num'], '5');
  const wm = value(catalog.alterTable(['nexmark'], session, { kind: 'modify-watermark', column: 'dateTime', expr: "`dateTime` - INTERVAL '1' SECOND" }));
  assert.equal(wm.watermark.expr, "`dateTime` - INTERVAL '1' SECOND");
  assert.equal(catalog.alterTable(['nexmark'], session, { kind: 'set-options', options: { connector: 'blackhole' } }).diagnostics[0]?.code, 'flink-immutable-table-option');
  assert.equal(catalog.alterTable(['nexmark'], session, { kind: 'drop-columns', columns: ['bid'] }).diagnostics[0]?.code, 'flink-physical-column-change');
  assert.equal(cloud.topics.hasTopic(clusterId, 'nexmark'), false);
});

test('the examples tables carry the faker connector', () => {
  const t = value(catalog.resolveTable(['examples', 'marketplace', 'orders'], session));
  assert.equal(t.options['connector'], 'faker');
  assert.equal(t.readOnly, true);
});
