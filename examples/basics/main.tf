# A small pipeline's scaffolding on the built-in providers: names, ids and a rendered
# configuration file — everything streamform's engine does, without any cloud.

terraform {
  required_providers {
    random = { source = "hashicorp/random" }
    local  = { source = "hashicorp/local" }
  }
}

variable "environment" {
  type        = string
  default     = "dev"
  description = "Deployment stage; part of every name."
  validation {
    condition     = contains(["dev", "staging", "prod"], var.environment)
    error_message = "environment must be dev, staging or prod."
  }
}

variable "topics" {
  type = map(object({
    partitions = optional(number, 6)
    compacted  = optional(bool, false)
  }))
  default = {
    orders    = {}
    customers = { compacted = true, partitions = 3 }
    products  = { compacted = true }
  }
}

locals {
  prefix = "shop-${var.environment}"
  topic_names = { for name, t in var.topics : name => "${local.prefix}.${name}" }
}

resource "random_pet" "cluster" {
  length    = 2
  prefix    = local.prefix
  separator = "-"
}

resource "random_id" "topic_suffix" {
  for_each    = var.topics
  byte_length = 3
  keepers = {
    name = local.topic_names[each.key]
  }
}

resource "random_password" "api_secret" {
  length  = 32
  special = false
}

resource "terraform_data" "pipeline" {
  input = {
    cluster = random_pet.cluster.id
    topics  = { for k, v in random_id.topic_suffix : k => "${local.topic_names[k]}-${v.hex}" }
  }
}

resource "local_file" "pipeline_config" {
  filename = "${path.module}/.streamform/out/pipeline.json"
  content = jsonencode({
    cluster = random_pet.cluster.id
    topics = [for k, t in var.topics : {
      name       = terraform_data.pipeline.output.topics[k]
      partitions = t.partitions
      cleanup    = t.compacted ? "compact" : "delete"
    }]
  })
}

output "cluster_name" {
  value = random_pet.cluster.id
}

output "topic_names" {
  value = terraform_data.pipeline.output.topics
}

output "config_file" {
  value = local_file.pipeline_config.filename
}

output "api_secret" {
  value     = random_password.api_secret.result
  sensitive = true
}
