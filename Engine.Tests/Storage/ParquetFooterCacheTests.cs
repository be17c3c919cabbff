using Engine.Core.Generators;
using Engine.Core.Storage;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Storage.Parquet.Writing;

namespace Engine.Tests.Storage;

/// <summary>The footer cache keeps opened files per (store, key, ETag), bounded by count, least recently used first out.</summary>
public sealed class ParquetFooterCacheTests
{
    private string _root = null!;
    private FileSystemObjectStore _store = null!;

    [SetUp]
    public async Task WriteFiles()
    {
        _root = Path.Combine(Path.GetTempPath(), "engine-footers-" + Guid.NewGuid().ToString("N"));
        _store = new FileSystemObjectStore(Directory.CreateDirectory(_root).FullName);
        for (var i = 0; i < 3; i++)
        {
            await WriteAsync($"part-{i}.parquet", 10 * (i + 1));
        }
    }

    [TearDown]
    public void RemoveFiles() => Directory.Delete(_root, recursive: true);

    private Task<long> WriteAsync(string key, int rows)
    {
        var generated = new TradesGenerator(new TradesOptions { Rows = rows, Symbols = 1, BatchRows = rows }).GeneratePartition(0);
        return ParquetFileWriter.WriteToObjectStoreAsync(_store, key, TradesGenerator.Schema, generated.Batches, new ParquetWriterOptions());
    }

    private async Task<ObjectInfo> ListedAsync(string key)
    {
        await foreach (var info in _store.ListAsync(key, CancellationToken.None))
        {
            return info;
        }

        throw new AssertionException($"{key} is not listed");
    }

    [Test]
    public async Task OpenAsync_SameETagTwice_ReturnsTheCachedReader()
    {
        var cache = new ParquetFooterCache(4);
        var info = await ListedAsync("part-0.parquet");
        var first = await cache.OpenAsync(_store, info, null, CancellationToken.None);

        var second = await cache.OpenAsync(_store, info, null, CancellationToken.None);

        Assert.That((second, cache.Hits, cache.Misses), Is.EqualTo((first, 1L, 1L)));
    }

    [Test]
    public async Task OpenAsync_ObjectReplaced_ReadsTheNewFooter()
    {
        var cache = new ParquetFooterCache(4);
        await cache.OpenAsync(_store, await ListedAsync("part-0.parquet"), null, CancellationToken.None);
        await WriteAsync("part-0.parquet", 25);

        var reopened = await cache.OpenAsync(_store, await ListedAsync("part-0.parquet"), null, CancellationToken.None);

        Assert.That((reopened.RowCount, cache.Count), Is.EqualTo((25L, 1)));
    }

    [Test]
    public async Task OpenAsync_MoreFilesThanCapacity_EvictsTheLeastRecentlyUsed()
    {
        var cache = new ParquetFooterCache(2);
        var infos = new[] { await ListedAsync("part-0.parquet"), await ListedAsync("part-1.parquet"), await ListedAsync("part-2.parquet") };
        await cache.OpenAsync(_store, infos[0], null, CancellationToken.None);
        await cache.OpenAsync(_store, infos[1], null, CancellationToken.None);
        await cache.OpenAsync(_store, infos[0], null, CancellationToken.None);
        await cache.OpenAsync(_store, infos[2], null, CancellationToken.None);
        _store.Statistics.Reset();

        await cache.OpenAsync(_store, infos[0], null, CancellationToken.None);
        await cache.OpenAsync(_store, infos[1], null, CancellationToken.None);

        Assert.That((cache.Count, _store.Statistics.ReadRequests), Is.EqualTo((2, 1L)), "part-0 was used more recently than part-1, so part-1 was dropped");
    }

    [Test]
    public async Task OpenAsync_NoETag_IsNeverCached()
    {
        var cache = new ParquetFooterCache(4);
        var info = (await ListedAsync("part-0.parquet")) with { ETag = null };
        await cache.OpenAsync(_store, info, null, CancellationToken.None);
        _store.Statistics.Reset();

        await cache.OpenAsync(_store, info, null, CancellationToken.None);

        Assert.That((cache.Count, _store.Statistics.ReadRequests), Is.EqualTo((0, 1L)));
    }

    [Test]
    public async Task OpenAsync_OtherStoreOverTheSameFolder_ReadsItsOwnFooter()
    {
        var cache = new ParquetFooterCache(4);
        var info = await ListedAsync("part-0.parquet");
        await cache.OpenAsync(_store, info, null, CancellationToken.None);
        var other = new FileSystemObjectStore(_root);

        var reader = await cache.OpenAsync(other, info, null, CancellationToken.None);

        Assert.That((cache.Count, other.Statistics.ReadRequests, reader.RowCount), Is.EqualTo((2, 1L, 10L)));
    }
}
