using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Generators;
using Engine.Storage.Datasets;
using Engine.Storage.ObjectStores;

namespace Engine.Cli;

/// <summary>
/// The sample tables <c>engine query</c> uses when no data is configured: <c>trades</c> (1,000,000 rows,
/// 20 symbols) and <c>cpu</c> (TSBS cpu-only, 10 hosts, one day at 10 s), generated with a fixed seed so
/// every fresh machine sees the same numbers — written as Parquet under ./data on first use, or held in
/// memory when the configured storage is Memory.
/// </summary>
public static class SampleData
{
    /// <summary>Rows of the sample trades table.</summary>
    public const long TradesRows = 1_000_000;

    /// <summary>Symbols of the sample trades table.</summary>
    public const int TradesSymbols = 20;

    /// <summary>Hosts of the sample cpu table.</summary>
    public const int CpuHosts = 10;

    private static TradesOptions Trades => new() { Rows = TradesRows, Symbols = TradesSymbols };

    private static CpuOptions Cpu
    {
        get
        {
            var start = TimestampMicros.Parse("2024-01-01T00:00:00Z");
            return new CpuOptions { Hosts = CpuHosts, StartMicros = start, EndMicros = start + TimestampMicros.PerDay };
        }
    }

    /// <summary>Registers the sample tables in memory, saying so on <paramref name="log"/>.</summary>
    public static void RegisterInMemory(InMemoryCatalog catalog, TextWriter log)
    {
        log.WriteLine($"engine: generating sample tables in memory: trades ({TradesRows:N0} rows, {TradesSymbols} symbols), cpu ({CpuHosts} hosts, 1 day at 10 s).");
        TradesGenerator.RegisterTrades(catalog, Trades);
        CpuGenerator.RegisterCpu(catalog, Cpu);
    }

    /// <summary>Writes whichever of the sample tables <paramref name="folder"/> lacks, as Parquet, saying so on <paramref name="log"/>.</summary>
    public static async Task EnsureOnDiskAsync(string folder, TextWriter log, CancellationToken cancellationToken)
    {
        var store = new FileSystemObjectStore(Directory.CreateDirectory(folder).FullName);
        using var display = ProgressDisplay.ForConsole();
        var progress = new Progress<DatasetProgress>(p => display.Show($"writing: {p.PartitionsDone}/{p.PartitionsTotal} files, {p.RowsWritten:N0} rows"));
        if (!Directory.Exists(Path.Combine(folder, "trades")))
        {
            log.WriteLine($"engine: no trades table in {folder}; generating sample data there ({TradesRows:N0} rows, {TradesSymbols} symbols, Parquet).");
            await WriteTableAsync(folder, "trades", table => GeneratedDatasetWriter.WriteTradesAsync(store, Trades, progress, table, cancellationToken)).ConfigureAwait(false);
        }

        if (!Directory.Exists(Path.Combine(folder, "cpu")))
        {
            log.WriteLine($"engine: no cpu table in {folder}; generating sample data there ({CpuHosts} hosts, 1 day at 10 s, Parquet).");
            await WriteTableAsync(folder, "cpu", table => GeneratedDatasetWriter.WriteCpuAsync(store, Cpu, progress, table, cancellationToken)).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Writes table <paramref name="table"/> under a hidden temporary name and renames it when complete, so
    /// an interrupted run never leaves a table that looks whole (catalogs skip names starting with '.').
    /// </summary>
    public static async Task WriteTableAsync(string folder, string table, Func<string, Task<long>> write)
    {
        var temporary = $".tmp-{table}-{Guid.NewGuid():N}";
        try
        {
            await write(temporary).ConfigureAwait(false);
            Directory.Move(Path.Combine(folder, temporary), Path.Combine(folder, table));
        }
        finally
        {
            if (Directory.Exists(Path.Combine(folder, temporary)))
            {
                Directory.Delete(Path.Combine(folder, temporary), recursive: true);
            }
        }
    }
}
