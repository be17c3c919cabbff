using Engine.Core.Errors;
using Engine.Core.Storage;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Tests.Support;

namespace Engine.Tests.Storage.S3;

/// <summary>
/// Faults injected between the S3 client and s3rver by <see cref="FaultInjectingHandler"/>: transient ones are
/// retried and counted, permanent ones fail at once with the key, the status and the attempts.
/// </summary>
[TestFixture]
public sealed class S3FaultInjectionTests
{
    private S3TestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await S3TestServer.SharedAsync();

    /// <summary>Corpus files with several columns, row groups or pages: enough requests for a fifth of them to fail often.</summary>
    private static readonly string[] s_faultFiles =
    [
        "parquet-testing/alltypes_plain.parquet",
        "parquet-testing/alltypes_dictionary.parquet",
        "parquet-testing/alltypes_plain.snappy.parquet",
        "parquet-testing/datapage_v1-snappy-compressed-checksum.parquet",
        "parquet-testing/int32_with_null_pages.parquet",
        "parquet-testing/delta_encoding_optional_column.parquet",
        "parquet-testing/byte_stream_split.zstd.parquet",
        "parquet-extra/signs.parquet",
        "parquet-extra/bug4442.parquet",
        "parquet-extra/date_stats.parquet",
    ];

    [Test]
    public async Task ParquetCorpus_EveryFifthRequestAnswered503_ReadsEqualLocalDiskAndCountsRetries()
    {
        var options = _server.CreateOptions();
        var files = s_faultFiles;
        using (var uploader = new S3ObjectStore(options))
        {
            foreach (var file in files)
            {
                await uploader.WriteAsync(file, await File.ReadAllBytesAsync(Path.Combine(TestPaths.TestData, file)), CancellationToken.None);
            }
        }

        var local = new FileSystemObjectStore(TestPaths.TestData);
        using var faulty = Create(options, (n, _) => n % 5 == 0 ? S3Fault.ServiceUnavailable : S3Fault.None, out var handler);
        foreach (var file in files)
        {
            var expected = await ParquetSnapshot.ReadAsync(local, file);
            Assert.That(ParquetSnapshot.FirstDifference(expected, await ParquetSnapshot.ReadAsync(faulty, file)), Is.Null, file);
        }

        Assert.That(handler().InjectedFaults, Is.EqualTo(handler().Requests / 5));
        Assert.That(faulty.Statistics.Retries, Is.EqualTo(handler().InjectedFaults));
        Assert.That(handler().InjectedFaults, Is.GreaterThanOrEqualTo(5));
    }

    [TestCase(S3Fault.ResetMidBody)]
    [TestCase(S3Fault.TruncateBody)]
    public async Task ReadAsync_BodyBrokenOnFirstAttempt_IsRetriedAndReturnsExactBytes(S3Fault fault)
    {
        var options = _server.CreateOptions();
        var content = Enumerable.Range(0, 10_000).Select(i => (byte)(i % 251)).ToArray();
        await UploadAsync(options, "o.bin", content);
        using var store = Create(options, (n, _) => n == 1 ? fault : S3Fault.None, out var handler);
        var back = new byte[content.Length];
        Assert.That(await store.ReadAsync("o.bin", 0, back, CancellationToken.None), Is.EqualTo(content.Length));
        Assert.Multiple(() =>
        {
            Assert.That(back, Is.EqualTo(content));
            Assert.That(handler().InjectedFaults, Is.EqualTo(1));
            Assert.That(store.Statistics.Retries, Is.EqualTo(1));
            Assert.That(store.Statistics.BytesRead, Is.EqualTo(content.Length));
            Assert.That(handler().InFlight, Is.Zero);
        });
    }

    [Test]
    public async Task ReadAsync_ServerIgnoresTheRange_SkipsToTheOffset()
    {
        var options = _server.CreateOptions();
        var content = Enumerable.Range(0, 300_000).Select(i => (byte)(i % 253)).ToArray();
        await UploadAsync(options, "whole.bin", content);
        using var store = Create(options, (_, _) => S3Fault.DropRange, out var handler);
        var back = new byte[1000];
        Assert.That(await store.ReadAsync("whole.bin", 123_456, back, CancellationToken.None), Is.EqualTo(back.Length));
        Assert.That(back, Is.EqualTo(content[123_456..124_456]));
        Assert.That(handler().InjectedFaults, Is.EqualTo(1));
        Assert.That(await store.ReadAsync("whole.bin", 299_500, back, CancellationToken.None), Is.EqualTo(500));
        Assert.That(back[..500], Is.EqualTo(content[299_500..]));
    }

    [Test]
    public async Task ReadAsync_AlwaysSlowDown_GivesUpAfterMaxAttemptsNamingStatus()
    {
        var options = _server.CreateOptions();
        await UploadAsync(options, "s.bin", new byte[10]);
        using var store = Create(options, (_, _) => S3Fault.ServiceUnavailable, out var handler);
        var error = Assert.ThrowsAsync<StorageException>(async () => await store.ReadAsync("s.bin", 0, new byte[10], CancellationToken.None));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Key, Is.EqualTo("s.bin"));
            Assert.That(error.Attempts, Is.EqualTo(4));
            Assert.That(error.Message, Does.Contain("HTTP 503 SlowDown"));
            Assert.That(handler().Requests, Is.EqualTo(4));
            Assert.That(store.Statistics.Retries, Is.EqualTo(3));
        });
    }

    [Test]
    public async Task ReadAsync_ConfiguredAttempts_AreHonoured()
    {
        var options = _server.CreateOptions();
        options.MaxAttempts = 2;
        await UploadAsync(options, "s.bin", new byte[10]);
        using var store = Create(options, (_, _) => S3Fault.ServiceUnavailable, out var handler);
        var error = Assert.ThrowsAsync<StorageException>(async () => await store.ReadAsync("s.bin", 0, new byte[10], CancellationToken.None));
        Assert.That(error!.Attempts, Is.EqualTo(2));
        Assert.That(handler().Requests, Is.EqualTo(2));
    }

    [Test]
    public void ReadAsync_MissingObject_FailsAtOnceWithoutRetry()
    {
        using var store = Create(_server.CreateOptions(), (_, _) => S3Fault.None, out var handler);
        var error = Assert.ThrowsAsync<StorageException>(async () => await store.ReadAsync("missing/part-0.parquet", 0, new byte[8], CancellationToken.None));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Key, Is.EqualTo("missing/part-0.parquet"));
            Assert.That(error.Message, Does.Contain("404"));
            Assert.That(error.Attempts, Is.EqualTo(1));
            Assert.That(handler().Requests, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task GetSizeAsync_AccessDenied_FailsAtOnceNamingStatus()
    {
        var options = _server.CreateOptions();
        await UploadAsync(options, "d.bin", new byte[3]);
        using var store = Create(options, (_, _) => S3Fault.Forbidden, out var handler);
        var error = Assert.ThrowsAsync<StorageException>(async () => await store.GetSizeAsync("d.bin", CancellationToken.None));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Key, Is.EqualTo("d.bin"));
            Assert.That(error.Message, Does.Contain("HTTP 403"));
            Assert.That(error.Attempts, Is.EqualTo(1));
            Assert.That(handler().Requests, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task ListAsync_OnePageAnswered503_RetriesThatPage()
    {
        var options = _server.CreateOptions();
        options.ListPageSize = 1;
        await UploadAsync(options, "l/a.bin", new byte[1]);
        await UploadAsync(options, "l/b.bin", new byte[1]);
        using var store = Create(options, (n, _) => n == 2 ? S3Fault.ServiceUnavailable : S3Fault.None, out _);
        var keys = new List<string>();
        await foreach (var info in store.ListAsync("l/", CancellationToken.None))
        {
            keys.Add(info.Key);
        }

        Assert.That(keys, Is.EqualTo(new[] { "l/a.bin", "l/b.bin" }));
        Assert.That(store.Statistics.Retries, Is.EqualTo(1));
    }

    [Test]
    public async Task WriteAsync_FirstPutAnswered503_IsResentWhole()
    {
        var options = _server.CreateOptions();
        var content = Enumerable.Range(0, 70_000).Select(i => (byte)(i * 31)).ToArray();
        using (var store = Create(options, (n, _) => n == 1 ? S3Fault.ServiceUnavailable : S3Fault.None, out _))
        {
            await store.WriteAsync("w.bin", content, CancellationToken.None);
            Assert.That(store.Statistics.Retries, Is.EqualTo(1));
        }

        using var reader = new S3ObjectStore(options);
        var back = new byte[content.Length];
        Assert.That(await reader.ReadAsync("w.bin", 0, back, CancellationToken.None), Is.EqualTo(content.Length));
        Assert.That(back, Is.EqualTo(content));
    }

    [Test]
    public async Task ReadAsync_AttemptOutlivesItsTimeout_IsRetried()
    {
        var options = _server.CreateOptions();
        options.RequestTimeout = TimeSpan.FromMilliseconds(300);
        var content = Enumerable.Range(0, 4096).Select(i => (byte)i).ToArray();
        await UploadAsync(options, "t.bin", content);
        using var store = Create(options, (n, _) => n == 1 ? S3Fault.StallBody : S3Fault.None, out var handler);
        var back = new byte[content.Length];
        Assert.That(await store.ReadAsync("t.bin", 0, back, CancellationToken.None), Is.EqualTo(content.Length));
        Assert.That(back, Is.EqualTo(content));
        Assert.That(store.Statistics.Retries, Is.EqualTo(1));
        Assert.That(handler().InFlight, Is.Zero);
    }

    [Test]
    public async Task OpenAsync_TruncatedParquetObject_ThrowsCorruptDataException()
    {
        var options = _server.CreateOptions();
        var file = await File.ReadAllBytesAsync(Path.Combine(TestPaths.TestData, "parquet-testing", "alltypes_plain.parquet"));
        await UploadAsync(options, "cut.parquet", file[..(file.Length / 2)]);
        using var store = new S3ObjectStore(options);
        var error = Assert.ThrowsAsync<CorruptDataException>(async () => await ParquetFileReader.OpenAsync(store, "cut.parquet"));
        Assert.That(error!.ObjectName, Is.EqualTo("cut.parquet"));
    }

    /// <summary>A store whose HTTP pipeline runs through a new <see cref="FaultInjectingHandler"/> (created with the SDK's HTTP client).</summary>
    internal static S3ObjectStore Create(S3StorageOptions options, Func<int, HttpRequestMessage, S3Fault> plan, out Func<FaultInjectingHandler> handler)
    {
        FaultInjectingHandler? created = null;
        var store = new S3ObjectStore(options, inner => created = new FaultInjectingHandler(inner, plan));
        handler = () => created ?? throw new InvalidOperationException("The store has not sent a request yet.");
        return store;
    }

    private static async Task UploadAsync(S3StorageOptions options, string key, byte[] content)
    {
        using var store = new S3ObjectStore(options);
        await store.WriteAsync(key, content, CancellationToken.None);
    }
}
