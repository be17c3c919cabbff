using System.Runtime.CompilerServices;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Generators;
using Engine.Core.Storage;
using Engine.Storage.Catalog;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet.Writing;

namespace Engine.Tests.Storage.Catalog;

/// <summary>Partition streams fetch ahead of the consumer, never more than the configured depth, and stop cleanly.</summary>
public class PrefetchTests
{
    private static async Task<(GatedStore Store, HiveTableCatalog Catalog, PartitionScan Scan)> SixteenRowGroupsAsync(HiveCatalogOptions options)
    {
        var inner = new InMemoryObjectStore();
        var generated = new TradesGenerator(new TradesOptions { Rows = 16_000, Symbols = 1, BatchRows = 1_000 }).GeneratePartition(0);
        await ParquetFileWriter.WriteToObjectStoreAsync(inner, "t/part-0.parquet", TradesGenerator.Schema, generated.Batches, new ParquetWriterOptions { RowGroupRows = 1_000 });
        var store = new GatedStore(inner);
        var catalog = await HiveTableCatalog.OpenAsync(store, options: options);
        catalog.TryGetTable("t", out var table);
        var partition = table!.Partitions[0];
        store.Close();
        return (store, catalog, new PartitionScan("t", partition.Id, ["price", "volume"], 0, partition.RowCount));
    }

    [Test]
    public async Task SlowConsumer_NeverHasMoreThanTheDepthInFlight()
    {
        var (store, catalog, scan) = await SixteenRowGroupsAsync(new HiveCatalogOptions { PrefetchDepth = 3 });
        await using var stream = catalog.ReadAsync(scan, CancellationToken.None).GetAsyncEnumerator();
        var first = stream.MoveNextAsync();

        await store.WaitForStartedAsync(3);
        Assert.That(store.InFlight, Is.EqualTo(3), "three row groups requested ahead of a consumer that has taken nothing");

        store.Open();
        var rows = 0L;
        for (var more = await first; more; more = await stream.MoveNextAsync())
        {
            rows += stream.Current.RowCount;
        }

        Assert.That(rows, Is.EqualTo(16_000));
        Assert.That(store.MaxInFlight, Is.LessThanOrEqualTo(3));
    }

    [Test]
    public async Task ByteBudget_LimitsReadsAheadToWhatFits()
    {
        var (store, catalog, scan) = await SixteenRowGroupsAsync(new HiveCatalogOptions { PrefetchDepth = 8, PrefetchBytes = 1 });
        await using var stream = catalog.ReadAsync(scan, CancellationToken.None).GetAsyncEnumerator();
        var first = stream.MoveNextAsync();
        await store.WaitForStartedAsync(1);
        store.Open();
        for (var more = await first; more; more = await stream.MoveNextAsync())
        {
        }

        Assert.That(store.MaxInFlight, Is.EqualTo(1), "a one-byte budget still allows one group, never two");
    }

    [Test]
    public async Task ConsumerThatStops_LeavesNoReadInFlight()
    {
        var (store, catalog, scan) = await SixteenRowGroupsAsync(new HiveCatalogOptions { PrefetchDepth = 4 });
        var stream = catalog.ReadAsync(scan, CancellationToken.None).GetAsyncEnumerator();
        var first = stream.MoveNextAsync();
        await store.WaitForStartedAsync(4);

        store.Open();
        Assert.That(await first, Is.True);
        await stream.DisposeAsync();

        Assert.That(store.InFlight, Is.Zero);
        Assert.That(store.Started, Is.LessThan(16), "later row groups were never requested");
    }

    [Test]
    public async Task CancellationMidStream_CancelsTheReadsInFlight()
    {
        var (store, catalog, scan) = await SixteenRowGroupsAsync(new HiveCatalogOptions { PrefetchDepth = 4 });
        using var cancellation = new CancellationTokenSource();
        var stream = catalog.ReadAsync(scan, cancellation.Token).GetAsyncEnumerator(cancellation.Token);
        var first = stream.MoveNextAsync();
        await store.WaitForStartedAsync(4);

        await cancellation.CancelAsync();
        Assert.That(async () => await first, Throws.InstanceOf<OperationCanceledException>());
        await stream.DisposeAsync();
        Assert.That(store.InFlight, Is.Zero);
        Assert.That(store.Cancelled, Is.GreaterThanOrEqualTo(1));
    }

    /// <summary>An object store whose ranged reads wait on a gate, counting what is in flight.</summary>
    private sealed class GatedStore(IObjectStore inner) : IObjectStore
    {
        private readonly System.Threading.Channels.Channel<bool> _started = System.Threading.Channels.Channel.CreateUnbounded<bool>();
        private TaskCompletionSource? _gate;
        private int _inFlight;
        private int _maxInFlight;
        private int _startedCount;
        private int _cancelled;

        public int InFlight => Volatile.Read(ref _inFlight);

        public int MaxInFlight => Volatile.Read(ref _maxInFlight);

        public int Started => Volatile.Read(ref _startedCount);

        public int Cancelled => Volatile.Read(ref _cancelled);

        public ObjectStoreStatistics Statistics => inner.Statistics;

        /// <summary>From now on, reads wait until <see cref="Open"/>.</summary>
        public void Close() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Lets every waiting and future read through.</summary>
        public void Open() => _gate!.SetResult();

        /// <summary>Waits (bounded) until <paramref name="count"/> more gated reads have started.</summary>
        public async Task WaitForStartedAsync(int count)
        {
            for (var i = 0; i < count; i++)
            {
                await _started.Reader.ReadAsync().AsTask().WaitAsync(TimeSpan.FromMinutes(1));
            }
        }

        public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);

        public ValueTask<long> GetSizeAsync(string key, CancellationToken cancellationToken) => inner.GetSizeAsync(key, cancellationToken);

        public async ValueTask<int> ReadAsync(string key, long offset, Memory<byte> destination, CancellationToken cancellationToken)
        {
            if (_gate is not { } gate)
            {
                return await inner.ReadAsync(key, offset, destination, cancellationToken);
            }

            var now = Interlocked.Increment(ref _inFlight);
            InterlockedMax(ref _maxInFlight, now);
            Interlocked.Increment(ref _startedCount);
            _started.Writer.TryWrite(true);
            try
            {
                await gate.Task.WaitAsync(cancellationToken);
                return await inner.ReadAsync(key, offset, destination, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }
            finally
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        public ValueTask WriteAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.WriteAsync(key, content, cancellationToken);

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current)
            {
            }
        }
    }
}
