resource "terraform_data" "statement" {
  input = <<-SQL
    INSERT INTO revenue_per_minute
    SELECT
      window_start,
      window_end,
      SUM(price) AS revenue
    FROM TABLE(TUMBLE(TABLE orders, DESCRIPTOR($rowtime), INTERVAL '5' MINUTE))
    GROUP BY window_start, window_end;
  SQL
}
