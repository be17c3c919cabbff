using System.Runtime.CompilerServices;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Schedulers.Local;

namespace Engine.Tests.Schedulers;

/// <summary>Cancelling a query stops every fragment: the scan observes the cancellation and the query throws.</summary>
public class CancellationTests
{
    [TestCase(1, LocalWorkerThreads.Pool)]
    [TestCase(2, LocalWorkerThreads.Pool)]
    [TestCase(2, LocalWorkerThreads.Dedicated)]
    public async Task CancelDuringScan_StopsEveryReaderAndThrows(int threads, LocalWorkerThreads workerThreads)
    {
        var reader = new EndlessReader(partitions: 4);
        using var scheduler = new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = threads, SerialThresholdRows = 0, WorkerThreads = workerThreads });
        var engine = new QueryExecutor(reader, reader, scheduler);
        using var cancellation = new CancellationTokenSource();
        var query = engine.QueryAsync("SELECT count(*) FROM endless", cancellation.Token);

        await reader.FirstBatchRead.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await cancellation.CancelAsync();

        Assert.That(async () => await query, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(reader.StartedScans, Is.GreaterThanOrEqualTo(1), "a scan was running when the query was cancelled");
        Assert.That(reader.ActiveScans, Is.Zero, "every scan has ended: the executor or the reader noticed the cancellation and stopped pulling");
    }

    /// <summary>A table whose partitions claim many rows and yield batches until cancelled.</summary>
    private sealed class EndlessReader : ITableCatalog, IPartitionReader
    {
        private static readonly Schema s_schema = new([new Field("x", DataType.Int64)]);
        private readonly TableInfo _table;
        private int _active;
        private int _started;

        public EndlessReader(int partitions)
        {
            var infos = Enumerable.Range(0, partitions)
                .Select(p => new PartitionInfo($"endless/{p}", new Dictionary<string, ScalarValue>(), long.MaxValue / 8,
                    [new PartitionChunk(0, long.MaxValue / 8, new Dictionary<string, ColumnStatistics>())]))
                .ToArray();
            _table = new TableInfo("endless", s_schema, infos, null);
        }

        public TaskCompletionSource FirstBatchRead { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int ActiveScans => Volatile.Read(ref _active);

        public int StartedScans => Volatile.Read(ref _started);

        public IReadOnlyList<string> TableNames => ["endless"];

        public bool TryGetTable(string name, out TableInfo table)
        {
            table = _table;
            return name == "endless";
        }

        public async IAsyncEnumerable<ColumnBatch> ReadAsync(PartitionScan scan, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _active);
            Interlocked.Increment(ref _started);
            try
            {
                var columns = scan.Columns.Select(_ => (Column)new Int64Column(new long[1024])).ToArray();
                var batch = new ColumnBatch(new Schema(scan.Columns.Select(c => new Field(c, DataType.Int64)).ToArray()), columns, 1024);
                while (true)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    yield return batch;
                    FirstBatchRead.TrySetResult();
                    await Task.Yield();
                }
            }
            finally
            {
                Interlocked.Decrement(ref _active);
            }
        }
    }
}
