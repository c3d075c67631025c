import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStatement } from '../sql/index.js';
import type { FlinkCatalog } from '../catalog/index.js';
import type { SessionPath } from '../catalog/index.js';
import { bindStatement } from '../binder/index.js';
import { explainPlan, planStatement } from './index.js';
import type { PhysicalNode, PhysicalPlan } from './index.js';
import { FIXTURE_SESSION, openCatalogFixture, type CatalogFixture } from '../binder/catalog.fixture.js';

let fixture: CatalogFixture;
let catalog: FlinkCatalog;
const session: SessionPath = FIXTURE_SESSION;

before(async () => {
  fixture = await openCatalogFixture('streamform-planner-', [
    'CREATE TABLE orders (id INT, product STRING, price DOUBLE)',
    'CREATE TABLE cheap (id INT, product STRING)',
    'CREATE TABLE dear (id INT, product STRING)',
    'CREATE TABLE latest (id INT NOT NULL, product STRING, PRIMARY KEY (id) NOT ENFORCED)',
  ]);
  catalog = fixture.catalog;
});
after(() => fixture.close());

function plan(sql: string, properties: Record<string, string> = {}): ReturnType<typeof planStatement> {
  const parsed = parseStatement(sql);
  assert.ok(parsed.value !== undefined);
  const bound = bindStatement(parsed.value, catalog, { session });
  assert.ok(bound.value !== undefined, bound.diagnostics.map((d) => d.summary).join());
  return planStatement(bound.value, { properties });
}

function ok(sql: string, properties: Record<string, string> = {}): PhysicalPlan {
  const p = plan(sql, properties);
  assert.ok(p.value !== undefined, p.diagnostics.map((d) => d.summary).join());
  return p.value;
}

function scans(n: PhysicalNode): PhysicalNode[] {
  switch (n.kind) {
    case 'scan': return [n];
    case 'values': return [];
    case 'union': return n.inputs.flatMap(scans);
    case 'join': return [...scans(n.left), ...scans(n.right)];
    default: return scans(n.input);
  }
}

test('EXPLAIN prints the physical plan with changelog modes (projection fused into one calc)', () => {
  assert.equal(explainPlan(ok('INSERT INTO cheap SELECT id, product FROM orders WHERE price < 10')), [
    '== Physical Plan ==',
    '',
    'StreamSink [3]',
    '  +- StreamCalc [2]',
    '    +- StreamTableSourceScan [1]',
    '',
    '== Physical Details ==',
    '',
    '[1] StreamTableSourceScan',
    'Table: `dev`.`cluster_0`.`orders`',
    'Changelog mode: append [I]',
    'Startup mode: earliest-offset',
    'Bounded mode: unbounded',
    'State size: low',
    '',
    '[2] StreamCalc',
    'Changelog mode: append [I]',
    'Select: id AS id, product AS product',
    'Where: price < 10',
    'State size: low',
    '',
    '[3] StreamSink',
    'Table: `dev`.`cluster_0`.`cheap`',
    'Changelog mode: append',
    'State size: low',
    '',
  ].join('\n'));
});

test('an updating query into an append table is rejected before anything runs', () => {
  const p = plan('INSERT INTO cheap SELECT id, product FROM latest');
  assert.equal(p.value, undefined);
  assert.equal(p.diagnostics[0]?.summary,
    "Table sink 'dev.cluster_0.cheap' doesn't support consuming update and delete changes which is produced by node StreamTableSourceScan(table=[[dev, cluster_0, latest]], fields=[id, product])");
  assert.equal(ok('SELECT * FROM latest').appendOnly, false);
});

test('LIMIT over an updating input is a retract stream that follows its input (unbounded unless the input is)', () => {
  const p = ok('SELECT * FROM latest LIMIT 5');
  const limit = p.sinks[0]?.input;
  assert.equal(limit?.kind, 'limit');
  assert.deepEqual(limit?.changelog, ['I', 'UB', 'UA', 'D']);
  assert.equal(p.appendOnly, false);
  assert.equal(p.upsertColumns, undefined);
  assert.equal(p.bounded, false);
  assert.equal(ok('SELECT * FROM latest LIMIT 5', { 'sql.tables.scan.bounded.mode': 'latest-offset' }).bounded, true);
  assert.deepEqual(ok('SELECT * FROM orders LIMIT 5').sinks[0]?.input.changelog, ['I']);
});

test('a statement set shares one scan between its INSERTs', () => {
  const p = ok('EXECUTE STATEMENT SET BEGIN INSERT INTO cheap SELECT id, product FROM orders WHERE price < 10; INSERT INTO dear SELECT id, product FROM orders WHERE price >= 10; END');
  assert.equal(p.sqlKind, 'EXECUTE_STATEMENT_SET');
  const [a, b] = p.sinks.map((s) => scans(s.input)[0]);
  assert.ok(a !== undefined && a === b);
});

test('scan modes: table options < sql.tables.scan.* properties < OPTIONS hints; bounded scans make bounded plans', () => {
  const byProps = ok('SELECT * FROM orders', { 'sql.tables.scan.startup.mode': 'latest-offset', 'sql.tables.scan.bounded.mode': 'latest-offset' });
  const s1 = scans(byProps.sinks[0]?.input as PhysicalNode)[0];
  assert.deepEqual(s1?.kind === 'scan' ? [s1.startup, s1.bounded] : [], [{ kind: 'latest-offset' }, { kind: 'latest-offset' }]);
  assert.equal(byProps.bounded, true);
  const byHint = ok("SELECT * FROM orders /*+ OPTIONS('scan.startup.mode'='timestamp', 'scan.startup.timestamp-millis'='1000') */", { 'sql.tables.scan.startup.mode': 'latest-offset' });
  const s2 = scans(byHint.sinks[0]?.input as PhysicalNode)[0];
  assert.deepEqual(s2?.kind === 'scan' ? s2.startup : undefined, { kind: 'timestamp', millis: 1000 });
  assert.equal(byHint.bounded, false);
  assert.equal(ok('SELECT * FROM orders LIMIT 1').bounded, true);
  assert.match(plan('SELECT * FROM orders', { 'sql.tables.scan.bounded.mode': 'sometimes' }).diagnostics[0]?.summary ?? '', /Invalid value for option 'scan.bounded.mode': 'sometimes'/);
});
