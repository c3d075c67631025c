# The workshop's cloud: an environment with Stream Governance (which brings Schema Registry),
# a Basic Kafka cluster, a 10-CFU Flink compute pool, service accounts, role bindings and keys.

resource "confluent_environment" "cc_handson_env" {
  display_name = local.env_name

  stream_governance {
    package = "ESSENTIALS"
  }
}

# The environment's Schema Registry exists once the first cluster is there.
data "confluent_schema_registry_cluster" "cc_handson_sr" {
  environment {
    id = confluent_environment.cc_handson_env.id
  }
  depends_on = [confluent_kafka_cluster.cc_kafka_cluster]
}

resource "confluent_kafka_cluster" "cc_kafka_cluster" {
  display_name = local.cluster_name
  availability = "SINGLE_ZONE"
  cloud        = var.cloud
  region       = var.region
  basic {}

  environment {
    id = confluent_environment.cc_handson_env.id
  }
}

resource "confluent_flink_compute_pool" "cc_flink_compute_pool" {
  display_name = "${var.prefix}standard_compute_pool"
  cloud        = var.cloud
  region       = var.region
  max_cfu      = 10

  environment {
    id = confluent_environment.cc_handson_env.id
  }
  depends_on = [confluent_kafka_cluster.cc_kafka_cluster]
}

data "confluent_flink_region" "main" {
  cloud  = var.cloud
  region = var.region
}

# ---------------------------------------------------------------------------------------------
# Service accounts
# ---------------------------------------------------------------------------------------------

resource "confluent_service_account" "app_manager" {
  display_name = "app-manager-${random_id.id.hex}"
  description  = local.description
}

resource "confluent_service_account" "sr" {
  display_name = "sr-${random_id.id.hex}"
  description  = local.description
}

resource "confluent_service_account" "clients" {
  display_name = "client-${random_id.id.hex}"
  description  = local.description
}

# ---------------------------------------------------------------------------------------------
# Role bindings
# ---------------------------------------------------------------------------------------------

resource "confluent_role_binding" "app_manager_env_admin" {
  principal   = "User:${confluent_service_account.app_manager.id}"
  role_name   = "EnvironmentAdmin"
  crn_pattern = confluent_environment.cc_handson_env.resource_name
}

resource "confluent_role_binding" "app_manager_flink_developer" {
  principal   = "User:${confluent_service_account.app_manager.id}"
  role_name   = "FlinkDeveloper"
  crn_pattern = confluent_environment.cc_handson_env.resource_name
}

resource "confluent_role_binding" "app_manager_flink_admin" {
  principal   = "User:${confluent_service_account.app_manager.id}"
  role_name   = "FlinkAdmin"
  crn_pattern = confluent_environment.cc_handson_env.resource_name
}

# Lets app-manager submit statements that run as app-manager.
resource "confluent_role_binding" "app_manager_assigner" {
  principal   = "User:${confluent_service_account.app_manager.id}"
  role_name   = "Assigner"
  crn_pattern = "${data.confluent_organization.main.resource_name}/service-account=${confluent_service_account.app_manager.id}"
}

resource "confluent_role_binding" "sr_env_admin" {
  principal   = "User:${confluent_service_account.sr.id}"
  role_name   = "EnvironmentAdmin"
  crn_pattern = confluent_environment.cc_handson_env.resource_name
}

resource "confluent_role_binding" "clients_cluster_admin" {
  principal   = "User:${confluent_service_account.clients.id}"
  role_name   = "CloudClusterAdmin"
  crn_pattern = confluent_kafka_cluster.cc_kafka_cluster.rbac_crn
}

# ---------------------------------------------------------------------------------------------
# API keys
# ---------------------------------------------------------------------------------------------

# Kafka key of app-manager: creates the topics and the connectors' ACLs.
resource "confluent_api_key" "app_manager_kafka_cluster_key" {
  display_name = "app-manager-${random_id.id.hex}-kafka"
  description  = local.description

  owner {
    id          = confluent_service_account.app_manager.id
    api_version = confluent_service_account.app_manager.api_version
    kind        = confluent_service_account.app_manager.kind
  }

  managed_resource {
    id          = confluent_kafka_cluster.cc_kafka_cluster.id
    api_version = confluent_kafka_cluster.cc_kafka_cluster.api_version
    kind        = confluent_kafka_cluster.cc_kafka_cluster.kind

    environment {
      id = confluent_environment.cc_handson_env.id
    }
  }

  depends_on = [confluent_role_binding.app_manager_env_admin]
}

# Schema Registry key of the sr account.
resource "confluent_api_key" "sr_cluster_key" {
  display_name = "sr-${random_id.id.hex}-schema-registry"
  description  = local.description

  owner {
    id          = confluent_service_account.sr.id
    api_version = confluent_service_account.sr.api_version
    kind        = confluent_service_account.sr.kind
  }

  managed_resource {
    id          = data.confluent_schema_registry_cluster.cc_handson_sr.id
    api_version = data.confluent_schema_registry_cluster.cc_handson_sr.api_version
    kind        = data.confluent_schema_registry_cluster.cc_handson_sr.kind

    environment {
      id = confluent_environment.cc_handson_env.id
    }
  }

  depends_on = [confluent_role_binding.sr_env_admin]
}

# Kafka key for client applications (e.g. a notifier reading shoe_promotions).
resource "confluent_api_key" "clients_kafka_cluster_key" {
  display_name = "client-${random_id.id.hex}-kafka"
  description  = local.description

  owner {
    id          = confluent_service_account.clients.id
    api_version = confluent_service_account.clients.api_version
    kind        = confluent_service_account.clients.kind
  }

  managed_resource {
    id          = confluent_kafka_cluster.cc_kafka_cluster.id
    api_version = confluent_kafka_cluster.cc_kafka_cluster.api_version
    kind        = confluent_kafka_cluster.cc_kafka_cluster.kind

    environment {
      id = confluent_environment.cc_handson_env.id
    }
  }

  depends_on = [confluent_role_binding.clients_cluster_admin]
}

# Flink key of app-manager, scoped to the Flink region and the environment: used by every
# confluent_flink_statement in lab1.tf and lab2.tf.
resource "confluent_api_key" "app_manager_flink_key" {
  display_name = "app-manager-${random_id.id.hex}-flink"
  description  = local.description

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
      id = confluent_environment.cc_handson_env.id
    }
  }

  depends_on = [
    confluent_role_binding.app_manager_flink_developer,
    confluent_role_binding.app_manager_flink_admin,
    confluent_role_binding.app_manager_assigner,
  ]
}
