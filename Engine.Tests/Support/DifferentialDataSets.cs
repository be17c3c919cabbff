using Engine.Core.Catalog;
using Engine.Core.Generators;

namespace Engine.Tests.Support;

/// <summary>
/// Small generated data sets for differential tests: big enough that one-minute and one-hour buckets,
/// day partitions and 12-hour TSBS windows have real content, small enough that a DuckDB run stays quick.
/// </summary>
public static class DifferentialDataSets
{
    /// <summary>2016-01-01T20:00:00Z, so the cpu data crosses a UTC midnight.</summary>
    public const long CpuStartMicros = 1_451_678_400_000_000;

    /// <summary>20 000 trades over 4 symbols, about 1.5 s apart: a little over two hours per symbol.</summary>
    public static TradesOptions Trades { get; } = new() { Rows = 20_000, Symbols = 4, StepMicros = 1_000_000, BatchRows = 2_000 };

    /// <summary>8 hosts every 10 s for 13 hours from 20:00 UTC: two day-partitions per host.</summary>
    public static CpuOptions Cpu { get; } = new() { Hosts = 8, StartMicros = CpuStartMicros, EndMicros = CpuStartMicros + (13 * 3_600_000_000L), Seed = 7 };

    /// <summary>Registers <see cref="Trades"/> as <c>trades</c> and <see cref="Cpu"/> as <c>cpu</c> in a new catalog.</summary>
    public static InMemoryCatalog CreateCatalog()
    {
        var catalog = new InMemoryCatalog();
        TradesGenerator.RegisterTrades(catalog, Trades);
        CpuGenerator.RegisterCpu(catalog, Cpu);
        return catalog;
    }
}
