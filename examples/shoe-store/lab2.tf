# Lab 2 as code: enrich every order with its customer and product, then derive loyalty levels
# and promotions from the enriched stream.

# Non-keyed table fed by an updating join, so it must accept retractions.
resource "confluent_flink_statement" "create_shoe_order_customer_product" {
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
  statement_name = "create-shoe-order-customer-product"
  statement      = <<-SQL
    CREATE TABLE shoe_order_customer_product (
      order_id   INT,
      first_name STRING,
      last_name  STRING,
      email      STRING,
      brand      STRING,
      `model`    STRING,
      sale_price INT,
      rating     DOUBLE
    ) DISTRIBUTED INTO 1 BUCKETS
    WITH ('changelog.mode' = 'retract');
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
    confluent_flink_statement.insert_shoe_customers_keyed,
    confluent_flink_statement.insert_shoe_products_keyed,
  ]
}

# Orders joined with the keyed customers and products (two regular joins, one statement).
resource "confluent_flink_statement" "insert_shoe_order_customer_product" {
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
  statement_name = "insert-shoe-order-customer-product"
  statement      = <<-SQL
    INSERT INTO shoe_order_customer_product
      (order_id, first_name, last_name, email, brand, `model`, sale_price, rating)
    SELECT o.order_id, c.first_name, c.last_name, c.email,
           p.brand, p.`model`, p.sale_price, p.rating
    FROM shoe_orders AS o
    INNER JOIN shoe_customers_keyed AS c ON o.customer_id = c.customer_id
    INNER JOIN shoe_products_keyed AS p ON o.product_id = p.product_id;
  SQL
  properties = {
    "sql.current-catalog"  = confluent_environment.cc_handson_env.display_name
    "sql.current-database" = confluent_kafka_cluster.cc_kafka_cluster.display_name
  }

  credentials {
    key    = confluent_api_key.app_manager_flink_key.id
    secret = confluent_api_key.app_manager_flink_key.secret
  }

  depends_on = [confluent_flink_statement.create_shoe_order_customer_product]
}

resource "confluent_flink_statement" "create_shoe_loyalty_levels" {
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
  statement_name = "create-shoe-loyalty-levels"
  statement      = <<-SQL
    CREATE TABLE shoe_loyalty_levels (
      email         STRING,
      total         BIGINT,
      rewards_level STRING,
      PRIMARY KEY (email) NOT ENFORCED
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

  depends_on = [confluent_flink_statement.insert_shoe_order_customer_product]
}

# Total spend per customer (in cents) and the level it earns.
resource "confluent_flink_statement" "insert_shoe_loyalty_levels" {
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
  statement_name = "insert-shoe-loyalty-levels"
  statement      = <<-SQL
    INSERT INTO shoe_loyalty_levels
    SELECT email,
           SUM(sale_price) AS total,
           CASE
             WHEN SUM(sale_price) > 80000000 THEN 'GOLD'
             WHEN SUM(sale_price) > 7000000 THEN 'SILVER'
             WHEN SUM(sale_price) > 600000 THEN 'BRONZE'
             ELSE 'CLIMBING'
           END AS rewards_level
    FROM shoe_order_customer_product
    GROUP BY email;
  SQL
  properties = {
    "sql.current-catalog"  = confluent_environment.cc_handson_env.display_name
    "sql.current-database" = confluent_kafka_cluster.cc_kafka_cluster.display_name
  }

  credentials {
    key    = confluent_api_key.app_manager_flink_key.id
    secret = confluent_api_key.app_manager_flink_key.secret
  }

  depends_on = [confluent_flink_statement.create_shoe_loyalty_levels]
}

resource "confluent_flink_statement" "create_shoe_promotions" {
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
  statement_name = "create-shoe-promotions"
  statement      = <<-SQL
    CREATE TABLE shoe_promotions (
      email          STRING,
      promotion_name STRING,
      PRIMARY KEY (email) NOT ENFORCED
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

  depends_on = [confluent_flink_statement.insert_shoe_order_customer_product]
}

# One job, two branches writing the same upsert key: every 10th Jones-Stokes order is free,
# and buying more than 10 pairs across Braun-Bruen and Will Inc earns a bundle offer. A branch
# whose HAVING stops matching retracts its row (a tombstone for that email).
resource "confluent_flink_statement" "insert_shoe_promotions" {
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
  statement_name = "insert-shoe-promotions"
  statement      = <<-SQL
    EXECUTE STATEMENT SET
    BEGIN
      INSERT INTO shoe_promotions
      SELECT email, 'next_free' AS promotion_name
      FROM shoe_order_customer_product
      WHERE brand = 'Jones-Stokes'
      GROUP BY email
      HAVING COUNT(*) % 10 = 0;

      INSERT INTO shoe_promotions
      SELECT email, 'bundle_offer' AS promotion_name
      FROM shoe_order_customer_product
      WHERE brand IN ('Braun-Bruen', 'Will Inc')
      GROUP BY email
      HAVING COUNT(DISTINCT brand) = 2 AND COUNT(brand) > 10;
    END;
  SQL
  properties = {
    "sql.current-catalog"  = confluent_environment.cc_handson_env.display_name
    "sql.current-database" = confluent_kafka_cluster.cc_kafka_cluster.display_name
  }

  credentials {
    key    = confluent_api_key.app_manager_flink_key.id
    secret = confluent_api_key.app_manager_flink_key.secret
  }

  depends_on = [confluent_flink_statement.create_shoe_promotions]
}
