using Engine.Core.Catalog;
using Engine.Core.Generators;
using Engine.Storage.Buffers;
using Engine.Storage.Catalog;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Storage.Parquet.Writing;
using Engine.Tests.Support;

namespace Engine.Tests.Storage.S3;

/// <summary>Cancelling an S3 read aborts the request in flight: the handler sees no request left open and no pooled buffer stays rented.</summary>
[TestFixture]
public sealed class S3CancellationTests
{
    private S3TestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await S3TestServer.SharedAsync();

    [Test]
    public async Task ReadAsync_CancelledWhileTheBodyStalls_ThrowsAndLeavesNoRequestInFlight()
    {
        var options = _server.CreateOptions();
        using (var uploader = new S3ObjectStore(options))
        {
            await uploader.WriteAsync("big.bin", new byte[1 << 20], CancellationToken.None);
        }

        using var store = S3FaultInjectionTests.Create(options, (_, _) => S3Fault.StallBody, out var handler);
        using var cancellation = new CancellationTokenSource();
        var read = store.ReadAsync("big.bin", 0, new byte[1 << 20], cancellation.Token).AsTask();
        await handler().Stalled;
        Assert.That(handler().InFlight, Is.EqualTo(1));
        await cancellation.CancelAsync();
        Assert.That(async () => await read, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(handler().InFlight, Is.Zero);
        Assert.That(store.Statistics.Retries, Is.Zero);
    }

    [Test]
    public async Task ParquetRowGroupRead_CancelledMidRead_LeavesNoRequestInFlight()
    {
        var options = _server.CreateOptions();
        const string file = "parquet-testing/alltypes_tiny_pages.parquet";
        using (var uploader = new S3ObjectStore(options))
        {
            await uploader.WriteAsync(file, await File.ReadAllBytesAsync(Path.Combine(TestPaths.TestData, file)), CancellationToken.None);
        }

        var stall = false;
        using var store = S3FaultInjectionTests.Create(options, (_, _) => Volatile.Read(ref stall) ? S3Fault.StallBody : S3Fault.None, out var handler);
        var reader = await ParquetFileReader.OpenAsync(store, file);
        Volatile.Write(ref stall, true);
        using var cancellation = new CancellationTokenSource();
        var names = reader.Schema.Fields.Select(f => f.Name).ToList();
        var read = reader.ReadRowGroupAsync(0, names, cancellation.Token).AsTask();
        await handler().Stalled;
        await cancellation.CancelAsync();
        Assert.That(async () => await read, Throws.InstanceOf<OperationCanceledException>());
        Assert.That(handler().InFlight, Is.Zero);
    }

    [Test]
    public async Task ReadAsync_CancelledDuringBackoff_StopsRetrying()
    {
        var options = _server.CreateOptions();
        options.RetryBaseDelay = TimeSpan.FromMinutes(1);
        options.RetryMaxDelay = TimeSpan.FromMinutes(1);
        using var cancellation = new CancellationTokenSource();
        using var store = S3FaultInjectionTests.Create(
            options,
            (_, _) =>
            {
                // The injected 503 returns at once; the cancel then lands in the minute-long backoff.
                cancellation.CancelAfter(TimeSpan.FromMilliseconds(100));
                return S3Fault.ServiceUnavailable;
            },
            out var handler);
        Assert.That(async () => await store.ReadAsync("any.bin", 0, new byte[4], cancellation.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(handler().Requests, Is.EqualTo(1));
        Assert.That(handler().InFlight, Is.Zero);
    }

    [Test]
    public async Task CatalogScan_CancelledWhileRowGroupsStall_LeavesNoBufferRentedAndNoRequestInFlight()
    {
        var options = _server.CreateOptions();
        var generated = new TradesGenerator(new TradesOptions { Rows = 16_000, Symbols = 1, BatchRows = 1_000 }).GeneratePartition(0);
        using (var uploader = new S3ObjectStore(options))
        {
            await ParquetFileWriter.WriteToObjectStoreAsync(uploader, "t/part-0.parquet", TradesGenerator.Schema, generated.Batches, new ParquetWriterOptions { RowGroupRows = 1_000 });
        }

        // Discovery makes requests 1-3 (LIST, HEAD, footer GET); the first two row groups then decode, the rest stall.
        using var store = S3FaultInjectionTests.Create(options, (n, _) => n > 5 ? S3Fault.StallBody : S3Fault.None, out var handler);
        var catalog = await HiveTableCatalog.OpenAsync(store, options: new HiveCatalogOptions { PrefetchDepth = 4, FooterCache = null });
        catalog.TryGetTable("t", out var table);
        var partition = table!.Partitions[0];
        var scan = new PartitionScan("t", partition.Id, ["price", "volume", "symbol"], 0, partition.RowCount);
        using var cancellation = new CancellationTokenSource();
        var scanning = Task.Run(async () =>
        {
            await foreach (var batch in catalog.ReadAsync(scan, cancellation.Token))
            {
                Assert.That(batch.RowCount, Is.EqualTo(1_000));
            }
        });

        await handler().Stalled;
        await cancellation.CancelAsync();

        Assert.That(async () => await scanning, Throws.InstanceOf<OperationCanceledException>());
        Assert.That((PooledBuffers.Outstanding, handler().InFlight), Is.EqualTo((0L, 0)));
    }
}
