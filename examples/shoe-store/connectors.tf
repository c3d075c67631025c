# Topics, the connectors' service account with its Kafka ACLs, and the three Datagen
# "Sample Data" connectors that feed the workshop (quickstarts SHOES, SHOE_CUSTOMERS, SHOE_ORDERS).

resource "confluent_service_account" "connectors" {
  display_name = "connectors-${random_id.id.hex}"
  description  = local.description
}

# ---------------------------------------------------------------------------------------------
# Topics (one partition each, like the workshop)
# ---------------------------------------------------------------------------------------------

resource "confluent_kafka_topic" "shoe_products" {
  kafka_cluster {
    id = confluent_kafka_cluster.cc_kafka_cluster.id
  }
  topic_name       = "shoe_products"
  partitions_count = 1
  rest_endpoint    = confluent_kafka_cluster.cc_kafka_cluster.rest_endpoint

  credentials {
    key    = confluent_api_key.app_manager_kafka_cluster_key.id
    secret = confluent_api_key.app_manager_kafka_cluster_key.secret
  }
}

resource "confluent_kafka_topic" "shoe_customers" {
  kafka_cluster {
    id = confluent_kafka_cluster.cc_kafka_cluster.id
  }
  topic_name       = "shoe_customers"
  partitions_count = 1
  rest_endpoint    = confluent_kafka_cluster.cc_kafka_cluster.rest_endpoint

  credentials {
    key    = confluent_api_key.app_manager_kafka_cluster_key.id
    secret = confluent_api_key.app_manager_kafka_cluster_key.secret
  }
}

resource "confluent_kafka_topic" "shoe_orders" {
  kafka_cluster {
    id = confluent_kafka_cluster.cc_kafka_cluster.id
  }
  topic_name       = "shoe_orders"
  partitions_count = 1
  rest_endpoint    = confluent_kafka_cluster.cc_kafka_cluster.rest_endpoint

  credentials {
    key    = confluent_api_key.app_manager_kafka_cluster_key.id
    secret = confluent_api_key.app_manager_kafka_cluster_key.secret
  }
}

# ---------------------------------------------------------------------------------------------
# ACLs of the connectors' service account
# ---------------------------------------------------------------------------------------------

resource "confluent_kafka_acl" "connectors_describe_cluster" {
  kafka_cluster {
    id = confluent_kafka_cluster.cc_kafka_cluster.id
  }
  resource_type = "CLUSTER"
  resource_name = "kafka-cluster"
  pattern_type  = "LITERAL"
  principal     = "User:${confluent_service_account.connectors.id}"
  host          = "*"
  operation     = "DESCRIBE"
  permission    = "ALLOW"
  rest_endpoint = confluent_kafka_cluster.cc_kafka_cluster.rest_endpoint

  credentials {
    key    = confluent_api_key.app_manager_kafka_cluster_key.id
    secret = confluent_api_key.app_manager_kafka_cluster_key.secret
  }
}

# CREATE, WRITE and READ on the workshop topics ("shoe_") and on dead-letter queues ("dlq-").
resource "confluent_kafka_acl" "connectors_topics" {
  for_each = {
    for pair in setproduct(["shoe_", "dlq-"], ["CREATE", "WRITE", "READ"]) :
    "${pair[0]}${lower(pair[1])}" => { prefix = pair[0], operation = pair[1] }
  }

  kafka_cluster {
    id = confluent_kafka_cluster.cc_kafka_cluster.id
  }
  resource_type = "TOPIC"
  resource_name = each.value.prefix
  pattern_type  = "PREFIXED"
  principal     = "User:${confluent_service_account.connectors.id}"
  host          = "*"
  operation     = each.value.operation
  permission    = "ALLOW"
  rest_endpoint = confluent_kafka_cluster.cc_kafka_cluster.rest_endpoint

  credentials {
    key    = confluent_api_key.app_manager_kafka_cluster_key.id
    secret = confluent_api_key.app_manager_kafka_cluster_key.secret
  }
}

resource "confluent_kafka_acl" "connectors_consumer_groups" {
  kafka_cluster {
    id = confluent_kafka_cluster.cc_kafka_cluster.id
  }
  resource_type = "GROUP"
  resource_name = "connect"
  pattern_type  = "PREFIXED"
  principal     = "User:${confluent_service_account.connectors.id}"
  host          = "*"
  operation     = "READ"
  permission    = "ALLOW"
  rest_endpoint = confluent_kafka_cluster.cc_kafka_cluster.rest_endpoint

  credentials {
    key    = confluent_api_key.app_manager_kafka_cluster_key.id
    secret = confluent_api_key.app_manager_kafka_cluster_key.secret
  }
}

# ---------------------------------------------------------------------------------------------
# Datagen source connectors (AVRO values in Schema Registry, one task each)
# ---------------------------------------------------------------------------------------------

resource "confluent_connector" "datagen_products" {
  environment {
    id = confluent_environment.cc_handson_env.id
  }
  kafka_cluster {
    id = confluent_kafka_cluster.cc_kafka_cluster.id
  }

  config_sensitive = {}

  config_nonsensitive = {
    "connector.class"          = "DatagenSource"
    "name"                     = "DSoC_products"
    "kafka.auth.mode"          = "SERVICE_ACCOUNT"
    "kafka.service.account.id" = confluent_service_account.connectors.id
    "kafka.topic"              = confluent_kafka_topic.shoe_products.topic_name
    "output.data.format"       = "AVRO"
    "quickstart"               = "SHOES"
    "max.interval"             = tostring(var.datagen_max_interval_ms)
    "tasks.max"                = "1"
  }

  depends_on = [
    confluent_kafka_acl.connectors_describe_cluster,
    confluent_kafka_acl.connectors_topics,
    confluent_kafka_acl.connectors_consumer_groups,
  ]
}

resource "confluent_connector" "datagen_customers" {
  environment {
    id = confluent_environment.cc_handson_env.id
  }
  kafka_cluster {
    id = confluent_kafka_cluster.cc_kafka_cluster.id
  }

  config_sensitive = {}

  config_nonsensitive = {
    "connector.class"          = "DatagenSource"
    "name"                     = "DSoC_customers"
    "kafka.auth.mode"          = "SERVICE_ACCOUNT"
    "kafka.service.account.id" = confluent_service_account.connectors.id
    "kafka.topic"              = confluent_kafka_topic.shoe_customers.topic_name
    "output.data.format"       = "AVRO"
    "quickstart"               = "SHOE_CUSTOMERS"
    "max.interval"             = tostring(var.datagen_max_interval_ms)
    "tasks.max"                = "1"
  }

  depends_on = [
    confluent_kafka_acl.connectors_describe_cluster,
    confluent_kafka_acl.connectors_topics,
    confluent_kafka_acl.connectors_consumer_groups,
  ]
}

resource "confluent_connector" "datagen_orders" {
  environment {
    id = confluent_environment.cc_handson_env.id
  }
  kafka_cluster {
    id = confluent_kafka_cluster.cc_kafka_cluster.id
  }

  config_sensitive = {}

  config_nonsensitive = {
    "connector.class"          = "DatagenSource"
    "name"                     = "DSoC_orders"
    "kafka.auth.mode"          = "SERVICE_ACCOUNT"
    "kafka.service.account.id" = confluent_service_account.connectors.id
    "kafka.topic"              = confluent_kafka_topic.shoe_orders.topic_name
    "output.data.format"       = "AVRO"
    "quickstart"               = "SHOE_ORDERS"
    "max.interval"             = tostring(var.datagen_max_interval_ms)
    "tasks.max"                = "1"
  }

  depends_on = [
    confluent_kafka_acl.connectors_describe_cluster,
    confluent_kafka_acl.connectors_topics,
    confluent_kafka_acl.connectors_consumer_groups,
  ]
}

# A Datagen connector registers its value schema with its first record, and Flink infers the
# lab tables from those schemas: give the connectors a moment before the first statement.
resource "time_sleep" "first_records" {
  create_duration = "3s"

  depends_on = [
    confluent_connector.datagen_products,
    confluent_connector.datagen_customers,
    confluent_connector.datagen_orders,
  ]
}
