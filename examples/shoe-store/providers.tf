# Providers. Written for the official confluentinc/confluent provider: with streamform the
# local cloud answers (started on first use); against Confluent Cloud, export
# CONFLUENT_CLOUD_API_KEY / CONFLUENT_CLOUD_API_SECRET (a Cloud resource management key).

terraform {
  required_providers {
    confluent = {
      source  = "confluentinc/confluent"
      version = ">= 2.0.0"
    }
    random = {
      source = "hashicorp/random"
    }
    time = {
      source = "hashicorp/time"
    }
  }
}

provider "confluent" {}

data "confluent_organization" "main" {}
