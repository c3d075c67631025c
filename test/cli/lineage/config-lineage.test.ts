/**
 * `streamform lineage` from the configuration of the shoe-store pipeline: three Datagen
 * connectors, keyed tables, a three-way join, an aggregation and a statement set. Asserts the
 * graph (JSON), the text listing, Mermaid and DOT goldens, and a well-formed SVG picture.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { goldenDir } from '../../support/golden.js';
import { fixtureCopy, parseXmlTags, runLineage } from './lineage-harness.js';

const golden = goldenDir('test/cli/lineage/shoe-store');
const T = (name: string): string => `topic:shoe-env.shoe-cluster.${name}`;

interface JsonGraph {
  source: string;
  nodes: { id: string; kind: string; label: string; phase?: string; warning?: string; undeclared?: boolean; detail?: string; address?: string }[];
  edges: { from: string; to: string }[];
  warnings: string[];
}

describe('lineage from the configuration', () => {
  let fx: ReturnType<typeof fixtureCopy>;
  before(() => { fx = fixtureCopy('shoe-store'); });
  after(() => { fx.cleanup(); });

  it('finds every edge: connectors into topics, statements between topics, a statement set into its one sink', async () => {
    const r = await runLineage(fx.dir, ['--json']);
    assert.equal(r.code, 0, r.err);
    const g = JSON.parse(r.out) as JsonGraph;
    assert.equal(g.source, 'config');
    assert.deepEqual(g.edges, [
      { from: 'connector:DSoC_customers', to: T('shoe_customers') },
      { from: 'connector:DSoC_orders', to: T('shoe_orders') },
      { from: 'connector:DSoC_products', to: T('shoe_products') },
      { from: 'statement:customers-keyed', to: T('shoe_customers_keyed') },
      { from: 'statement:loyalty-levels', to: T('shoe_loyalty_levels') },
      { from: 'statement:order-customer-product', to: T('shoe_order_customer_product') },
      { from: 'statement:products-keyed', to: T('shoe_products_keyed') },
      { from: 'statement:promotions', to: T('shoe_promotions') },
      { from: T('shoe_customers'), to: 'statement:customers-keyed' },
      { from: T('shoe_customers_keyed'), to: 'statement:order-customer-product' },
      { from: T('shoe_order_customer_product'), to: 'statement:loyalty-levels' },
      { from: T('shoe_order_customer_product'), to: 'statement:promotions' },
      { from: T('shoe_orders'), to: 'statement:order-customer-product' },
      { from: T('shoe_products'), to: 'statement:products-keyed' },
      { from: T('shoe_products_keyed'), to: 'statement:order-customer-product' },
    ]);
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    assert.deepEqual(byId.get('connector:DSoC_orders'), {
      id: 'connector:DSoC_orders', kind: 'connector', label: 'DSoC_orders', catalog: 'shoe-env', database: 'shoe-cluster', detail: 'DatagenSource', address: 'confluent_connector.orders',
    });
    assert.equal(byId.get('statement:promotions')?.detail, 'STATEMENT SET');
    // CREATE TABLE declares its table (no statement node, no edge); INSERT-only targets are flagged.
    assert.equal(byId.has('statement:create_customers_keyed'), false);
    assert.equal(byId.get(T('shoe_customers_keyed'))?.undeclared, undefined);
    assert.equal(byId.get(T('shoe_promotions'))?.undeclared, true);
  });

  it('shows a statement whose SQL does not parse as a node with a warning instead of failing', async () => {
    const r = await runLineage(fx.dir, ['--json']);
    const g = JSON.parse(r.out) as JsonGraph;
    const broken = g.nodes.find((n) => n.id === 'statement:half-written');
    assert.match(broken?.warning ?? '', /^SQL does not parse: .*"SELEC"/);
    assert.equal(g.edges.some((e) => e.from === 'statement:half-written' || e.to === 'statement:half-written'), false);
    assert.deepEqual(g.warnings.map((w) => w.split(':')[0]), ['statement half-written']);
  });

  it('lists the lineage as text grouped by topic', async () => {
    const r = await runLineage(fx.dir, []);
    assert.equal(r.code, 0, r.err);
    golden.expect('lineage.txt', r.out);
    assert.match(r.out, /^shoe_orders {2}\(shoe-env\.shoe-cluster\)\n {2}← connector DSoC_orders\n {2}→ statement order-customer-product → shoe_order_customer_product$/m);
  });

  it('renders Mermaid and DOT', async () => {
    const mermaid = await runLineage(fx.dir, ['--format', 'mermaid']);
    assert.equal(mermaid.code, 0, mermaid.err);
    golden.expect('lineage.mmd', mermaid.out);
    const dot = await runLineage(fx.dir, ['--format', 'dot']);
    assert.equal(dot.code, 0, dot.err);
    golden.expect('lineage.dot', dot.out);
  });

  it('draws an SVG with one element per node and one path per edge', async () => {
    const r = await runLineage(fx.dir, ['--format', 'svg', '--out', 'lineage.svg']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /Wrote svg lineage \(17 nodes, 15 edges\) to lineage\.svg/);
    const svg = readFileSync(join(fx.dir, 'lineage.svg'), 'utf8');
    const tags = parseXmlTags(svg);
    assert.equal(tags[0]?.name, 'svg');
    const nodes = tags.filter((t) => t.name === 'g' && (t.attrs.get('class') ?? '').startsWith('node '));
    assert.deepEqual(nodes.map((t) => t.attrs.get('data-id')).sort(), [
      'connector:DSoC_customers', 'connector:DSoC_orders', 'connector:DSoC_products',
      'statement:customers-keyed', 'statement:half-written', 'statement:loyalty-levels', 'statement:order-customer-product', 'statement:products-keyed', 'statement:promotions',
      T('shoe_customers'), T('shoe_customers_keyed'), T('shoe_loyalty_levels'), T('shoe_order_customer_product'), T('shoe_orders'), T('shoe_products'), T('shoe_products_keyed'), T('shoe_promotions'),
    ]);
    assert.equal(nodes.find((t) => t.attrs.get('data-id') === 'statement:half-written')?.attrs.get('class'), 'node statement warning');
    assert.equal(tags.filter((t) => t.name === 'path' && t.attrs.get('class') === 'edge').length, 15);
  });

  it('rejects an unknown format and reports configuration errors as diagnostics', async () => {
    const bad = await runLineage(fx.dir, ['--format', 'png']);
    assert.equal(bad.code, 1);
    assert.match(bad.err, /--format must be one of text, mermaid, dot, svg/);
    writeFileSync(join(fx.dir, 'broken.tf'), 'resource "confluent_kafka_topic" "x" {\n');
    try {
      const r = await runLineage(fx.dir, []);
      assert.equal(r.code, 1);
      assert.equal(r.out, '');
      assert.match(r.err, /Error/);
    } finally {
      writeFileSync(join(fx.dir, 'broken.tf'), '');
    }
  });
});
