# The Nexmark source table and a few benchmark queries, each writing to a blackhole table (so
# only the query's own cost is measured). Queries read the wide `nexmark` table directly:
# event_type 0 = person, 1 = auction, 2 = bid, with the matching ROW column filled.

locals {
  # Sink DDL and query per benchmark query (see /work/shared/reference/nexmark.md §3).
  queries = {
    # q0: pass-through of every bid (source and framework overhead).
    q0 = {
      sink   = "CREATE TABLE nexmark_q0 (auction BIGINT, bidder BIGINT, price BIGINT, date_time TIMESTAMP(3), extra STRING) WITH ('connector' = 'blackhole');"
      insert = <<-SQL
        INSERT INTO nexmark_q0
        SELECT bid.auction, bid.bidder, bid.price, bid.dateTime, bid.extra
        FROM nexmark
        WHERE event_type = 2;
      SQL
    }
    # q1: bid prices converted from dollars to euros.
    q1 = {
      sink   = "CREATE TABLE nexmark_q1 (auction BIGINT, bidder BIGINT, price DECIMAL(23, 3), date_time TIMESTAMP(3), extra STRING) WITH ('connector' = 'blackhole');"
      insert = <<-SQL
        INSERT INTO nexmark_q1
        SELECT bid.auction, bid.bidder, 0.908 * bid.price, bid.dateTime, bid.extra
        FROM nexmark
        WHERE event_type = 2;
      SQL
    }
    # q2: bids on every 123rd auction.
    q2 = {
      sink   = "CREATE TABLE nexmark_q2 (auction BIGINT, price BIGINT) WITH ('connector' = 'blackhole');"
      insert = <<-SQL
        INSERT INTO nexmark_q2
        SELECT bid.auction, bid.price
        FROM nexmark
        WHERE event_type = 2 AND MOD(bid.auction, 123) = 0;
      SQL
    }
    # q17-like: per auction, bid count and price statistics (unbounded aggregation).
    q17 = {
      sink   = "CREATE TABLE nexmark_q17 (auction BIGINT, total_bids BIGINT, min_price BIGINT, max_price BIGINT, avg_price BIGINT, sum_price BIGINT, PRIMARY KEY (auction) NOT ENFORCED) WITH ('connector' = 'blackhole');"
      insert = <<-SQL
        INSERT INTO nexmark_q17
        SELECT bid.auction, COUNT(*), MIN(bid.price), MAX(bid.price), AVG(bid.price), SUM(bid.price)
        FROM nexmark
        WHERE event_type = 2
        GROUP BY bid.auction;
      SQL
    }
    # q18: the latest bid of each bidder on each auction (deduplication).
    q18 = {
      sink   = "CREATE TABLE nexmark_q18 (auction BIGINT, bidder BIGINT, price BIGINT, date_time TIMESTAMP(3), PRIMARY KEY (bidder, auction) NOT ENFORCED) WITH ('connector' = 'blackhole');"
      insert = <<-SQL
        INSERT INTO nexmark_q18
        SELECT auction, bidder, price, date_time
        FROM (
          SELECT bid.auction AS auction, bid.bidder AS bidder, bid.price AS price, dateTime AS date_time,
                 ROW_NUMBER() OVER (PARTITION BY bid.bidder, bid.auction ORDER BY dateTime DESC) AS rn
          FROM nexmark
          WHERE event_type = 2
        )
        WHERE rn = 1;
      SQL
    }
  }
}

resource "confluent_flink_statement" "source" {
  organization {
    id = data.confluent_organization.main.id
  }
  environment {
    id = confluent_environment.bench.id
  }
  compute_pool {
    id = confluent_flink_compute_pool.bench.id
  }
  principal {
    id = confluent_service_account.runner.id
  }
  rest_endpoint  = data.confluent_flink_region.main.rest_endpoint
  statement_name = "nexmark-source"
  statement      = <<-SQL
    CREATE TABLE nexmark (
      event_type INT,
      person ROW<id BIGINT, name STRING, emailAddress STRING, creditCard STRING, city STRING,
                 state STRING, dateTime TIMESTAMP(3), extra STRING>,
      auction ROW<id BIGINT, itemName STRING, description STRING, initialBid BIGINT, reserve BIGINT,
                  dateTime TIMESTAMP(3), expires TIMESTAMP(3), seller BIGINT, category BIGINT, extra STRING>,
      bid ROW<auction BIGINT, bidder BIGINT, price BIGINT, channel STRING, url STRING,
              dateTime TIMESTAMP(3), extra STRING>,
      dateTime AS CASE
        WHEN event_type = 0 THEN person.dateTime
        WHEN event_type = 1 THEN auction.dateTime
        ELSE bid.dateTime
      END,
      WATERMARK FOR dateTime AS dateTime - INTERVAL '4' SECOND
    ) WITH (
      'connector' = 'nexmark',
      'first-event.rate' = '${var.events_per_second}',
      'next-event.rate' = '${var.events_per_second}',
      'events.num' = '${var.events}',
      'max-emit-speed' = 'false'
    );
  SQL
  properties = {
    "sql.current-catalog"  = confluent_environment.bench.display_name
    "sql.current-database" = confluent_kafka_cluster.bench.display_name
  }
  credentials {
    key    = confluent_api_key.runner_flink.id
    secret = confluent_api_key.runner_flink.secret
  }
}

resource "confluent_flink_statement" "sink" {
  for_each = local.queries

  organization {
    id = data.confluent_organization.main.id
  }
  environment {
    id = confluent_environment.bench.id
  }
  compute_pool {
    id = confluent_flink_compute_pool.bench.id
  }
  principal {
    id = confluent_service_account.runner.id
  }
  rest_endpoint  = data.confluent_flink_region.main.rest_endpoint
  statement_name = "nexmark-${each.key}-sink"
  statement      = each.value.sink
  properties = {
    "sql.current-catalog"  = confluent_environment.bench.display_name
    "sql.current-database" = confluent_kafka_cluster.bench.display_name
  }
  credentials {
    key    = confluent_api_key.runner_flink.id
    secret = confluent_api_key.runner_flink.secret
  }
}

resource "confluent_flink_statement" "query" {
  for_each = local.queries

  organization {
    id = data.confluent_organization.main.id
  }
  environment {
    id = confluent_environment.bench.id
  }
  compute_pool {
    id = confluent_flink_compute_pool.bench.id
  }
  principal {
    id = confluent_service_account.runner.id
  }
  rest_endpoint  = data.confluent_flink_region.main.rest_endpoint
  statement_name = "nexmark-${each.key}"
  statement      = each.value.insert
  properties = {
    "sql.current-catalog"  = confluent_environment.bench.display_name
    "sql.current-database" = confluent_kafka_cluster.bench.display_name
  }
  credentials {
    key    = confluent_api_key.runner_flink.id
    secret = confluent_api_key.runner_flink.secret
  }

  depends_on = [confluent_flink_statement.source, confluent_flink_statement.sink]
}

output "statements" {
  description = "Statement names: `streamform statement describe <name>` shows each one's progress."
  value       = { for k in keys(local.queries) : k => "nexmark-${k}" }
}
