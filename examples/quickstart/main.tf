# The Flink quickstart: a Standard cluster, a compute pool, a topic with an Avro value schema, and
# a statement that copies the built-in examples.marketplace.orders stream into the topic.
# Written for the official confluentinc/confluent provider (streamform runs it on its local cloud).

terraform {
  required_providers {
    confluent = {
      source  = "confluentinc/confluent"
      version = ">= 2.0.0"
    }
  }
}

provider "confluent" {}

variable "cloud" {
  type    = string
  default = "AWS"
}

variable "region" {
  type    = string
  default = "us-east-2"
}

data "confluent_organization" "main" {}

resource "confluent_environment" "quickstart" {
  display_name = "flink-quickstart"

  stream_governance {
    package = "ESSENTIALS"
  }
}

resource "confluent_kafka_cluster" "standard" {
  display_name = "quickstart"
  availability = "SINGLE_ZONE"
  cloud        = var.cloud
  region       = var.region
  standard {}

  environment {
    id = confluent_environment.quickstart.id
  }
}

data "confluent_schema_registry_cluster" "main" {
  environment {
    id = confluent_environment.quickstart.id
  }
  depends_on = [confluent_kafka_cluster.standard]
}

data "confluent_flink_region" "main" {
  cloud  = var.cloud
  region = var.region
}

# ---------------------------------------------------------------------------------------------
# Who does what: infrastructure-manager creates topics and schemas, statements-runner is the
# principal the statement runs as, app-manager submits statements with its Flink key.
# ---------------------------------------------------------------------------------------------

resource "confluent_service_account" "infrastructure_manager" {
  display_name = "infrastructure-manager"
  description  = "Creates the quickstart's topics and schemas"
}

resource "confluent_service_account" "statements_runner" {
  display_name = "statements-runner"
  description  = "Principal of the quickstart's Flink statements"
}

resource "confluent_service_account" "app_manager" {
  display_name = "app-manager"
  description  = "Submits the quickstart's Flink statements"
}

resource "confluent_role_binding" "infrastructure_manager_env_admin" {
  principal   = "User:${confluent_service_account.infrastructure_manager.id}"
  role_name   = "EnvironmentAdmin"
  crn_pattern = confluent_environment.quickstart.resource_name
}

resource "confluent_role_binding" "statements_runner_env_admin" {
  principal   = "User:${confluent_service_account.statements_runner.id}"
  role_name   = "EnvironmentAdmin"
  crn_pattern = confluent_environment.quickstart.resource_name
}

resource "confluent_role_binding" "app_manager_flink_developer" {
  principal   = "User:${confluent_service_account.app_manager.id}"
  role_name   = "FlinkDeveloper"
  crn_pattern = confluent_environment.quickstart.resource_name
}

# Flink writes to Kafka transactionally under ids starting with _confluent-flink_.
resource "confluent_role_binding" "app_manager_transactions_read" {
  principal   = "User:${confluent_service_account.app_manager.id}"
  role_name   = "DeveloperRead"
  crn_pattern = "${confluent_kafka_cluster.standard.rbac_crn}/kafka=${confluent_kafka_cluster.standard.id}/transactional-id=_confluent-flink_*"
}

resource "confluent_role_binding" "app_manager_transactions_write" {
  principal   = "User:${confluent_service_account.app_manager.id}"
  role_name   = "DeveloperWrite"
  crn_pattern = "${confluent_kafka_cluster.standard.rbac_crn}/kafka=${confluent_kafka_cluster.standard.id}/transactional-id=_confluent-flink_*"
}

# app-manager may submit statements that run as statements-runner.
resource "confluent_role_binding" "app_manager_assigner" {
  principal   = "User:${confluent_service_account.app_manager.id}"
  role_name   = "Assigner"
  crn_pattern = "${data.confluent_organization.main.resource_name}/service-account=${confluent_service_account.statements_runner.id}"
}

resource "confluent_api_key" "infrastructure_manager_kafka" {
  display_name = "infrastructure-manager-kafka"
  owner {
    id          = confluent_service_account.infrastructure_manager.id
    api_version = confluent_service_account.infrastructure_manager.api_version
    kind        = confluent_service_account.infrastructure_manager.kind
  }
  managed_resource {
    id          = confluent_kafka_cluster.standard.id
    api_version = confluent_kafka_cluster.standard.api_version
    kind        = confluent_kafka_cluster.standard.kind
    environment {
      id = confluent_environment.quickstart.id
    }
  }
  depends_on = [confluent_role_binding.infrastructure_manager_env_admin]
}

resource "confluent_api_key" "infrastructure_manager_schema_registry" {
  display_name = "infrastructure-manager-schema-registry"
  owner {
    id          = confluent_service_account.infrastructure_manager.id
    api_version = confluent_service_account.infrastructure_manager.api_version
    kind        = confluent_service_account.infrastructure_manager.kind
  }
  managed_resource {
    id          = data.confluent_schema_registry_cluster.main.id
    api_version = data.confluent_schema_registry_cluster.main.api_version
    kind        = data.confluent_schema_registry_cluster.main.kind
    environment {
      id = confluent_environment.quickstart.id
    }
  }
  depends_on = [confluent_role_binding.infrastructure_manager_env_admin]
}

resource "confluent_api_key" "app_manager_flink" {
  display_name = "app-manager-flink"
  owner {
    id          = confluent_service_account.app_manager.id
    api_version = confluent_service_account.app_manager.api_version
    kind        = confluent_service_account.app_manager.kind
  }
  managed_resource {
    id          = data.confluent_flink_region.main.id
    api_version = data.confluent_flink_region.main.api_version
    kind        = data.confluent_flink_region.main.kind
    environment {
      id = confluent_environment.quickstart.id
    }
  }
  depends_on = [
    confluent_role_binding.app_manager_flink_developer,
    confluent_role_binding.app_manager_transactions_read,
    confluent_role_binding.app_manager_transactions_write,
    confluent_role_binding.app_manager_assigner,
  ]
}

resource "confluent_flink_compute_pool" "main" {
  display_name = "quickstart-pool"
  cloud        = var.cloud
  region       = var.region
  max_cfu      = 10
  environment {
    id = confluent_environment.quickstart.id
  }
  depends_on = [
    confluent_role_binding.statements_runner_env_admin,
    confluent_api_key.app_manager_flink,
  ]
}

# ---------------------------------------------------------------------------------------------
# The topic, its value schema, and the statement that fills it
# ---------------------------------------------------------------------------------------------

resource "confluent_kafka_topic" "orders_source" {
  kafka_cluster {
    id = confluent_kafka_cluster.standard.id
  }
  topic_name    = "orders_source"
  rest_endpoint = confluent_kafka_cluster.standard.rest_endpoint
  credentials {
    key    = confluent_api_key.infrastructure_manager_kafka.id
    secret = confluent_api_key.infrastructure_manager_kafka.secret
  }
}

resource "confluent_schema" "orders_source_value" {
  schema_registry_cluster {
    id = data.confluent_schema_registry_cluster.main.id
  }
  rest_endpoint = data.confluent_schema_registry_cluster.main.rest_endpoint
  subject_name  = "${confluent_kafka_topic.orders_source.topic_name}-value"
  format        = "AVRO"
  schema        = file("${path.module}/schemas/orders_source.avsc")
  credentials {
    key    = confluent_api_key.infrastructure_manager_schema_registry.id
    secret = confluent_api_key.infrastructure_manager_schema_registry.secret
  }
}

resource "confluent_flink_statement" "copy_orders" {
  organization {
    id = data.confluent_organization.main.id
  }
  environment {
    id = confluent_environment.quickstart.id
  }
  compute_pool {
    id = confluent_flink_compute_pool.main.id
  }
  principal {
    id = confluent_service_account.statements_runner.id
  }
  rest_endpoint  = data.confluent_flink_region.main.rest_endpoint
  statement_name = "copy-marketplace-orders"
  statement      = <<-SQL
    INSERT INTO orders_source (order_id, customer_id, product_id, price)
    SELECT order_id, customer_id, product_id, price
    FROM examples.marketplace.orders;
  SQL
  properties = {
    "sql.current-catalog"  = confluent_environment.quickstart.display_name
    "sql.current-database" = confluent_kafka_cluster.standard.display_name
  }
  credentials {
    key    = confluent_api_key.app_manager_flink.id
    secret = confluent_api_key.app_manager_flink.secret
  }
  depends_on = [confluent_schema.orders_source_value]
}

output "environment_id" {
  value = confluent_environment.quickstart.id
}

output "kafka_cluster_id" {
  value = confluent_kafka_cluster.standard.id
}

output "statement_name" {
  value = confluent_flink_statement.copy_orders.statement_name
}

output "statement_phase" {
  value = confluent_flink_statement.copy_orders.status_phase
}
