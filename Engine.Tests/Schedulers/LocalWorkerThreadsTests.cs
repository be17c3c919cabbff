using System.Collections.Concurrent;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Schedulers.Local;

namespace Engine.Tests.Schedulers;

/// <summary>
/// Where PARTITION workers run (the thread pool or the scheduler's dedicated threads), and that a failed
/// fragment fails the query with its own exception on either.
/// </summary>
public class LocalWorkerThreadsTests
{
    private static readonly Lazy<InMemoryCatalog> s_catalog = new(() =>
    {
        var catalog = new InMemoryCatalog();
        TradesGenerator.RegisterTrades(catalog, new TradesOptions { Rows = 20_000, Symbols = 4, BatchRows = 2_000 });
        return catalog;
    });

    private static LocalQueryScheduler Scheduler(LocalWorkerThreads workerThreads) =>
        new(new LocalSchedulerOptions { MaxThreads = 2, SerialThresholdRows = 0, ChunkRows = 1_000, WorkerThreads = workerThreads });

    [Test]
    public async Task Dedicated_RunsEveryTaskOnTheSchedulersOwnThreads()
    {
        using var scheduler = Scheduler(LocalWorkerThreads.Dedicated);
        var reader = new RecordingReader(s_catalog.Value, failOn: null);
        var result = await new QueryExecutor(s_catalog.Value, reader, scheduler).QueryAsync("SELECT count(*) FROM trades");

        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(20_000));
        Assert.That(reader.Threads, Has.Count.EqualTo(4), "one task per partition");
        Assert.That(reader.Threads.Select(t => t.Name), Has.All.StartWith("Engine local worker"), "in-memory reads complete at once, so no task left its thread");
    }

    [Test]
    public async Task Dedicated_CallerResumesOffTheDedicatedThreads()
    {
        using var scheduler = Scheduler(LocalWorkerThreads.Dedicated);
        for (var i = 0; i < 20; i++)
        {
            await new QueryExecutor(s_catalog.Value, s_catalog.Value, scheduler).QueryAsync("SELECT count(*) FROM trades");
            Assert.That(Thread.CurrentThread.Name ?? "", Does.Not.StartWith("Engine local worker"), "the query's caller must not hold a worker thread");
        }
    }

    [Test]
    public async Task Pool_RunsEveryTaskOnThePool()
    {
        using var scheduler = Scheduler(LocalWorkerThreads.Pool);
        var reader = new RecordingReader(s_catalog.Value, failOn: null);
        await new QueryExecutor(s_catalog.Value, reader, scheduler).QueryAsync("SELECT count(*) FROM trades");

        Assert.That(reader.Threads.Select(t => t.Pool), Has.All.True);
    }

    [TestCase(LocalWorkerThreads.Pool)]
    [TestCase(LocalWorkerThreads.Dedicated)]
    public void FailedFragment_FailsTheQueryWithTheOriginalException(LocalWorkerThreads workerThreads)
    {
        using var scheduler = Scheduler(workerThreads);
        var partition = s_catalog.Value.TryGetTable("trades", out var table) ? table.Partitions[2].Id : throw new InvalidOperationException("no trades table");
        var reader = new RecordingReader(s_catalog.Value, failOn: partition);
        var engine = new QueryExecutor(s_catalog.Value, reader, scheduler);

        Assert.That(async () => await engine.QueryAsync("SELECT symbol, sum(volume) FROM trades GROUP BY symbol"),
            Throws.TypeOf<StorageException>().With.Message.Contain(partition));
    }

    [Test]
    public void Dedicated_AfterDispose_RefusesParallelQueries()
    {
        var scheduler = Scheduler(LocalWorkerThreads.Dedicated);
        var engine = new QueryExecutor(s_catalog.Value, s_catalog.Value, scheduler);
        scheduler.Dispose();

        Assert.That(async () => await engine.QueryAsync("SELECT count(*) FROM trades"), Throws.TypeOf<ObjectDisposedException>());
    }

    /// <summary>Records the thread each scan starts on, and fails the scans of one partition.</summary>
    private sealed class RecordingReader(IPartitionReader inner, string? failOn) : IPartitionReader
    {
        public ConcurrentQueue<(string? Name, bool Pool)> Threads { get; } = new();

        public IAsyncEnumerable<ColumnBatch> ReadAsync(PartitionScan scan, CancellationToken cancellationToken)
        {
            Threads.Enqueue((Thread.CurrentThread.Name, Thread.CurrentThread.IsThreadPoolThread));
            return scan.PartitionId == failOn
                ? throw new StorageException(scan.PartitionId, 1, "the disk is on fire")
                : inner.ReadAsync(scan, cancellationToken);
        }
    }
}
