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
    public async Task Dedicated_QueryStartedDuringAnother_RunsBetweenItsTasks()
    {
        var catalog = new InMemoryCatalog();
        TradesGenerator.RegisterTrades(catalog, new TradesOptions { Rows = 40 * 500, Symbols = 40, BatchRows = 500 }, "big");
        TradesGenerator.RegisterTrades(catalog, new TradesOptions { Rows = 2 * 500, Symbols = 2, BatchRows = 500 }, "small");
        using var scheduler = Scheduler(LocalWorkerThreads.Dedicated);
        using var reader = new InterleavingReader(catalog);
        var engine = new QueryExecutor(catalog, reader, scheduler);
        reader.StartSmall = () => engine.QueryAsync("SELECT count(*) FROM small");

        await engine.QueryAsync("SELECT count(*) FROM big");
        var small = await reader.Small!;

        Assert.That(small.GetValue(0, 0).Int64Value, Is.EqualTo(1_000));
        Assert.That(reader.BigScansSeenBySmall, Has.Count.EqualTo(2));
        Assert.That(reader.BigScansSeenBySmall, Has.All.LessThan(40), "the small query ran while the big one still had tasks left");
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

    /// <summary>
    /// Starts the "small" query from within the first scan of "big" (other scans of "big" wait until it is
    /// queued), and records how far "big" had got when each scan of "small" started.
    /// </summary>
    private sealed class InterleavingReader(IPartitionReader inner) : IPartitionReader, IDisposable
    {
        private readonly ManualResetEventSlim _smallQueued = new(false);
        private int _bigScans;

        public Func<Task<QueryResult>>? StartSmall { get; set; }

        public Task<QueryResult>? Small { get; private set; }

        public ConcurrentQueue<int> BigScansSeenBySmall { get; } = new();

        public IAsyncEnumerable<ColumnBatch> ReadAsync(PartitionScan scan, CancellationToken cancellationToken)
        {
            if (scan.Table == "big")
            {
                if (Interlocked.Increment(ref _bigScans) == 1)
                {
                    Small = StartSmall!();
                    _smallQueued.Set();
                }
                else
                {
                    _smallQueued.Wait(cancellationToken);
                }
            }
            else
            {
                BigScansSeenBySmall.Enqueue(Volatile.Read(ref _bigScans));
            }

            return inner.ReadAsync(scan, cancellationToken);
        }

        public void Dispose() => _smallQueued.Dispose();
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
