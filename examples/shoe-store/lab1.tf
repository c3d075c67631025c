# Lab 1 as code: the two primary-keyed (upsert) tables and the statements that fill them.
# Each statement runs as app-manager with its Flink key; the catalog is the environment and the
# database is the Kafka cluster, so the Datagen topics are tables without any DDL.

resource "confluent_flink_statement" "create_shoe_customers_keyed" {
  organization {
    id = data.confluent_organization.main.id
  }
  environment {
    id = confluent_environment.cc_handson_env.id
  }
  compute_pool {
    id = confluent_flink_compute_pool.cc_flink_compute_pool.id
  }
  principal {
    id = confluent_service_account.app_manager.id
  }
  rest_endpoint  = data.confluent_flink_region.main.rest_endpoint
  statement_name = "create-shoe-customers-keyed"
  statement      = <<-SQL
    CREATE TABLE shoe_customers_keyed (
      customer_id STRING,
      first_name  STRING,
      last_name   STRING,
      email       STRING,
      PRIMARY KEY (customer_id) NOT ENFORCED
    ) DISTRIBUTED INTO 1 BUCKETS;
  SQL
  properties = {
    "sql.current-catalog"  = confluent_environment.cc_handson_env.display_name
    "sql.current-database" = confluent_kafka_cluster.cc_kafka_cluster.display_name
  }

  credentials {
    key    = confluent_api_key.app_manager_flink_key.id
    secret = confluent_api_key.app_manager_flink_key.secret
  }

  depends_on = [
    data.confluent_schema_registry_cluster.cc_handson_sr,
    time_sleep.first_records,
  ]
}

resource "confluent_flink_statement" "create_shoe_products_keyed" {
  organization {
    id = data.confluent_organization.main.id
  }
  environment {
    id = confluent_environment.cc_handson_env.id
  }
  compute_pool {
    id = confluent_flink_compute_pool.cc_flink_compute_pool.id
  }
  principal {
    id = confluent_service_account.app_manager.id
  }
  rest_endpoint  = data.confluent_flink_region.main.rest_endpoint
  statement_name = "create-shoe-products-keyed"
  statement      = <<-SQL
    CREATE TABLE shoe_products_keyed (
      product_id STRING,
      brand      STRING,
      `model`    STRING,
      sale_price INT,
      rating     DOUBLE,
      PRIMARY KEY (product_id) NOT ENFORCED
    ) DISTRIBUTED INTO 1 BUCKETS;
  SQL
  properties = {
    "sql.current-catalog"  = confluent_environment.cc_handson_env.display_name
    "sql.current-database" = confluent_kafka_cluster.cc_kafka_cluster.display_name
  }

  credentials {
    key    = confluent_api_key.app_manager_flink_key.id
    secret = confluent_api_key.app_manager_flink_key.secret
  }

  depends_on = [
    data.confluent_schema_registry_cluster.cc_handson_sr,
    time_sleep.first_records,
  ]
}

# Upsert by customer id: the keyed table ends up with one row per customer.
resource "confluent_flink_statement" "insert_shoe_customers_keyed" {
  organization {
    id = data.confluent_organization.main.id
  }
  environment {
    id = confluent_environment.cc_handson_env.id
  }
  compute_pool {
    id = confluent_flink_compute_pool.cc_flink_compute_pool.id
  }
  principal {
    id = confluent_service_account.app_manager.id
  }
  rest_endpoint  = data.confluent_flink_region.main.rest_endpoint
  statement_name = "insert-shoe-customers-keyed"
  statement      = <<-SQL
    INSERT INTO shoe_customers_keyed
    SELECT id, first_name, last_name, email
    FROM shoe_customers;
  SQL
  properties = {
    "sql.current-catalog"  = confluent_environment.cc_handson_env.display_name
    "sql.current-database" = confluent_kafka_cluster.cc_kafka_cluster.display_name
  }

  credentials {
    key    = confluent_api_key.app_manager_flink_key.id
    secret = confluent_api_key.app_manager_flink_key.secret
  }

  depends_on = [confluent_flink_statement.create_shoe_customers_keyed]
}

# `name` becomes `model` by position.
resource "confluent_flink_statement" "insert_shoe_products_keyed" {
  organization {
    id = data.confluent_organization.main.id
  }
  environment {
    id = confluent_environment.cc_handson_env.id
  }
  compute_pool {
    id = confluent_flink_compute_pool.cc_flink_compute_pool.id
  }
  principal {
    id = confluent_service_account.app_manager.id
  }
  rest_endpoint  = data.confluent_flink_region.main.rest_endpoint
  statement_name = "insert-shoe-products-keyed"
  statement      = <<-SQL
    INSERT INTO shoe_products_keyed
    SELECT id, brand, `name`, sale_price, rating
    FROM shoe_products;
  SQL
  properties = {
    "sql.current-catalog"  = confluent_environment.cc_handson_env.display_name
    "sql.current-database" = confluent_kafka_cluster.cc_kafka_cluster.display_name
  }

  credentials {
    key    = confluent_api_key.app_manager_flink_key.id
    secret = confluent_api_key.app_manager_flink_key.secret
  }

  depends_on = [confluent_flink_statement.create_shoe_products_keyed]
}
