using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Schedulers.Local;

namespace Engine.Tests.Support;

/// <summary>Builds query engines over an in-memory catalog with a chosen local scheduling mode.</summary>
public static class TestEngines
{
    /// <summary>
    /// An engine whose local scheduler uses <paramref name="threads"/> threads, the given thresholds, and runs its
    /// workers where <paramref name="workerThreads"/> says (the options' default when null).
    /// </summary>
    public static QueryExecutor Local(InMemoryCatalog catalog, int threads = 1, long serialThresholdRows = 100_000, long chunkRows = 256 * 1024,
        LocalWorkerThreads? workerThreads = null) =>
        new(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions
        {
            MaxThreads = threads,
            SerialThresholdRows = serialThresholdRows,
            ChunkRows = chunkRows,
            WorkerThreads = workerThreads ?? new LocalSchedulerOptions().WorkerThreads,
        }));
}
