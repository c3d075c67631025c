import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStatement } from '../sql/index.js';
import { bindStatement } from '../binder/index.js';
import { FIXTURE_SESSION, openCatalogFixture, type CatalogFixture } from '../binder/catalog.fixture.js';
import { CUT_OVER, START_EARLIEST, START_OFFSETS, planStatement, statefulReasons } from './index.js';
import type { PhysicalNode, PhysicalPlan } from './index.js';

let fixture: CatalogFixture;

before(async () => {
  fixture = await openCatalogFixture('streamform-planner-statefulness-', [
    'CREATE TABLE orders (id INT, brand STRING, price INT, tags ARRAY<STRING>)',
    "CREATE TABLE events (id INT, ts TIMESTAMP(3), WATERMARK FOR ts AS ts - INTERVAL '5' SECOND)",
    'CREATE TABLE sink (id INT, brand STRING)',
    'CREATE TABLE totals (brand STRING NOT NULL, n BIGINT, PRIMARY KEY (brand) NOT ENFORCED)',
  ]);
});
after(() => fixture.close());

function plan(sql: string, properties: Record<string, string> = {}): PhysicalPlan {
  const parsed = parseStatement(sql);
  assert.ok(parsed.value !== undefined, parsed.diagnostics.map((d) => d.summary).join());
  const b = bindStatement(parsed.value, fixture.catalog, { session: FIXTURE_SESSION });
  assert.ok(b.value !== undefined, b.diagnostics.map((d) => d.summary).join());
  const p = planStatement(b.value, { properties });
  assert.ok(p.value !== undefined, p.diagnostics.map((d) => d.summary).join());
  return p.value;
}

test('filters, projections, UNNEST and UNION ALL into an append table are stateless', () => {
  for (const sql of [
    'INSERT INTO sink SELECT id, UPPER(brand) FROM orders WHERE price > 10',
    'INSERT INTO sink SELECT id, t FROM orders CROSS JOIN UNNEST(tags) AS x(t)',
    'INSERT INTO sink SELECT id, brand FROM orders UNION ALL SELECT id, brand FROM orders WHERE price > 5',
  ]) assert.deepEqual(statefulReasons(plan(sql)), [], sql);
});

test('aggregates, windows, joins, OVER, Top-N, dedup and upsert sinks are stateful, with the reasons named', () => {
  const cases: [string, string][] = [
    ['INSERT INTO totals SELECT brand, COUNT(*) FROM orders GROUP BY brand', 'an upsert sink (totals)'],
    ['SELECT brand, COUNT(*) FROM orders GROUP BY brand', 'an aggregation (GROUP BY or a global aggregate)'],
    ['SELECT window_start, COUNT(*) FROM TABLE(TUMBLE(TABLE events, DESCRIPTOR(ts), INTERVAL \'1\' MINUTE)) GROUP BY window_start, window_end', 'a window aggregation'],
    ['INSERT INTO sink SELECT a.id, a.brand FROM orders a JOIN orders b ON a.id = b.id', 'a join'],
    ["SELECT id, COUNT(*) OVER (PARTITION BY id ORDER BY ts RANGE BETWEEN INTERVAL '1' MINUTE PRECEDING AND CURRENT ROW) FROM events", 'an OVER aggregation (including LAG/LEAD)'],
    ['SELECT id, brand FROM (SELECT *, ROW_NUMBER() OVER (PARTITION BY id ORDER BY $rowtime) AS rn FROM orders) WHERE rn = 1', 'a deduplication'],
    ['SELECT * FROM (SELECT id, brand, ROW_NUMBER() OVER (PARTITION BY brand ORDER BY price DESC) AS rn FROM orders) WHERE rn <= 3', 'a Top-N'],
  ];
  for (const [sql, reason] of cases) assert.ok(statefulReasons(plan(sql)).includes(reason), `${sql}: ${statefulReasons(plan(sql)).join('; ')}`);
});

test('carried offsets replace the table startup mode, OPTIONS hints win, cut-over offsets reach the scan', () => {
  const scan = (p: PhysicalPlan): Extract<PhysicalNode, { kind: 'scan' }> => {
    let n: PhysicalNode = p.sinks[0]!.input;
    while (n.kind !== 'scan') n = (n as { input: PhysicalNode }).input;
    return n;
  };
  const carried = { [`${START_OFFSETS}.orders`]: 'partition:0,offset:7', 'sql.tables.scan.startup.mode': 'latest-offset' };
  assert.deepEqual(scan(plan('INSERT INTO sink SELECT id, brand FROM orders', carried)).startup, { kind: 'specific-offsets', offsets: [{ partition: 0, offset: 7 }] });
  const hinted = scan(plan("INSERT INTO sink SELECT id, brand FROM orders /*+ OPTIONS('scan.startup.mode'='latest-offset') */", carried));
  assert.deepEqual(hinted.startup, { kind: 'latest-offset' });
  const cut = scan(plan('INSERT INTO sink SELECT id, brand FROM orders', { [START_EARLIEST]: 'true', [`${CUT_OVER}.orders`]: 'partition:0,offset:3;partition:1,offset:4' }));
  assert.deepEqual(cut.startup, { kind: 'earliest-offset' });
  assert.deepEqual(cut.cutOver, [{ partition: 0, offset: 3 }, { partition: 1, offset: 4 }]);
});
