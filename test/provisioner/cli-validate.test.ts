/**
 * `validate` evaluates with every variable, `each` and resource attribute unknown: provider checks
 * must treat unknown values as unknown, like Terraform, and never fail on them.
 */
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { cli, removeDir, workdir } from '../support/index.js';

const CONNECTORS = `
terraform {
  required_providers {
    confluent = { source = "confluentinc/confluent" }
  }
}

variable "connectors" {
  type    = map(object({ quickstart = string, type = string }))
  default = { products = { quickstart = "SHOES", type = "MANAGED" } }
}

resource "confluent_connector" "datagen" {
  for_each = var.connectors
  environment {
    id = "env-1"
  }
  kafka_cluster {
    id = "lkc-1"
  }
  config_nonsensitive = {
    "name"                     = "datagen-\${each.key}"
    "connector.class"          = "DatagenSource"
    "confluent.connector.type" = each.value.type
    "quickstart"               = each.value.quickstart
  }
}
`;

const EXPANDED = `
terraform {
  required_providers {
    confluent = { source = "confluentinc/confluent" }
  }
}

variable "clusters" {
  type    = map(string)
  default = { a = "basic" }
}

resource "confluent_kafka_cluster" "c" {
  for_each     = var.clusters
  display_name = each.key
  availability = "SINGLE_ZONE"
  cloud        = "AWS"
  region       = "us-east-2"
  dynamic "basic" {
    for_each = each.value == "basic" ? [1] : []
    content {}
  }
  dynamic "standard" {
    for_each = each.value == "standard" ? [1] : []
    content {}
  }
  environment {
    id = "env-1"
  }
}

resource "confluent_flink_statement" "s" {
  for_each       = var.clusters
  statement_name = "s-\${each.key}"
  statement      = "INSERT INTO t_\${each.key} SELECT * FROM src"
}
`;

describe('validate with unknown values', () => {
  const dir = workdir({ 'main.tf': CONNECTORS });
  after(() => removeDir(dir));

  test('a for_each confluent_connector whose name comes from each.key validates', async () => {
    const r = await cli(dir, ['validate', '-no-color']);
    assert.equal(r.code, 0, r.out + r.err);
    assert.match(r.out, /Success! The configuration is valid\./);
  });

  test('dynamic blocks whose for_each reads each.value are unknown at validate, not errors', async () => {
    const d = workdir({ 'main.tf': EXPANDED });
    try {
      const r = await cli(d, ['validate', '-no-color']);
      assert.equal(r.code, 0, r.out + r.err);
    } finally { removeDir(d); }
  });
});
