import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStatement } from '../sql/index.js';
import type { FlinkCatalog } from '../catalog/index.js';
import type { SessionPath } from '../catalog/index.js';
import { bindStatement } from '../binder/index.js';
import type { BoundStatement } from '../binder/index.js';
import { printType } from '../types/index.js';
import { deriveSchema, explainPlan, planStatement } from './index.js';
import type { PhysicalNode, PhysicalPlan } from './index.js';
import { FIXTURE_SESSION, openCatalogFixture, type CatalogFixture } from '../binder/catalog.fixture.js';

let fixture: CatalogFixture;
let catalog: FlinkCatalog;
const session: SessionPath = FIXTURE_SESSION;

before(async () => {
  fixture = await openCatalogFixture('streamform-planner-stateful-', [
    'CREATE TABLE orders (id INT, email STRING, brand STRING, price INT, rating DOUBLE)',
    "CREATE TABLE events (id INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)",
    'CREATE TABLE latest (id INT NOT NULL, email STRING, PRIMARY KEY (id) NOT ENFORCED)',
    'CREATE TABLE levels (email STRING NOT NULL, total BIGINT, PRIMARY KEY (email) NOT ENFORCED)',
    'CREATE TABLE log (email STRING, total BIGINT)',
  ]);
  catalog = fixture.catalog;
});
after(() => fixture.close());

function bind(sql: string): ReturnType<typeof bindStatement> {
  const parsed = parseStatement(sql);
  assert.ok(parsed.value !== undefined, parsed.diagnostics.map((d) => d.summary).join());
  return bindStatement(parsed.value, catalog, { session });
}

function plan(sql: string, properties: Record<string, string> = {}): ReturnType<typeof planStatement> {
  const b = bind(sql);
  assert.ok(b.value !== undefined, b.diagnostics.map((d) => d.summary).join());
  return planStatement(b.value, { properties });
}

function ok(sql: string, properties: Record<string, string> = {}): PhysicalPlan {
  const p = plan(sql, properties);
  assert.ok(p.value !== undefined, p.diagnostics.map((d) => d.summary).join());
  return p.value;
}

function bindError(sql: string): string {
  const b = bind(sql);
  assert.equal(b.value, undefined, sql);
  return b.diagnostics[0]?.summary ?? '';
}

/** The first node of a kind below the plan's first sink. */
function find(p: PhysicalPlan, kind: PhysicalNode['kind']): PhysicalNode {
  const walk = (n: PhysicalNode): PhysicalNode | undefined => {
    if (n.kind === kind) return n;
    if (n.kind === 'scan' || n.kind === 'values') return undefined;
    if (n.kind === 'union') return n.inputs.map(walk).find((x) => x !== undefined);
    if (n.kind === 'join') return walk(n.left) ?? walk(n.right);
    return walk(n.input);
  };
  const s = p.sinks[0];
  assert.ok(s !== undefined);
  const hit = walk(s.input);
  assert.ok(hit !== undefined, `no ${kind} node`);
  return hit;
}

test('GROUP BY: Flink result types, an updating result keyed by the group keys', () => {
  const p = ok('SELECT brand, COUNT(*) AS n, COUNT(DISTINCT id) AS d, SUM(price) AS s, AVG(rating) AS r, MAX(price) / 100 AS m FROM orders GROUP BY brand');
  assert.deepEqual(p.schema.map((f) => `${f.name} ${printType(f.type)}`), ['brand STRING', 'n BIGINT NOT NULL', 'd BIGINT NOT NULL', 's INT', 'r DOUBLE', 'm INT']);
  assert.deepEqual(find(p, 'group-aggregate').changelog, ['I', 'UB', 'UA']);
  assert.equal(p.appendOnly, false);
  assert.deepEqual(p.upsertColumns, [0]);
  const having = ok('SELECT email FROM orders GROUP BY email HAVING COUNT(*) % 10 = 0');
  assert.deepEqual(find(having, 'group-aggregate').changelog, ['I', 'UB', 'UA', 'D']);
});

test('aggregation errors use Flink wording', () => {
  assert.match(bindError('SELECT brand, email FROM orders GROUP BY brand'), /Caused by: Expression 'email' is not being grouped$/);
  assert.match(bindError('SELECT SUM(COUNT(*)) FROM orders'), /Caused by: Aggregate expressions cannot be nested$/);
  assert.match(bindError('SELECT SUM(email) FROM orders'), /Cannot apply 'SUM' to arguments of type 'SUM\(<STRING>\)'/);
  assert.match(bindError('SELECT id FROM orders WHERE COUNT(*) > 1'), /Caused by: Aggregate expression is illegal in WHERE clause$/);
});

test('an updating query into an append table fails; into an upsert table it plans', () => {
  const p = plan('INSERT INTO log SELECT email, SUM(price) FROM orders GROUP BY email');
  assert.equal(p.value, undefined);
  assert.equal(p.diagnostics[0]?.summary,
    "Table sink 'dev.cluster_0.log' doesn't support consuming update changes which is produced by node GroupAggregate(groupBy=[email], select=[email, SUM(price)])");
  const u = ok('INSERT INTO levels SELECT email, SUM(price) FROM orders WHERE email IS NOT NULL GROUP BY email');
  assert.equal(u.appendOnly, false);
});

test('CTAS derives an upsert key from the group keys; without one the table is retract', () => {
  const b = bind('CREATE TABLE t AS SELECT brand, COUNT(*) AS n FROM orders GROUP BY brand');
  const q = (b.value as Extract<BoundStatement, { kind: 'create-table-as' }>).query;
  assert.deepEqual(deriveSchema(q).value?.primaryKey, ['brand']);
  assert.equal(deriveSchema(q).value?.changelogMode, 'upsert');
  const g = bind('CREATE TABLE t AS SELECT COUNT(*) AS n FROM orders');
  assert.equal(deriveSchema((g.value as Extract<BoundStatement, { kind: 'create-table-as' }>).query).value?.primaryKey, undefined);
});

test('window TVF aggregation is append-only with window columns; the time column must be a rowtime', () => {
  const p = ok("SELECT window_start, window_end, COUNT(DISTINCT id) AS n FROM TABLE(HOP(TABLE events, DESCRIPTOR(ts), INTERVAL '5' MINUTES, INTERVAL '10' MINUTES)) GROUP BY window_start, window_end");
  const w = find(p, 'window-aggregate');
  assert.deepEqual(w.changelog, ['I']);
  assert.ok(w.kind === 'window-aggregate' && w.window.kind === 'hop' && w.window.slide === 300_000 && w.window.size === 600_000);
  assert.deepEqual(p.schema.map((f) => printType(f.type)), ['TIMESTAMP(3) NOT NULL', 'TIMESTAMP(3) NOT NULL', 'BIGINT NOT NULL']);
  const scan = find(p, 'scan');
  assert.ok(scan.kind === 'scan' && scan.watermark?.strategy.kind === 'bounded' && scan.watermark.strategy.delayMs === 5000);
  assert.match(bindError("SELECT COUNT(*) FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR(id), INTERVAL '1' MINUTE)) GROUP BY window_start, window_end"),
    /The window function requires the timecol is a time attribute type, but is INT\.$/);
});

test('ROW_NUMBER = 1 on a rowtime is deduplication; other rank filters are Top-N keyed by partition + rank', () => {
  const first = ok('SELECT id, email FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY $rowtime) AS rn FROM orders) WHERE rn = 1');
  const d = find(first, 'deduplicate');
  assert.ok(d.kind === 'deduplicate' && d.keep === 'first' && !d.outputRank);
  const last = find(ok('SELECT * FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY $rowtime DESC) AS rn FROM orders) WHERE rn = 1'), 'deduplicate');
  assert.ok(last.kind === 'deduplicate' && last.keep === 'last' && last.outputRank);
  const top = ok('SELECT brand, rn, id FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY brand ORDER BY price DESC) AS rn FROM orders) WHERE rn <= 3 AND id > 0');
  const r = find(top, 'rank');
  assert.ok(r.kind === 'rank' && r.rankEnd === 3 && r.outputRank);
  assert.deepEqual(r.changelog, ['I', 'UB', 'UA', 'D']);
  assert.deepEqual(top.upsertColumns, [0, 1]);
  const unfiltered = plan('SELECT id, ROW_NUMBER() OVER (PARTITION BY brand ORDER BY price) AS rn FROM orders');
  assert.match(unfiltered.diagnostics[0]?.summary ?? '', /without a filter on the rank/);
});

test('OVER aggregates need a rowtime order and an insert-only input', () => {
  const p = ok("SELECT id, COUNT(*) OVER (PARTITION BY id ORDER BY ts RANGE BETWEEN INTERVAL '1' HOUR PRECEDING AND CURRENT ROW) AS c FROM events");
  const o = find(p, 'over');
  assert.ok(o.kind === 'over' && o.frame.kind === 'range' && o.frame.preceding === 3_600_000);
  assert.equal(p.appendOnly, true);
  assert.match(bindError('SELECT COUNT(*) OVER (ORDER BY id) FROM orders'), /OVER windows' ordering in stream mode must be defined on a time attribute\.$/);
  const upd = plan('SELECT id, COUNT(*) OVER (ORDER BY $rowtime ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM latest');
  assert.match(upd.diagnostics[0]?.summary ?? '', /OverAggregate doesn't support consuming update and delete changes/);
});

test('state TTL comes from the STATE_TTL hint, else sql.state-ttl', () => {
  const prop = find(ok('SELECT email, COUNT(*) FROM orders GROUP BY email', { 'sql.state-ttl': '1 h' }), 'group-aggregate');
  assert.ok(prop.kind === 'group-aggregate' && prop.stateTtlMs === 3_600_000);
  const hint = find(ok("SELECT /*+ STATE_TTL('orders' = '2d') */ email, COUNT(*) FROM orders GROUP BY email", { 'sql.state-ttl': '1 h' }), 'group-aggregate');
  assert.ok(hint.kind === 'group-aggregate' && hint.stateTtlMs === 172_800_000);
});

test('GROUPING SETS / ROLLUP and SELECT DISTINCT plan as group aggregates', () => {
  const r = find(ok('SELECT brand, email, COUNT(*) FROM orders GROUP BY ROLLUP (brand, email)'), 'group-aggregate');
  assert.ok(r.kind === 'group-aggregate' && r.groupingSets?.length === 3);
  assert.deepEqual(r.groupingSets?.map((g) => g.groupingId), [0, 2, 3]);
  const d = ok('SELECT DISTINCT brand FROM orders');
  assert.equal(find(d, 'group-aggregate').kind, 'group-aggregate');
});

test('EXPLAIN shows the aggregate node, its changelog mode and upsert key', () => {
  const text = explainPlan(ok('INSERT INTO levels SELECT email, SUM(price) FROM orders WHERE email IS NOT NULL GROUP BY email'));
  assert.match(text, /\+- StreamGroupAggregate \[\d\]/);
  assert.match(text, /\[\d\] StreamGroupAggregate\nChangelog mode: retract \[I,UB,UA\]\nUpsert key: email\nOperator: GroupAggregate\(groupBy=\[email\], select=\[email, SUM\(price\)\]\)/);
});
