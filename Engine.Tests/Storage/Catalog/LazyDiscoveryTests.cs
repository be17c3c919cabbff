using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Core.Storage;
using Engine.Schedulers.Local;
using Engine.Storage.Catalog;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet.Writing;

namespace Engine.Tests.Storage.Catalog;

/// <summary>A catalog made with <see cref="HiveTableCatalog.Create"/> discovers its tables on first use, once, and retries a failed discovery.</summary>
public class LazyDiscoveryTests
{
    private static async Task<InMemoryObjectStore> StoreWithOneTableAsync()
    {
        var store = new InMemoryObjectStore();
        var schema = new Schema([new Field("x", DataType.Int64)]);
        await ParquetFileWriter.WriteToObjectStoreAsync(store, "t/part-0.parquet", schema, [new ColumnBatch(schema, [new Int64Column([1, 2, 3])], 3)]);
        return store;
    }

    private static QueryExecutor Engine(HiveTableCatalog catalog) =>
        new(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 1 }));

    [Test]
    public async Task Create_ListsNothingUntilATableIsAskedFor()
    {
        var store = await StoreWithOneTableAsync();

        var catalog = HiveTableCatalog.Create(store, options: new HiveCatalogOptions { FooterCache = null });

        Assert.That(store.Statistics.ListRequests, Is.Zero);
        Assert.That(catalog.TableNames, Is.Empty);
    }

    [Test]
    public async Task FirstQuery_DiscoversTheStoreOnce()
    {
        var store = await StoreWithOneTableAsync();
        var engine = Engine(HiveTableCatalog.Create(store, options: new HiveCatalogOptions { FooterCache = null }));

        var first = await engine.QueryAsync("SELECT sum(x) FROM t");
        var second = await engine.QueryAsync("SELECT count(*) FROM t");

        Assert.That(first.GetValue(0, 0).Int64Value, Is.EqualTo(6));
        Assert.That(second.GetValue(0, 0).Int64Value, Is.EqualTo(3));
        Assert.That(store.Statistics.ListRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task UnknownTable_AfterDiscovery_IsABindErrorListingTheKnownTables()
    {
        var engine = Engine(HiveTableCatalog.Create(await StoreWithOneTableAsync()));

        var error = Assert.ThrowsAsync<QueryBindException>(() => engine.QueryAsync("SELECT count(*) FROM nope"));

        Assert.That(error!.Message, Does.Contain("Table 'nope' does not exist (known tables: t)"));
    }

    [Test]
    public async Task FailedDiscovery_IsRetriedByTheNextQuery()
    {
        var store = new FailingFirstListStore(await StoreWithOneTableAsync());
        var engine = Engine(HiveTableCatalog.Create(store, options: new HiveCatalogOptions { FooterCache = null }));

        Assert.ThrowsAsync<StorageException>(() => engine.QueryAsync("SELECT count(*) FROM t"));
        var result = await engine.QueryAsync("SELECT count(*) FROM t");

        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(3));
    }

    [Test]
    public async Task PartitionRead_BeforeAnyQuery_DiscoversFirst()
    {
        var catalog = HiveTableCatalog.Create(await StoreWithOneTableAsync(), options: new HiveCatalogOptions { FooterCache = null });
        var rows = 0;

        await foreach (var batch in catalog.ReadAsync(new PartitionScan("t", "t/part-0.parquet", ["x"], 0, 3), CancellationToken.None))
        {
            rows += batch.RowCount;
        }

        Assert.That(rows, Is.EqualTo(3));
    }

    private sealed class FailingFirstListStore(IObjectStore inner) : IObjectStore
    {
        private int _lists;

        public ObjectStoreStatistics Statistics => inner.Statistics;

        public IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, CancellationToken cancellationToken) =>
            Interlocked.Increment(ref _lists) == 1 ? throw new StorageException(prefix, 1, "the store is unavailable") : inner.ListAsync(prefix, cancellationToken);

        public ValueTask<long> GetSizeAsync(string key, CancellationToken cancellationToken) => inner.GetSizeAsync(key, cancellationToken);

        public ValueTask<int> ReadAsync(string key, long offset, Memory<byte> destination, CancellationToken cancellationToken) =>
            inner.ReadAsync(key, offset, destination, cancellationToken);

        public ValueTask WriteAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken) => inner.WriteAsync(key, content, cancellationToken);
    }
}
