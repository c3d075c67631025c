/**
 * `streamform lineage --source config` with count and for_each: topics, statements and connectors
 * are drawn once per instance when the instance keys resolve from configuration (variables'
 * defaults, locals, literals), with each.key / each.value / count.index and references to other
 * instances (`confluent_kafka_topic.t["orders"].topic_name`) resolved.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLineage } from './lineage-harness.js';

const MAIN_TF = `
variable "topics" {
  type    = map(number)
  default = { orders = 6, customers = 3 }
}
locals {
  stmts = {
    enrich = "INSERT INTO orders_enriched SELECT * FROM shoe_orders"
    keyed  = "INSERT INTO customers_keyed SELECT * FROM shoe_customers"
  }
}
resource "confluent_environment" "e" {
  display_name = "env"
}
resource "confluent_kafka_cluster" "c" {
  display_name = "cl"
  environment {
    id = confluent_environment.e.id
  }
}
resource "confluent_kafka_topic" "t" {
  for_each = var.topics
  kafka_cluster {
    id = confluent_kafka_cluster.c.id
  }
  topic_name       = "shoe_\${each.key}"
  partitions_count = each.value
}
resource "confluent_kafka_topic" "n" {
  count      = 2
  topic_name = "part_\${count.index}"
}
resource "confluent_flink_statement" "s" {
  for_each       = local.stmts
  statement_name = "stmt-\${each.key}"
  statement      = each.value
}
resource "confluent_flink_statement" "ref" {
  statement_name = "ref"
  statement      = "INSERT INTO out_orders SELECT * FROM \${confluent_kafka_topic.t["orders"].topic_name}"
}
resource "confluent_connector" "dg" {
  for_each = { orders = "SHOE_ORDERS" }
  config_nonsensitive = {
    "connector.class" = "DatagenSource"
    "name"            = "dg_\${each.key}"
    "kafka.topic"     = confluent_kafka_topic.t[each.key].topic_name
  }
}

resource "confluent_kafka_topic" "unresolvable" {
  for_each   = toset(confluent_environment.e.some_list)
  topic_name = each.key
}
`;

interface JsonGraph {
  nodes: { id: string; kind: string; label: string; address?: string; undeclared?: boolean }[];
  edges: { from: string; to: string }[];
  warnings: string[];
}

describe('lineage facts of count and for_each resources', () => {
  let dir: string;
  let g: JsonGraph;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'streamform-lineage-expand-'));
    writeFileSync(join(dir, 'main.tf'), MAIN_TF);
    const r = await runLineage(dir, ['--source', 'config', '--json']);
    assert.equal(r.code, 0, r.err);
    g = JSON.parse(r.out) as JsonGraph;
  });
  after(() => { rmSync(dir, { recursive: true, force: true }); });

  it('draws one topic per for_each key and count index, with instance addresses', () => {
    const topics = g.nodes.filter((n) => n.kind === 'topic' && n.address !== undefined).map((n) => [n.label, n.address]);
    assert.deepEqual(topics.filter(([l]) => !String(l).startsWith('\${')), [
      ['part_0', 'confluent_kafka_topic.n[0]'],
      ['part_1', 'confluent_kafka_topic.n[1]'],
      ['shoe_customers', 'confluent_kafka_topic.t["customers"]'],
      ['shoe_orders', 'confluent_kafka_topic.t["orders"]'],
    ]);
  });

  it('draws one statement per for_each key, with each.value as its SQL', () => {
    const byId = new Map(g.nodes.map((n) => [n.id, n]));
    assert.equal(byId.get('statement:stmt-enrich')?.address, 'confluent_flink_statement.s["enrich"]');
    assert.equal(byId.get('statement:stmt-keyed')?.address, 'confluent_flink_statement.s["keyed"]');
    const edges = g.edges.map((e) => `${e.from} -> ${e.to}`);
    assert.ok(edges.includes('topic:env.cl.shoe_orders -> statement:stmt-enrich'), edges.join('\n'));
    assert.ok(edges.includes('statement:stmt-enrich -> topic:env.cl.orders_enriched'), edges.join('\n'));
    assert.ok(edges.includes('topic:env.cl.shoe_customers -> statement:stmt-keyed'), edges.join('\n'));
  });

  it('resolves references to other instances, also through each.key', () => {
    const edges = g.edges.map((e) => `${e.from} -> ${e.to}`);
    assert.ok(edges.includes('topic:env.cl.shoe_orders -> statement:ref'), edges.join('\n'));
    assert.ok(edges.includes('connector:dg_orders -> topic:env.cl.shoe_orders'), edges.join('\n'));
  });

  it('draws a resource whose for_each does not resolve once, with a warning', () => {
    assert.ok(g.warnings.some((w) => w.includes('confluent_kafka_topic.unresolvable')), g.warnings.join('\n'));
    assert.equal(g.nodes.filter((n) => n.address?.startsWith('confluent_kafka_topic.unresolvable')).length, 1);
  });
});
