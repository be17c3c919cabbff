using Engine.Core.Columns;
using Engine.Core.Generators;

namespace Engine.Bench.Queries;

/// <summary>
/// The fixed benchmark queries Q1–Q6 over a table made by <see cref="TradesGenerator"/>, in both dialects:
/// Q1 total volume per symbol; Q2 count, volume and price statistics of one symbol; Q3 one-minute OHLCV bars per symbol
/// (first, max, min, last price and total volume); Q4 VWAP per symbol over a 30-minute range; Q5 the last
/// price per symbol; Q6 hourly price standard deviation and trade count per symbol.
/// </summary>
public static class TradesQueries
{
    /// <summary>The queries for the data <paramref name="options"/> generates.</summary>
    public static IReadOnlyList<DifferentialQuery> Create(TradesOptions options, string table = "trades")
    {
        ArgumentNullException.ThrowIfNull(options);
        var ts = TradesGenerator.TimeColumn;
        var minute = DualSql.TimeBucket(DualSql.Interval("1 minute", "1 minute"), ts);
        var hour = DualSql.TimeBucket(DualSql.Interval("1 hour", "1 hour"), ts);
        var price = DualSql.Same("price");

        // Q4's window starts an hour in, or earlier when a symbol's trades span less than four hours.
        var span = (options.Rows / options.Symbols) * options.StepMicros;
        var from = options.StartMicros + Math.Min(TimestampMicros.PerHour, span / 4);
        from -= TimestampMicros.FloorMod(from, TimestampMicros.PerMinute);
        var to = from + (30 * TimestampMicros.PerMinute);

        var q1 = DualSql.Same($"SELECT symbol, sum(volume) AS total_volume FROM {table} GROUP BY symbol ORDER BY symbol");
        var q2 = DualSql.Same(
            $"SELECT count(*) AS trades, sum(volume) AS total_volume, min(price) AS low, max(price) AS high, avg(price) AS avg_price FROM {table} WHERE symbol = '{TradesGenerator.SymbolName(0)}'");
        var q3 = DualSql.Format(
            $"SELECT symbol, {{0}} AS minute, {{1}} AS open, max(price) AS high, min(price) AS low, {{2}} AS close, sum(volume) AS total_volume FROM {table} GROUP BY symbol, {{0}} ORDER BY symbol, minute",
            minute, DualSql.First(price, ts), DualSql.Last(price, ts));
        var q4 = DualSql.Format(
            $"SELECT symbol, {{0}} AS vwap FROM {table} WHERE ts >= {{1}} AND ts < {{2}} GROUP BY symbol ORDER BY symbol",
            DualSql.Vwap("price", "volume"), DualSql.Timestamp(from), DualSql.Timestamp(to));
        var q5 = DualSql.Format($"SELECT symbol, {{0}} AS last_price FROM {table} GROUP BY symbol ORDER BY symbol", DualSql.Last(price, ts));
        var q6 = DualSql.Format(
            $"SELECT symbol, {{0}} AS hour, stddev_pop(price) AS price_stddev, count(*) AS trades FROM {table} GROUP BY symbol, {{0}} ORDER BY symbol, hour",
            hour);
        return
        [
            new("Q1", q1.Engine, q1.DuckDb, Ordered: true),
            new("Q2", q2.Engine, q2.DuckDb, Ordered: true),
            new("Q3", q3.Engine, q3.DuckDb, Ordered: true),
            new("Q4", q4.Engine, q4.DuckDb, Ordered: true),
            new("Q5", q5.Engine, q5.DuckDb, Ordered: true),
            new("Q6", q6.Engine, q6.DuckDb, Ordered: true),
        ];
    }
}
