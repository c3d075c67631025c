import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStatement } from '../sql/index.js';
import type { FlinkCatalog } from '../catalog/index.js';
import type { SessionPath } from '../catalog/index.js';
import { bindStatement } from './index.js';
import type { BoundStatement, LogicalRel } from './index.js';
import { FIXTURE_SESSION, openCatalogFixture, type CatalogFixture } from './catalog.fixture.js';

type MatchRel = Extract<LogicalRel, { kind: 'match-recognize' }>;

let fixture: CatalogFixture;
let catalog: FlinkCatalog;
const session: SessionPath = FIXTURE_SESSION;

before(async () => {
  fixture = await openCatalogFixture('streamform-bind-match-', [
    'CREATE TABLE o (id INT, cid STRING, amount BIGINT)',
    'CREATE TABLE c (id STRING, name STRING, PRIMARY KEY (id) NOT ENFORCED)',
    'CREATE TABLE p (id INT, brand STRING)',
  ]);
  catalog = fixture.catalog;
});
after(() => fixture.close());

function bound(sql: string): ReturnType<typeof bindStatement> {
  const parsed = parseStatement(sql);
  assert.ok(parsed.value !== undefined, parsed.diagnostics.map((d) => d.summary).join());
  return bindStatement(parsed.value, catalog, { session });
}

/** The MATCH_RECOGNIZE under the SELECT's projection. */
function matchOf(sql: string): MatchRel {
  const b = bound(sql);
  assert.ok(b.value !== undefined, b.diagnostics.map((d) => d.summary).join());
  let r: LogicalRel = (b.value as Extract<BoundStatement, { kind: 'select' }>).query;
  while (r.kind === 'calc') r = r.input;
  assert.equal(r.kind, 'match-recognize');
  return r as MatchRel;
}

function errorOf(sql: string): string {
  const b = bound(sql);
  assert.equal(b.value, undefined);
  return b.diagnostics[0]?.summary ?? '';
}

const V = 'PARTITION BY cid ORDER BY $rowtime';

test('references become slots: A.x is LAST(A.x); an unqualified column in DEFINE is the current row', () => {
  const m = matchOf(`SELECT * FROM o MATCH_RECOGNIZE (${V} MEASURES A.amount AS a PATTERN (A B) DEFINE B AS amount > A.amount)`);
  assert.deepEqual(m.define['B']?.slots, [{ kind: 'column', nav: 'current', offset: 0, column: 2 }, { kind: 'column', nav: 'last', variable: 'A', offset: 0, column: 2 }]);
  assert.deepEqual(m.measures[0]?.slots, [{ kind: 'column', nav: 'last', variable: 'A', offset: 0, column: 2 }]);
});

test('PREV / FIRST offsets, aggregates and MATCH_NUMBER are slots; output is partition keys then measures', () => {
  const m = matchOf(`SELECT * FROM o MATCH_RECOGNIZE (${V} MEASURES FIRST(A.id, 1) AS f, COUNT(A.*) AS n, MATCH_NUMBER() AS k PATTERN (A+) DEFINE A AS A.amount > PREV(A.amount, 2))`);
  assert.equal(m.maxPrevOffset, 2);
  assert.deepEqual(m.fields.map((f) => f.name), ['cid', 'f', 'n', 'k']);
  assert.deepEqual(m.measures.map((x) => x.slots[0]?.kind), ['column', 'aggregate', 'match-number']);
  assert.deepEqual(m.pattern, { kind: 'quantified', node: { kind: 'var', name: 'A' }, min: 1, max: null, reluctant: false });
});

test('ORDER BY must start with the rowtime; PREV only in DEFINE; ALL ROWS PER MATCH refused as Flink does', () => {
  assert.match(errorOf(`SELECT * FROM o MATCH_RECOGNIZE (PARTITION BY cid ORDER BY id MEASURES A.id AS i PATTERN (A) DEFINE A AS TRUE)`), /You must specify either rowtime or proctime/);
  assert.match(errorOf(`SELECT * FROM o MATCH_RECOGNIZE (${V} MEASURES PREV(A.id) AS i PATTERN (A) DEFINE A AS TRUE)`), /PREV is only allowed in DEFINE/);
  assert.match(errorOf(`SELECT * FROM o MATCH_RECOGNIZE (${V} MEASURES A.id AS i ALL ROWS PER MATCH PATTERN (A) DEFINE A AS TRUE)`), /All rows per match mode is not supported yet\./);
});
