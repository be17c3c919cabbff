using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Schedulers.Local;

namespace Engine.Bench.Runner;

/// <summary>Builds the in-memory trades table and a local engine over it, for the runner and the suites.</summary>
public static class EngineSetup
{
    /// <summary>A catalog holding the trades table <paramref name="options"/> generates.</summary>
    public static InMemoryCatalog Trades(TradesOptions options)
    {
        var catalog = new InMemoryCatalog();
        TradesGenerator.RegisterTrades(catalog, options);
        return catalog;
    }

    /// <summary>A local engine over <paramref name="catalog"/> with <paramref name="threads"/> threads.</summary>
    public static QueryExecutor Local(InMemoryCatalog catalog, int threads, long? serialThresholdRows = null, long? chunkRows = null) =>
        Local(catalog, catalog, threads, serialThresholdRows, chunkRows);

    /// <summary>
    /// A local-scheduler engine over any catalog and partition reader (e.g. Parquet files); its workers run
    /// where <paramref name="workerThreads"/> says (the options' default when null).
    /// </summary>
    public static QueryExecutor Local(ITableCatalog catalog, IPartitionReader reader, int threads, long? serialThresholdRows = null, long? chunkRows = null, LocalWorkerThreads? workerThreads = null)
    {
        var options = new LocalSchedulerOptions { MaxThreads = threads };
        if (workerThreads is { } where)
        {
            options.WorkerThreads = where;
        }

        if (serialThresholdRows is { } threshold)
        {
            options.SerialThresholdRows = threshold;
        }

        if (chunkRows is { } chunk)
        {
            options.ChunkRows = chunk;
        }

        return new QueryExecutor(catalog, reader, new LocalQueryScheduler(options));
    }
}
