import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseStatement } from '../sql/index.js';
import type { FlinkCatalog } from '../catalog/index.js';
import { bindStatement } from '../binder/index.js';
import { explainPlan, planStatement } from './index.js';
import type { PhysicalNode, PhysicalPlan } from './index.js';
import { FIXTURE_SESSION, openCatalogFixture, type CatalogFixture } from '../binder/catalog.fixture.js';

let fixture: CatalogFixture;
let catalog: FlinkCatalog;

before(async () => {
  fixture = await openCatalogFixture('streamform-planner-prune-', [
    'CREATE TABLE auctions (id BIGINT, item STRING, description STRING, category BIGINT, extra STRING)',
    'CREATE TABLE bids (auction BIGINT, price BIGINT, url STRING, extra STRING)',
    'CREATE TABLE latest (id BIGINT NOT NULL, name STRING, note STRING, PRIMARY KEY (id) NOT ENFORCED)',
    'CREATE TABLE out_cat (category BIGINT NOT NULL, top_price BIGINT, PRIMARY KEY (category) NOT ENFORCED)',
    'CREATE TABLE out_pairs (category BIGINT, price BIGINT)',
  ]);
  catalog = fixture.catalog;
});
after(() => fixture.close());

function ok(sql: string): PhysicalPlan {
  const parsed = parseStatement(sql);
  assert.ok(parsed.value !== undefined, parsed.diagnostics.map((d) => d.summary).join());
  const b = bindStatement(parsed.value, catalog, { session: FIXTURE_SESSION });
  assert.ok(b.value !== undefined, b.diagnostics.map((d) => d.summary).join());
  const p = planStatement(b.value);
  assert.ok(p.value !== undefined, p.diagnostics.map((d) => d.summary).join());
  return p.value;
}

function find(n: PhysicalNode, kind: PhysicalNode['kind']): PhysicalNode | undefined {
  if (n.kind === kind) return n;
  const inputs = n.kind === 'join' ? [n.left, n.right] : n.kind === 'union' ? n.inputs : 'input' in n ? [n.input] : [];
  for (const i of inputs) { const hit = find(i, kind); if (hit !== undefined) return hit; }
  return undefined;
}

test('a join below an aggregate holds only the columns the aggregate and the join condition read', () => {
  const plan = ok(`INSERT INTO out_cat SELECT category, MAX(price) FROM
    (SELECT id, category FROM auctions WHERE category > 0) AS a JOIN (SELECT auction, price, url FROM bids) AS b ON a.id = b.auction
    GROUP BY category`);
  const sink = plan.sinks[0];
  assert.ok(sink !== undefined);
  const join = find(sink.input, 'join');
  assert.ok(join?.kind === 'join');
  assert.deepEqual(join.left.fields.map((f) => f.name), ['id', 'category']);
  assert.deepEqual(join.right.fields.map((f) => f.name), ['auction', 'price']);
  const text = explainPlan(plan);
  assert.match(text, /Select: auction AS auction, price AS price\n/);
  assert.match(text, /where=\[id = auction\], select=\[id, category, auction, price\]/);
});

test('a query reading every column keeps them, and updating inputs are not narrowed', () => {
  const all = ok('INSERT INTO out_pairs SELECT a.category, b.price FROM auctions AS a JOIN bids AS b ON a.id = b.auction');
  const join = find(all.sinks[0]?.input as PhysicalNode, 'join');
  assert.ok(join?.kind === 'join');
  // Bare scans are not narrowed (no Calc is added), so the join keeps whole rows here.
  assert.deepEqual(join.left.fields.filter((f) => !f.name.startsWith('$')).map((f) => f.name), ['id', 'item', 'description', 'category', 'extra']);
  const upd = ok('SELECT a.category, l.id FROM auctions AS a JOIN (SELECT id, name FROM latest) AS l ON a.id = l.id');
  const j2 = find(upd.sinks[0]?.input as PhysicalNode, 'join');
  assert.ok(j2?.kind === 'join');
  assert.deepEqual(j2.right.fields.map((f) => f.name), ['id', 'name'], 'the updating side keeps its columns');
  assert.equal(j2.right.upsertKey?.[0], 0);
});
