/**
 * Reading lineage facts out of HCL before apply: variables' defaults, locals, other resources'
 * attributes and file() resolve; what only apply can know becomes a readable placeholder.
 */
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLineage } from './lineage-harness.js';

const MAIN_TF = `
variable "env_name" {
  type    = string
  default = "prod"
}
variable "stage" {
  type = string
}
locals {
  database = "core-\${var.env_name}"
}
resource "confluent_environment" "prod" {
  display_name = var.env_name
}
resource "confluent_environment" "other" {
  display_name = "other"
}
resource "confluent_kafka_cluster" "core" {
  display_name = local.database
  environment {
    id = confluent_environment.prod.id
  }
}
resource "confluent_kafka_topic" "events" {
  kafka_cluster {
    id = confluent_kafka_cluster.core.id
  }
  topic_name = "events_\${var.env_name}"
}
resource "confluent_flink_statement" "from_file" {
  statement  = file("\${path.module}/job.sql")
  properties = {
    "sql.current-catalog"  = confluent_environment.prod.display_name
    "sql.current-database" = confluent_kafka_cluster.core.display_name
  }
}
resource "confluent_flink_statement" "unknowable" {
  statement_name = "by-id"
  statement      = "INSERT INTO audit SELECT * FROM \${confluent_kafka_topic.events.id} WHERE stage = '\${var.stage}'"
  properties = {
    "sql.current-catalog"  = confluent_environment.prod.display_name
    "sql.current-database" = confluent_kafka_cluster.core.display_name
  }
}
resource "confluent_flink_statement" "nowhere" {
  statement = "INSERT INTO sink SELECT * FROM source"
}
resource "confluent_connector" "s3" {
  environment {
    id = confluent_environment.prod.id
  }
  kafka_cluster {
    id = confluent_kafka_cluster.core.id
  }
  config_sensitive = {}
  config_nonsensitive = {
    "connector.class" = "S3_SINK"
    "name"            = "archive"
    "topics"          = "events_prod, audit"
  }
}
`;

describe('lineage facts from HCL', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'streamform-lineage-hcl-'));
    writeFileSync(join(dir, 'main.tf'), MAIN_TF);
    writeFileSync(join(dir, 'job.sql'), 'INSERT INTO events_summary SELECT COUNT(*) FROM events_prod');
  });
  after(() => { rmSync(dir, { recursive: true, force: true }); });

  it('resolves variables, locals, referenced display names and file(); unknowns read as placeholders', async () => {
    const r = await runLineage(dir, ['--json']);
    assert.equal(r.code, 0, r.err);
    const g = JSON.parse(r.out) as { edges: { from: string; to: string }[] };
    assert.deepEqual(g.edges, [
      { from: 'statement:by-id', to: 'topic:prod.core-prod.audit' },
      { from: 'statement:from_file', to: 'topic:prod.core-prod.events_summary' },
      // Two environments and no properties: the catalog is unknown; the only cluster is the database.
      { from: 'statement:nowhere', to: 'topic:<default>.core-prod.sink' },
      { from: 'topic:<default>.core-prod.source', to: 'statement:nowhere' },
      { from: 'topic:prod.core-prod.${confluent_kafka_topic.events.id}', to: 'statement:by-id' },
      { from: 'topic:prod.core-prod.audit', to: 'connector:archive' },
      { from: 'topic:prod.core-prod.events_prod', to: 'connector:archive' },
      { from: 'topic:prod.core-prod.events_prod', to: 'statement:from_file' },
    ]);
  });
});
