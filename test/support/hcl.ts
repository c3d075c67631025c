/**
 * The opening every integration test's main.tf shares: the `confluent` provider requirement, the
 * provider block, (usually) the organization data source, environment `env` and a Basic Kafka
 * cluster in AWS us-east-2. Tests append their own resources; goldens count lines, so the text is
 * fixed for given options.
 */

/** What varies between the tests' openings. */
export interface HclOpening {
  /** The environment's display name. */
  readonly environment: string;
  /** The cluster's display name. */
  readonly cluster: string;
  /** The cluster's resource name (default `k`). */
  readonly clusterResource?: string;
  /** Pin the provider version (default true). */
  readonly version?: boolean;
  /** Declare `data "confluent_organization" "this"` (default true). */
  readonly organization?: boolean;
}

/** See the file header; ends with the cluster's closing brace and a newline. */
export function hclOpening(o: HclOpening): string {
  return `terraform {
  required_providers {
    confluent = { source = "confluentinc/confluent"${o.version === false ? '' : ', version = "2.83.0"'} }
  }
}
provider "confluent" {}
${o.organization === false ? '' : '\ndata "confluent_organization" "this" {}\n'}
resource "confluent_environment" "env" {
  display_name = "${o.environment}"
  stream_governance { package = "ESSENTIALS" }
}

resource "confluent_kafka_cluster" "${o.clusterResource ?? 'k'}" {
  display_name = "${o.cluster}"
  availability = "SINGLE_ZONE"
  cloud        = "AWS"
  region       = "us-east-2"
  basic {}
  environment { id = confluent_environment.env.id }
}
`;
}
