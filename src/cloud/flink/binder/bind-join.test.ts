import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStatement } from '../sql/index.js';
import type { FlinkCatalog } from '../catalog/index.js';
import type { SessionPath } from '../catalog/index.js';
import { isRowtimeAttribute } from '../types/index.js';
import { bindStatement } from './index.js';
import type { BoundStatement, LogicalRel } from './index.js';
import { FIXTURE_SESSION, openCatalogFixture, type CatalogFixture } from './catalog.fixture.js';

type JoinRel = Extract<LogicalRel, { kind: 'join' }>;

let fixture: CatalogFixture;
let catalog: FlinkCatalog;
const session: SessionPath = FIXTURE_SESSION;

before(async () => {
  fixture = await openCatalogFixture('streamform-bind-join-', [
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

/** The first join under the SELECT's projection. */
function joinOf(sql: string): JoinRel {
  const b = bound(sql);
  assert.ok(b.value !== undefined, b.diagnostics.map((d) => d.summary).join());
  let r: LogicalRel = (b.value as Extract<BoundStatement, { kind: 'select' }>).query;
  while (r.kind === 'calc') r = r.input;
  assert.equal(r.kind, 'join');
  return r as JoinRel;
}

function errorOf(sql: string): string {
  const b = bound(sql);
  assert.equal(b.value, undefined);
  return b.diagnostics[0]?.summary ?? '';
}

test('ON splits into equi-key pairs (left over the left row, right over the right row) and a residual', () => {
  const j = joinOf('SELECT * FROM o JOIN c ON o.cid = c.id AND o.amount > 10');
  assert.equal(j.strategy.kind, 'regular');
  assert.deepEqual(j.leftKeys.map((k) => (k.kind === 'input' ? k.index : -1)), [1]);
  assert.deepEqual(j.rightKeys.map((k) => (k.kind === 'input' ? k.index : -1)), [0]);
  assert.equal(j.residual.length, 1);
});

test('keys of different types are cast to their common type on both sides', () => {
  const j = joinOf('SELECT * FROM o JOIN p ON o.amount = p.id');
  assert.equal(j.leftKeys[0]?.type.kind, 'BIGINT');
  assert.equal(j.rightKeys[0]?.type.kind, 'BIGINT');
});

test('a regular join drops time attributes; outer sides become nullable', () => {
  const j = joinOf('SELECT * FROM o LEFT JOIN c ON o.cid = c.id');
  assert.ok(j.fields.every((f) => !isRowtimeAttribute(f.type)));
  const width = j.left.fields.length;
  assert.ok(j.fields.slice(width).every((f) => f.type.nullable));
});

test('comma joins take their keys from WHERE, pushed into the lowest join that sees both sides', () => {
  const b = bound('SELECT o.id FROM o, c, p WHERE o.cid = c.id AND p.id = o.id AND p.brand = \'x\'');
  assert.ok(b.value !== undefined, b.diagnostics.map((d) => d.summary).join());
  const top = (b.value as Extract<BoundStatement, { kind: 'select' }>).query;
  assert.ok(top.kind === 'calc' && top.filter === undefined);
  const outer = top.input as JoinRel;
  assert.equal(outer.kind, 'join');
  assert.equal(outer.leftKeys.length, 1);
  const inner = outer.left as JoinRel;
  assert.equal(inner.kind, 'join');
  assert.equal(inner.leftKeys.length, 1);
});

test('bounds between the two rowtimes make an interval join that keeps time attributes', () => {
  const j = joinOf("SELECT * FROM o JOIN p ON o.id = p.id AND o.$rowtime BETWEEN p.$rowtime - INTERVAL '10' MINUTE AND p.$rowtime + INTERVAL '5' SECOND");
  assert.deepEqual(j.strategy.kind === 'interval' ? [j.strategy.lower, j.strategy.upper] : [], [-600_000, 5_000]);
  assert.equal(j.residual.length, 0);
  assert.ok(j.fields.some((f) => isRowtimeAttribute(f.type)));
});

test('strict bounds move by one millisecond; one bound alone stays a regular join', () => {
  const j = joinOf('SELECT * FROM o JOIN p ON o.id = p.id AND o.$rowtime > p.$rowtime AND o.$rowtime < p.$rowtime + INTERVAL \'1\' SECOND');
  assert.deepEqual(j.strategy.kind === 'interval' ? [j.strategy.lower, j.strategy.upper] : [], [1, 999]);
  assert.equal(joinOf('SELECT * FROM o JOIN p ON o.id = p.id AND o.$rowtime > p.$rowtime').strategy.kind, 'regular');
});

test('FOR SYSTEM_TIME AS OF the probe rowtime over a table with a primary key is a temporal join', () => {
  const j = joinOf('SELECT * FROM o JOIN c FOR SYSTEM_TIME AS OF o.$rowtime ON o.cid = c.id');
  assert.equal(j.strategy.kind, 'temporal');
  const width = j.left.fields.length;
  assert.ok(j.fields.slice(0, width).some((f) => isRowtimeAttribute(f.type)), 'the probe keeps its rowtime');
  assert.ok(j.fields.slice(width).every((f) => !isRowtimeAttribute(f.type)));
});

test('a temporal join needs a versioned table (primary key), worded as Flink', () => {
  assert.match(errorOf('SELECT * FROM o JOIN p FOR SYSTEM_TIME AS OF o.$rowtime ON o.id = p.id'), /Temporal Table Join requires primary key in versioned table/);
});

test('window TVFs joined on window_start and window_end are a window join', () => {
  const tvf = (t: string): string => `TABLE(TUMBLE(TABLE ${t}, DESCRIPTOR($rowtime), INTERVAL '1' MINUTE))`;
  const j = joinOf(`SELECT * FROM ${tvf('o')} a JOIN ${tvf('p')} b ON a.id = b.id AND a.window_start = b.window_start AND a.window_end = b.window_end`);
  assert.equal(j.strategy.kind, 'window');
  assert.equal(j.leftKeys.length, 1, 'window bounds are not join keys');
});

test('USING: the column resolves unqualified and appears once in *', () => {
  const b = bound('SELECT * FROM o JOIN p USING (id)');
  assert.ok(b.value !== undefined, b.diagnostics.map((d) => d.summary).join());
  const q = (b.value as Extract<BoundStatement, { kind: 'select' }>).query;
  assert.deepEqual(q.fields.map((f) => f.name), ['id', 'cid', 'amount', 'brand']);
});

test('STATE_TTL hint: retention per input by alias; an unknown name is refused as Flink words it', () => {
  const j = joinOf("SELECT /*+ STATE_TTL('x' = '6h', 'c' = '2d') */ * FROM o AS x JOIN c ON x.cid = c.id");
  assert.deepEqual(j.stateTtl, { left: 6 * 3_600_000, right: 2 * 86_400_000 });
  assert.deepEqual(joinOf("SELECT /*+ STATE_TTL('o' = '1h') */ * FROM o AS x JOIN c ON x.cid = c.id").stateTtl, { left: 3_600_000 }, 'the table name works too');
  assert.match(errorOf("SELECT /*+ STATE_TTL('nope' = '1h') */ * FROM o JOIN c ON o.cid = c.id"), /cannot match the name of input tables or views: \n`nope` in `STATE_TTL`/);
});
