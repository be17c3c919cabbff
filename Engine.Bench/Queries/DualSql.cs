using System.Globalization;
using Engine.Core.Columns;

namespace Engine.Bench.Queries;

/// <summary>
/// A piece of SQL written in both dialects at once, so query builders compose Engine and DuckDB text in
/// one pass. The factories encode the dialect differences: TIMESTAMP and INTERVAL literals, DOUBLE
/// literals (DuckDB would type <c>1.5</c> as DECIMAL), <c>first</c>/<c>last</c> as
/// <c>arg_min</c>/<c>arg_max</c> over the time column, and <c>vwap</c> spelled out.
/// </summary>
/// <param name="Engine">Engine's text.</param>
/// <param name="DuckDb">DuckDB's text.</param>
public readonly record struct DualSql(string Engine, string DuckDb)
{
    /// <summary>Text that is the same in both dialects.</summary>
    public static DualSql Same(string text) => new(text, text);

    /// <summary>Fills <paramref name="format"/> ({0}, {1}, …) with the parts, dialect by dialect.</summary>
    public static DualSql Format(string format, params DualSql[] parts) => new(
        string.Format(CultureInfo.InvariantCulture, format, parts.Select(p => (object)p.Engine).ToArray()),
        string.Format(CultureInfo.InvariantCulture, format, parts.Select(p => (object)p.DuckDb).ToArray()));

    /// <summary>The parts joined by <paramref name="separator"/> in each dialect.</summary>
    public static DualSql Join(string separator, IEnumerable<DualSql> parts)
    {
        var list = parts.ToList();
        return new(string.Join(separator, list.Select(p => p.Engine)), string.Join(separator, list.Select(p => p.DuckDb)));
    }

    /// <summary>A BIGINT literal.</summary>
    public static DualSql Integer(long value) => Same(value.ToString(CultureInfo.InvariantCulture));

    /// <summary>A DOUBLE literal: <c>12.5</c> for Engine, <c>CAST(12.5 AS DOUBLE)</c> for DuckDB.</summary>
    public static DualSql Double(double value)
    {
        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (!text.Contains('.', StringComparison.Ordinal) && !text.Contains('E', StringComparison.Ordinal))
        {
            text += ".0";
        }

        return new(text, $"CAST({text} AS DOUBLE)");
    }

    /// <summary>A string literal with quotes doubled.</summary>
    public static DualSql String(string value) => Same("'" + value.Replace("'", "''", StringComparison.Ordinal) + "'");

    /// <summary>A timestamp literal: <c>'2024-01-01 00:10:00'</c> for Engine, <c>TIMESTAMP '…'</c> for DuckDB.</summary>
    public static DualSql Timestamp(long micros)
    {
        var time = TimestampMicros.ToDateTime(micros);
        var text = TimestampMicros.FloorMod(micros, TimestampMicros.PerSecond) == 0
            ? time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)
            : time.ToString("yyyy-MM-dd HH:mm:ss.ffffff", CultureInfo.InvariantCulture);
        return new($"'{text}'", $"TIMESTAMP '{text}'");
    }

    /// <summary>An interval: Engine's text (<c>'5m'</c>, <c>'1 minute'</c>) and DuckDB's (<c>INTERVAL '5 minutes'</c>).</summary>
    public static DualSql Interval(string engineText, string duckDbText) => new($"'{engineText}'", $"INTERVAL '{duckDbText}'");

    /// <summary><c>time_bucket(interval, time)</c>.</summary>
    public static DualSql TimeBucket(DualSql interval, string timeColumn) => Format("time_bucket({0}, {1})", interval, Same(timeColumn));

    /// <summary>The value at the earliest time: <c>first(x)</c> / <c>arg_min(x, time)</c>.</summary>
    public static DualSql First(DualSql argument, string timeColumn) => new($"first({argument.Engine})", $"arg_min({argument.DuckDb}, {timeColumn})");

    /// <summary>The value at the latest time: <c>last(x)</c> / <c>arg_max(x, time)</c>.</summary>
    public static DualSql Last(DualSql argument, string timeColumn) => new($"last({argument.Engine})", $"arg_max({argument.DuckDb}, {timeColumn})");

    /// <summary>Volume-weighted average price: <c>vwap(p, v)</c> / <c>(sum(p * v) / sum(v))</c>.</summary>
    public static DualSql Vwap(string price, string volume) => new($"vwap({price}, {volume})", $"(sum({price} * {volume}) / sum({volume}))");
}
