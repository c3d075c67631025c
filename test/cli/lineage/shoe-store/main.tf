# The shoe-store pipeline of Confluent's Flink workshop: three Datagen connectors feed
# shoe_products, shoe_customers and shoe_orders; statements key them, join them, aggregate and
# derive promotions.

terraform {
  required_providers {
    confluent = { source = "confluentinc/confluent" }
  }
}

variable "catalog_name" {
  type    = string
  default = "shoe-env"
}

locals {
  flink_properties = {
    "sql.current-catalog"  = confluent_environment.shop.display_name
    "sql.current-database" = confluent_kafka_cluster.main.display_name
  }
}

resource "confluent_environment" "shop" {
  display_name = var.catalog_name
}

resource "confluent_kafka_cluster" "main" {
  display_name = "shoe-cluster"
  availability = "SINGLE_ZONE"
  cloud        = "AWS"
  region       = "us-east-2"
  basic {}
  environment {
    id = confluent_environment.shop.id
  }
}

resource "confluent_flink_compute_pool" "pool" {
  display_name = "pool"
  cloud        = "AWS"
  region       = "us-east-2"
  max_cfu      = 10
  environment {
    id = confluent_environment.shop.id
  }
}

resource "confluent_kafka_topic" "products" {
  kafka_cluster {
    id = confluent_kafka_cluster.main.id
  }
  topic_name = "shoe_products"
}

resource "confluent_kafka_topic" "customers" {
  kafka_cluster {
    id = confluent_kafka_cluster.main.id
  }
  topic_name = "shoe_customers"
}

resource "confluent_kafka_topic" "orders" {
  kafka_cluster {
    id = confluent_kafka_cluster.main.id
  }
  topic_name = "shoe_orders"
}

resource "confluent_connector" "products" {
  environment {
    id = confluent_environment.shop.id
  }
  kafka_cluster {
    id = confluent_kafka_cluster.main.id
  }
  config_sensitive = {}
  config_nonsensitive = {
    "connector.class"    = "DatagenSource"
    "name"               = "DSoC_products"
    "kafka.topic"        = confluent_kafka_topic.products.topic_name
    "quickstart"         = "SHOES"
    "output.data.format" = "AVRO"
  }
}

resource "confluent_connector" "customers" {
  environment {
    id = confluent_environment.shop.id
  }
  kafka_cluster {
    id = confluent_kafka_cluster.main.id
  }
  config_sensitive = {}
  config_nonsensitive = {
    "connector.class"    = "DatagenSource"
    "name"               = "DSoC_customers"
    "kafka.topic"        = confluent_kafka_topic.customers.topic_name
    "quickstart"         = "SHOE_CUSTOMERS"
    "output.data.format" = "AVRO"
  }
}

resource "confluent_connector" "orders" {
  environment {
    id = confluent_environment.shop.id
  }
  kafka_cluster {
    id = confluent_kafka_cluster.main.id
  }
  config_sensitive = {}
  config_nonsensitive = {
    "connector.class"    = "DatagenSource"
    "name"               = "DSoC_orders"
    "kafka.topic"        = confluent_kafka_topic.orders.topic_name
    "quickstart"         = "SHOE_ORDERS"
    "output.data.format" = "AVRO"
  }
}

resource "confluent_flink_statement" "create_customers_keyed" {
  statement  = "CREATE TABLE shoe_customers_keyed (customer_id STRING, first_name STRING, last_name STRING, email STRING, PRIMARY KEY (customer_id) NOT ENFORCED) DISTRIBUTED BY HASH(customer_id) INTO 1 BUCKETS;"
  properties = local.flink_properties
}

resource "confluent_flink_statement" "customers_keyed" {
  statement_name = "customers-keyed"
  statement      = <<-SQL
    INSERT INTO shoe_customers_keyed
    SELECT id, first_name, last_name, email
    FROM ${confluent_kafka_topic.customers.topic_name};
  SQL
  properties     = local.flink_properties
}

resource "confluent_flink_statement" "products_keyed" {
  statement_name = "products-keyed"
  statement      = "INSERT INTO `shoe-env`.`shoe-cluster`.shoe_products_keyed SELECT id, brand, `name`, sale_price, rating FROM shoe_products"
  properties     = local.flink_properties
}

resource "confluent_flink_statement" "order_customer_product" {
  statement_name = "order-customer-product"
  statement      = <<-SQL
    INSERT INTO shoe_order_customer_product
    SELECT o.order_id, c.first_name, c.last_name, c.email, p.brand, p.`name`, p.sale_price
    FROM shoe_orders o
      INNER JOIN shoe_customers_keyed c ON o.customer_id = c.customer_id
      INNER JOIN shoe_products_keyed FOR SYSTEM_TIME AS OF o.`$rowtime` AS p ON o.product_id = p.product_id;
  SQL
  properties     = local.flink_properties
}

resource "confluent_flink_statement" "loyalty_levels" {
  statement_name = "loyalty-levels"
  statement      = <<-SQL
    INSERT INTO shoe_loyalty_levels
    WITH spend AS (
      SELECT email, SUM(sale_price) AS total FROM shoe_order_customer_product GROUP BY email
    )
    SELECT email, total,
      CASE WHEN total > 80000 THEN 'GOLD' WHEN total > 7000 THEN 'SILVER' ELSE 'CLIMBING' END AS rewards_level
    FROM spend;
  SQL
  properties     = local.flink_properties
}

resource "confluent_flink_statement" "promotions" {
  statement_name = "promotions"
  statement      = <<-SQL
    EXECUTE STATEMENT SET
    BEGIN
      INSERT INTO shoe_promotions
        SELECT email, 'bundle_offer' AS promotion_name
        FROM shoe_order_customer_product
        WHERE brand = 'Jones-Stokes'
        GROUP BY email
        HAVING COUNT(*) % 10 = 0;
      INSERT INTO shoe_promotions
        SELECT email, 'big_spender' AS promotion_name
        FROM TABLE(TUMBLE(TABLE shoe_order_customer_product, DESCRIPTOR(`$rowtime`), INTERVAL '1' HOUR))
        WHERE sale_price > 1000
        GROUP BY email, window_start, window_end;
    END;
  SQL
  properties     = local.flink_properties
}

resource "confluent_flink_statement" "broken" {
  statement_name = "half-written"
  statement      = "INSERT INTO shoe_promotions SELEC email FROM shoe_customers_keyed"
  properties     = local.flink_properties
}
