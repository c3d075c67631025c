import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStatement } from '../sql/index.js';
import type { FlinkCatalog } from '../catalog/index.js';
import type { SessionPath } from '../catalog/index.js';
import { bindStatement } from './index.js';
import type { BoundStatement, LogicalRel } from './index.js';
import { FIXTURE_SESSION, openCatalogFixture, type CatalogFixture } from './catalog.fixture.js';

let fixture: CatalogFixture;
let catalog: FlinkCatalog;
const session: SessionPath = FIXTURE_SESSION;

before(async () => {
  fixture = await openCatalogFixture('streamform-binder-', [
    "CREATE TABLE orders (id INT NOT NULL, product STRING, part INT METADATA FROM 'partition' VIRTUAL, total AS id * 2)",
  ]);
  catalog = fixture.catalog;
});
after(() => fixture.close());

function bind(sql: string): ReturnType<typeof bindStatement> {
  const parsed = parseStatement(sql);
  assert.ok(parsed.value !== undefined, parsed.diagnostics.map((d) => d.summary).join());
  return bindStatement(parsed.value, catalog, { session });
}

function query(sql: string): LogicalRel {
  const b = bind(sql);
  assert.ok(b.value !== undefined, b.diagnostics.map((d) => d.summary).join());
  assert.equal(b.value.kind, 'select');
  return (b.value as Extract<BoundStatement, { kind: 'select' }>).query;
}

function error(sql: string): { summary: string; range?: { start: { line: number; column: number }; end?: { line: number; column: number } } } {
  const b = bind(sql);
  assert.equal(b.value, undefined);
  const d = b.diagnostics[0];
  assert.ok(d !== undefined);
  return d;
}

test('SELECT * expands declared columns except VIRTUAL metadata and $rowtime; computed columns are evaluated', () => {
  const q = query('SELECT * FROM orders');
  assert.deepEqual(q.fields.map((f) => f.name), ['id', 'product', 'total']);
  assert.deepEqual(q.fields.map((f) => f.type.kind), ['INTEGER', 'VARCHAR', 'INTEGER']);
});

test('$rowtime and VIRTUAL metadata columns are addressable by name', () => {
  const q = query('SELECT `$rowtime`, part FROM orders');
  assert.deepEqual(q.fields.map((f) => [f.name, f.type.kind, f.type.nullable]), [['$rowtime', 'TIMESTAMP_LTZ', false], ['part', 'INTEGER', true]]);
});

test('expressions get Flink names and types: literals, CAST, CASE with a common type', () => {
  const q = query("SELECT id + 1, CAST(product AS INT), CASE WHEN id > 1 THEN 1 ELSE 2.5 END AS c, 'ab' FROM orders");
  assert.deepEqual(q.fields.map((f) => f.name), ['EXPR$0', 'EXPR$1', 'c', 'EXPR$3']);
  assert.deepEqual(q.fields.map((f) => f.type), [
    { kind: 'INTEGER', nullable: false }, { kind: 'INTEGER', nullable: true },
    { kind: 'DECIMAL', precision: 11, scale: 1, nullable: false }, { kind: 'CHAR', length: 2, nullable: false },
  ]);
});

test('an unknown column names its position, end inclusive', () => {
  const d = error('SELECT id,\n  nope FROM orders');
  assert.equal(d.summary, "SQL validation failed. Error from line 2, column 3 to line 2, column 6.\n\nCaused by: Column 'nope' not found in any table");
  assert.deepEqual([d.range?.start, d.range?.end], [{ line: 2, column: 3 }, { line: 2, column: 6 }]);
});

test('qualified names: unknown table alias and unknown column of a known alias', () => {
  assert.match(error('SELECT x.id FROM orders AS o').summary, /Caused by: Table 'x' not found$/);
  assert.match(error('SELECT o.nope FROM orders AS o').summary, /Caused by: Column 'nope' not found in table 'o'$/);
});

test('unknown function and bad argument types come from the function registry', () => {
  assert.match(error('SELECT frobnicate(id) FROM orders').summary, /Caused by: Function 'frobnicate' does not exist or you do not have permission to access it\.\nUsing current catalog 'dev' and current database 'cluster_0'\.$/);
  assert.match(error('SELECT id + product FROM orders').summary, /^SQL validation failed\. Error from line 1, column 8 to line 1, column 19\.\n\nCaused by: Invalid function call:\n\+\(INT NOT NULL, STRING\)/);
});

test('unknown table keeps the catalog message', () => {
  assert.equal(error('SELECT * FROM nope').summary, "Cannot find table '`dev`.`cluster_0`.`nope`'.");
});

test('parsed but not supported yet: OVER with GROUP BY; ALL ROWS PER MATCH refused as Flink does; ORDER BY without LIMIT needs a time attribute', () => {
  const cases: [string, string][] = [
    ['SELECT product, COUNT(*) OVER (ORDER BY $rowtime) FROM orders GROUP BY product', 'OVER together with GROUP BY'],
  ];
  for (const [sql, what] of cases) assert.ok(error(sql).summary.endsWith(`Caused by: not supported yet: ${what}`), sql);
  // Flink itself refuses ALL ROWS PER MATCH.
  const allRows = 'SELECT * FROM orders MATCH_RECOGNIZE (ORDER BY $rowtime MEASURES A.id AS x ALL ROWS PER MATCH PATTERN (A) DEFINE A AS A.id > 0)';
  assert.ok(error(allRows).summary.endsWith('Caused by: All rows per match mode is not supported yet.'), allRows);
  assert.equal(error('SELECT * FROM orders ORDER BY id').summary,
    'SQL validation failed. Error from line 1, column 31 to line 1, column 32.\n\nCaused by: Sort on a non-time-attribute field is not supported.');
});

test('INSERT checks the sink schema with Flink wording', () => {
  const d = error('INSERT INTO orders SELECT product FROM orders');
  assert.equal(d.summary, "SQL validation failed. Error from line 1, column 1 to line 1, column 45.\n\nCaused by: Column types of query result and sink for 'dev.cluster_0.orders' do not match.\n"
    + 'Cause: Different number of columns.\n\nQuery schema: [product: STRING]\nSink schema:  [id: INT NOT NULL, product: STRING]');
  assert.match(error('INSERT INTO orders (product) SELECT product FROM orders').summary, /Caused by: Column 'id' has no default value and does not allow NULLs$/);
  const ok = bind('INSERT INTO orders (product, id) SELECT product, id FROM orders');
  assert.equal(ok.value?.kind, 'insert');
});

test('UNION ALL takes the common type; VALUES rows get one', () => {
  const u = query('SELECT id FROM orders UNION ALL SELECT CAST(id AS BIGINT) FROM orders');
  assert.deepEqual(u.fields.map((f) => f.type.kind), ['BIGINT']);
  const v = query("VALUES (1, 'a'), (2.5, 'bcd')");
  assert.deepEqual(v.fields.map((f) => [f.name, f.type.kind]), [['EXPR$0', 'DECIMAL'], ['EXPR$1', 'VARCHAR']]);
});
