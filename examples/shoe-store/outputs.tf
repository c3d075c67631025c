# Identifiers and endpoints of the workshop, plus the keys a client needs.

output "environment_id" {
  value = confluent_environment.cc_handson_env.id
}

output "environment_name" {
  description = "The Flink catalog of the workshop tables."
  value       = confluent_environment.cc_handson_env.display_name
}

output "kafka_cluster_id" {
  value = confluent_kafka_cluster.cc_kafka_cluster.id
}

output "kafka_cluster_name" {
  description = "The Flink database of the workshop tables (use it as --database)."
  value       = confluent_kafka_cluster.cc_kafka_cluster.display_name
}

output "kafka_bootstrap_endpoint" {
  value = confluent_kafka_cluster.cc_kafka_cluster.bootstrap_endpoint
}

output "schema_registry_id" {
  value = data.confluent_schema_registry_cluster.cc_handson_sr.id
}

output "schema_registry_endpoint" {
  value = data.confluent_schema_registry_cluster.cc_handson_sr.rest_endpoint
}

output "compute_pool_id" {
  value = confluent_flink_compute_pool.cc_flink_compute_pool.id
}

output "connector_ids" {
  value = {
    products  = confluent_connector.datagen_products.id
    customers = confluent_connector.datagen_customers.id
    orders    = confluent_connector.datagen_orders.id
  }
}

output "sr_key" {
  value = confluent_api_key.sr_cluster_key.id
}

output "sr_secret" {
  value     = confluent_api_key.sr_cluster_key.secret
  sensitive = true
}

output "app_manager_kafka_key" {
  value = confluent_api_key.app_manager_kafka_cluster_key.id
}

output "app_manager_kafka_secret" {
  value     = confluent_api_key.app_manager_kafka_cluster_key.secret
  sensitive = true
}

output "client_key" {
  value = confluent_api_key.clients_kafka_cluster_key.id
}

output "client_secret" {
  value     = confluent_api_key.clients_kafka_cluster_key.secret
  sensitive = true
}
