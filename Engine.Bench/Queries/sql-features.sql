-- One query per family of the SQL issue 11 added, over the trades table, written so that Engine and
-- DuckDB read the same text:
--   dotnet Engine.Bench.dll run --data gen:trades:rows=10000000:symbols=100 --queries Engine.Bench/Queries/sql-features.sql --in-memory
--   node compare.mjs --data DIR --query-file ../Queries/sql-features.sql      (DIR from `export` of the same data)

-- name: case-aggregate
SELECT symbol,
       sum(CASE WHEN price > 100 THEN volume ELSE 0 END) AS high_volume,
       sum(CASE WHEN price <= 100 THEN volume ELSE 0 END) AS low_volume,
       count(CASE WHEN volume > 50 THEN 1 END) AS big_trades
FROM trades GROUP BY symbol ORDER BY symbol

-- name: trunc-extract
SELECT date_trunc('hour', ts) AS hour, extract(minute FROM ts) AS minute, count(*) AS trades, avg(price) AS price
FROM trades GROUP BY 1, 2 ORDER BY 1, 2

-- name: like
SELECT count(*) AS trades, sum(volume) AS volume FROM trades WHERE symbol LIKE 'S00%1'

-- name: median-quantile
SELECT symbol, median(price) AS median_price, approx_quantile(price, 0.9) AS p90 FROM trades GROUP BY symbol ORDER BY symbol

-- name: cte-outer-aggregate
WITH minutes AS (
  SELECT symbol, date_trunc('minute', ts) AS minute, max(price) - min(price) AS spread
  FROM trades GROUP BY 1, 2
)
SELECT symbol, avg(spread) AS avg_spread, max(spread) AS max_spread FROM minutes GROUP BY symbol ORDER BY symbol
