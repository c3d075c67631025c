# Providers and the cloud the benchmark runs in: an environment, a Kafka cluster (its database
# holds the tables), a compute pool, and a service account with a Flink key that runs the queries.

terraform {
  required_providers {
    confluent = {
      source  = "confluentinc/confluent"
      version = ">= 2.0.0"
    }
  }
}

provider "confluent" {}

variable "events" {
  type        = number
  default     = 100000
  description = "Events the Nexmark source generates before it ends (0 = never ends)."
}

variable "events_per_second" {
  type        = number
  default     = 1000
  description = "Events per second: the source spaces event timestamps by this rate and emits them in step with the clock."
}

data "confluent_organization" "main" {}

resource "confluent_environment" "bench" {
  display_name = "nexmark"
}

resource "confluent_kafka_cluster" "bench" {
  display_name = "bench"
  availability = "SINGLE_ZONE"
  cloud        = "AWS"
  region       = "us-east-2"
  basic {}

  environment {
    id = confluent_environment.bench.id
  }
}

resource "confluent_flink_compute_pool" "bench" {
  display_name = "nexmark-pool"
  cloud        = "AWS"
  region       = "us-east-2"
  max_cfu      = 20

  environment {
    id = confluent_environment.bench.id
  }
}

data "confluent_flink_region" "main" {
  cloud  = "AWS"
  region = "us-east-2"
}

resource "confluent_service_account" "runner" {
  display_name = "nexmark-runner"
  description  = "Runs the Nexmark queries"
}

resource "confluent_role_binding" "runner_flink_developer" {
  principal   = "User:${confluent_service_account.runner.id}"
  role_name   = "FlinkDeveloper"
  crn_pattern = confluent_environment.bench.resource_name
}

resource "confluent_role_binding" "runner_env_admin" {
  principal   = "User:${confluent_service_account.runner.id}"
  role_name   = "EnvironmentAdmin"
  crn_pattern = confluent_environment.bench.resource_name
}

resource "confluent_api_key" "runner_flink" {
  display_name = "nexmark-runner-flink"

  owner {
    id          = confluent_service_account.runner.id
    api_version = confluent_service_account.runner.api_version
    kind        = confluent_service_account.runner.kind
  }

  managed_resource {
    id          = data.confluent_flink_region.main.id
    api_version = data.confluent_flink_region.main.api_version
    kind        = data.confluent_flink_region.main.kind

    environment {
      id = confluent_environment.bench.id
    }
  }

  depends_on = [
    confluent_role_binding.runner_flink_developer,
    confluent_role_binding.runner_env_admin,
  ]
}
