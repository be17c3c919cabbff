using Engine.Core.Generators;
using Engine.Storage.Catalog;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Storage.Parquet.Writing;

namespace Engine.Tests.Storage.S3;

/// <summary>Rediscovering an S3 store (s3rver on loopback) reads footers only of new or replaced objects.</summary>
[NonParallelizable]
public sealed class S3FooterCacheTests
{
    private S3TestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await S3TestServer.SharedAsync();

    private static Task<long> WriteAsync(S3ObjectStore store, string key, int rows)
    {
        var generated = new TradesGenerator(new TradesOptions { Rows = rows, Symbols = 1, BatchRows = rows }).GeneratePartition(0);
        return ParquetFileWriter.WriteToObjectStoreAsync(store, key, TradesGenerator.Schema, generated.Batches, new ParquetWriterOptions());
    }

    private static async Task<S3ObjectStore> ThreeFilesAsync(S3TestServer server)
    {
        var store = new S3ObjectStore(server.CreateOptions());
        for (var i = 0; i < 3; i++)
        {
            await WriteAsync(store, $"t/part-{i}.parquet", 100 * (i + 1));
        }

        return store;
    }

    [Test]
    public async Task SecondDiscovery_UnchangedObjects_MakesOnlyTheList()
    {
        using var store = await ThreeFilesAsync(_server);
        var options = new HiveCatalogOptions { FooterCache = new ParquetFooterCache(16) };
        await HiveTableCatalog.OpenAsync(store, options: options);
        store.Statistics.Reset();

        var second = await HiveTableCatalog.OpenAsync(store, options: options);

        second.TryGetTable("t", out var table);
        Assert.That(table!.Partitions.Sum(p => p.RowCount), Is.EqualTo(600));
        Assert.That(
            (store.Statistics.ReadRequests, store.Statistics.HeadRequests, store.Statistics.ListRequests),
            Is.EqualTo((0L, 0L, 1L)));
    }

    [Test]
    public async Task SecondDiscovery_ReplacedObject_ReadsItsFooterAgain()
    {
        using var store = await ThreeFilesAsync(_server);
        var options = new HiveCatalogOptions { FooterCache = new ParquetFooterCache(16) };
        await HiveTableCatalog.OpenAsync(store, options: options);
        await WriteAsync(store, "t/part-1.parquet", 250);
        store.Statistics.Reset();

        var second = await HiveTableCatalog.OpenAsync(store, options: options);

        second.TryGetTable("t", out var table);
        Assert.That(table!.Partitions.Select(p => p.RowCount), Is.EqualTo(new long[] { 100, 250, 300 }));
        Assert.That((store.Statistics.ReadRequests, store.Statistics.HeadRequests), Is.EqualTo((1L, 1L)), "one footer read (and its HEAD) for the replaced file only");
    }
}
