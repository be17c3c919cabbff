using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Generators;

namespace Engine.Cli;

/// <summary>
/// The sample tables <c>engine query</c> uses when no data is configured: <c>trades</c> (1,000,000 rows,
/// 20 symbols) and <c>cpu</c> (TSBS cpu-only, 10 hosts, one day at 10 s), generated in memory with a
/// fixed seed, so every fresh machine sees the same numbers.
/// </summary>
public static class SampleData
{
    /// <summary>Rows of the sample trades table.</summary>
    public const long TradesRows = 1_000_000;

    /// <summary>Symbols of the sample trades table.</summary>
    public const int TradesSymbols = 20;

    /// <summary>Hosts of the sample cpu table.</summary>
    public const int CpuHosts = 10;

    /// <summary>Registers the sample tables in <paramref name="catalog"/>, reporting on <paramref name="log"/>.</summary>
    public static void Register(InMemoryCatalog catalog, TextWriter log)
    {
        log.WriteLine($"engine: no --data given; generating sample tables in memory: trades ({TradesRows:N0} rows, {TradesSymbols} symbols), cpu ({CpuHosts} hosts, 1 day at 10 s).");
        TradesGenerator.RegisterTrades(catalog, new TradesOptions { Rows = TradesRows, Symbols = TradesSymbols });
        var start = TimestampMicros.Parse("2024-01-01T00:00:00Z");
        CpuGenerator.RegisterCpu(catalog, new CpuOptions { Hosts = CpuHosts, StartMicros = start, EndMicros = start + TimestampMicros.PerDay });
    }
}
