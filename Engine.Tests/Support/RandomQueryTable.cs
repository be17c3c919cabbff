using Engine.Core.Columns;
using Engine.Core.Generators;

namespace Engine.Tests.Support;

/// <summary>
/// What <see cref="RandomQueryGenerator"/> knows about one generated table: its columns by role, the values
/// its tags take and the time range its rows cover, so random literals hit the data often enough.
/// </summary>
/// <param name="Name">Table name.</param>
/// <param name="TimeColumn">The time column; unique within one value of <paramref name="KeyColumn"/>.</param>
/// <param name="KeyColumn">The partition-key tag; (key, time) identifies a row.</param>
/// <param name="Tags">Every string column (the key included) with the values it may hold.</param>
/// <param name="Numbers">Every numeric column with whether it is BIGINT and the range of its values.</param>
/// <param name="StartMicros">Earliest time in the data.</param>
/// <param name="SpanMicros">A span from the start that every key's rows cover.</param>
/// <param name="Vwap">The (price, volume) columns VWAP applies to, or null.</param>
internal sealed record RandomQueryTable(
    string Name,
    string TimeColumn,
    string KeyColumn,
    IReadOnlyList<(string Column, IReadOnlyList<string> Values)> Tags,
    IReadOnlyList<(string Column, bool IsInteger, double Low, double High)> Numbers,
    long StartMicros,
    long SpanMicros,
    (string Price, string Volume)? Vwap)
{
    /// <summary>The trades table <paramref name="options"/> generates.</summary>
    public static RandomQueryTable ForTrades(TradesOptions options, string name = "trades")
    {
        var generator = new TradesGenerator(options);
        var symbols = Enumerable.Range(0, options.Symbols).Select(TradesGenerator.SymbolName).ToList();
        var shortest = generator.RowsOf(options.Symbols - 1);
        return new RandomQueryTable(
            name,
            TradesGenerator.TimeColumn,
            TradesGenerator.SymbolColumn,
            [(TradesGenerator.SymbolColumn, symbols)],
            [("price", false, 40, 160), ("volume", true, 1, TradesGenerator.MaxVolume)],
            options.StartMicros,
            Math.Max(TimestampMicros.PerMinute, shortest * options.StepMicros),
            ("price", "volume"));
    }

    /// <summary>The cpu table <paramref name="options"/> generates.</summary>
    public static RandomQueryTable ForCpu(CpuOptions options, string name = "cpu")
    {
        var tags = new List<(string, IReadOnlyList<string>)>
        {
            (CpuGenerator.HostnameColumn, Enumerable.Range(0, options.Hosts).Select(CpuGenerator.HostName).ToList()),
            ("region", CpuGenerator.Regions),
            ("datacenter", CpuGenerator.Regions.SelectMany(r => new[] { r + "a", r + "b", r + "c" }).ToList()),
            ("rack", Enumerable.Range(0, 100).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList()),
            ("os", CpuGenerator.OperatingSystems),
            ("arch", CpuGenerator.Architectures),
            ("team", CpuGenerator.Teams),
            ("service", Enumerable.Range(0, 20).Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList()),
            ("service_version", ["0", "1"]),
            ("service_environment", CpuGenerator.ServiceEnvironments),
        };
        return new RandomQueryTable(
            name,
            CpuGenerator.TimeColumn,
            CpuGenerator.HostnameColumn,
            tags,
            [.. CpuGenerator.UsageColumns.Select(c => (c, false, 0.0, 100.0))],
            options.StartMicros,
            Math.Max(options.IntervalMicros, options.EndMicros - options.StartMicros),
            null);
    }
}
