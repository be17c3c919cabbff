using System.Globalization;
using Engine.Core.Columns;
using Engine.Core.Generators;

namespace Engine.Bench.Runner;

/// <summary>
/// The built-in trades queries Q1–Q6 of the core issue, in Engine's and DuckDB's dialects (DuckDB spells
/// first/last as arg_min/arg_max over ts, vwap as sum(p·v)/sum(v), and needs typed TIMESTAMP and INTERVAL
/// literals). Q4's 30-minute window starts an hour after the data's start (earlier for short data).
/// </summary>
public static class StandardQueries
{
    /// <summary>The queries for the data <paramref name="options"/> generates, by id.</summary>
    public static IReadOnlyDictionary<string, BenchQuery> Create(TradesOptions options)
    {
        var span = (options.Rows / Math.Max(1, options.Symbols)) * options.StepMicros;
        var from = options.StartMicros + Math.Min(TimestampMicros.PerHour, span / 4);
        from -= TimestampMicros.FloorMod(from, TimestampMicros.PerMinute);
        var to = from + (30 * TimestampMicros.PerMinute);
        var fromText = Timestamp(from);
        var toText = Timestamp(to);
        var symbol = TradesGenerator.SymbolName(0);
        BenchQuery[] queries =
        [
            new("Q1", "SELECT symbol, sum(volume) AS total_volume FROM trades GROUP BY symbol ORDER BY symbol",
                "SELECT symbol, sum(volume) AS total_volume FROM trades GROUP BY symbol ORDER BY symbol"),
            new("Q2", $"SELECT count(*) AS trades, sum(volume) AS total_volume, min(price) AS low, max(price) AS high, avg(price) AS avg_price FROM trades WHERE symbol = '{symbol}'",
                $"SELECT count(*) AS trades, sum(volume) AS total_volume, min(price) AS low, max(price) AS high, avg(price) AS avg_price FROM trades WHERE symbol = '{symbol}'"),
            new("Q3", "SELECT symbol, time_bucket('1 minute', ts) AS minute, first(price) AS open, max(price) AS high, min(price) AS low, last(price) AS close, sum(volume) AS total_volume FROM trades GROUP BY symbol, time_bucket('1 minute', ts) ORDER BY symbol, minute",
                "SELECT symbol, time_bucket(INTERVAL '1 minute', ts) AS minute, arg_min(price, ts) AS open, max(price) AS high, min(price) AS low, arg_max(price, ts) AS close, sum(volume) AS total_volume FROM trades GROUP BY symbol, time_bucket(INTERVAL '1 minute', ts) ORDER BY symbol, minute"),
            new("Q4", $"SELECT symbol, vwap(price, volume) AS vwap FROM trades WHERE ts >= '{fromText}' AND ts < '{toText}' GROUP BY symbol ORDER BY symbol",
                $"SELECT symbol, (sum(price * volume) / sum(volume)) AS vwap FROM trades WHERE ts >= TIMESTAMP '{fromText}' AND ts < TIMESTAMP '{toText}' GROUP BY symbol ORDER BY symbol"),
            new("Q5", "SELECT symbol, last(price) AS last_price FROM trades GROUP BY symbol ORDER BY symbol",
                "SELECT symbol, arg_max(price, ts) AS last_price FROM trades GROUP BY symbol ORDER BY symbol"),
            new("Q6", "SELECT symbol, time_bucket('1 hour', ts) AS hour, stddev_pop(price) AS price_stddev, count(*) AS trades FROM trades GROUP BY symbol, time_bucket('1 hour', ts) ORDER BY symbol, hour",
                "SELECT symbol, time_bucket(INTERVAL '1 hour', ts) AS hour, stddev_pop(price) AS price_stddev, count(*) AS trades FROM trades GROUP BY symbol, time_bucket(INTERVAL '1 hour', ts) ORDER BY symbol, hour"),
        ];
        return queries.ToDictionary(q => q.Id, StringComparer.OrdinalIgnoreCase);
    }

    private static string Timestamp(long micros) =>
        TimestampMicros.ToDateTime(micros).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);
}
