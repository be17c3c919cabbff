using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Engine.Core.Errors;
using Engine.Core.Storage;
using Engine.Storage.ObjectStores;
using S3Location = Engine.Storage.ObjectStores.S3Location;

namespace Engine.Tests.Storage.S3;

/// <summary>S3-specific behaviour of <see cref="S3ObjectStore"/> against s3rver (the shared contract is in ObjectStoreTests).</summary>
[TestFixture]
public sealed class S3ObjectStoreTests
{
    private S3TestServer _server = null!;

    [OneTimeSetUp]
    public async Task StartServer() => _server = await S3TestServer.SharedAsync();

    [Test]
    public async Task WriteAsync_EveryByteValueInALargeObject_RoundTripsExactly()
    {
        using var store = new S3ObjectStore(_server.CreateOptions());
        var content = new byte[(1 << 20) + 7];
        new Random(5).NextBytes(content);
        for (var i = 0; i < 256; i++)
        {
            content[i] = (byte)i;
        }

        await store.WriteAsync("big.bin", content, CancellationToken.None);
        var back = new byte[content.Length];
        Assert.That(await store.ReadAsync("big.bin", 0, back, CancellationToken.None), Is.EqualTo(content.Length));
        Assert.That(back.AsSpan().SequenceEqual(content), Is.True);
        Assert.That(await store.GetSizeAsync("big.bin", CancellationToken.None), Is.EqualTo(content.Length));
    }

    [Test]
    public async Task WriteAsync_SliceOfALargerArray_StoresOnlyTheSlice()
    {
        using var store = new S3ObjectStore(_server.CreateOptions());
        var array = new byte[] { 9, 9, 1, 2, 3, 9 };
        await store.WriteAsync("slice.bin", array.AsMemory(2, 3), CancellationToken.None);
        var back = new byte[8];
        Assert.That(await store.ReadAsync("slice.bin", 0, back, CancellationToken.None), Is.EqualTo(3));
        Assert.That(back[..3], Is.EqualTo(new byte[] { 1, 2, 3 }));
    }

    [Test]
    public async Task ReadAsync_RangeInTheMiddle_FetchesOnlyThatRange()
    {
        using var store = new S3ObjectStore(_server.CreateOptions());
        var content = Enumerable.Range(0, 1000).Select(i => (byte)(i * 7)).ToArray();
        await store.WriteAsync("r.bin", content, CancellationToken.None);
        store.Statistics.Reset();
        var back = new byte[100];
        await store.ReadAsync("r.bin", 450, back, CancellationToken.None);
        Assert.That(back, Is.EqualTo(content[450..550]));
        Assert.That(store.Statistics.BytesRead, Is.EqualTo(100));
    }

    [Test]
    public async Task ListAsync_MoreObjectsThanOnePage_PagesThroughAll()
    {
        var options = _server.CreateOptions();
        options.ListPageSize = 2;
        using var store = new S3ObjectStore(options);
        for (var i = 0; i < 5; i++)
        {
            await store.WriteAsync($"t/part-{i}.parquet", new byte[i + 1], CancellationToken.None);
        }

        store.Statistics.Reset();
        var listed = await ListAsync(store, "t/");
        Assert.That(listed.Select(o => o.Key), Is.EqualTo(Enumerable.Range(0, 5).Select(i => $"t/part-{i}.parquet")));
        Assert.That(listed.Select(o => o.Size), Is.EqualTo(new long[] { 1, 2, 3, 4, 5 }));
        Assert.That(store.Statistics.ListRequests, Is.EqualTo(3));
    }

    [Test]
    public async Task ListAsync_StoresWithDifferentPrefixes_SeeOnlyTheirOwnObjects()
    {
        using var first = new S3ObjectStore(_server.CreateOptions());
        using var second = new S3ObjectStore(_server.CreateOptions());
        await first.WriteAsync("a.bin", new byte[1], CancellationToken.None);
        await second.WriteAsync("b.bin", new byte[2], CancellationToken.None);
        Assert.That((await ListAsync(first, "")).Select(o => (o.Key, o.Size)), Is.EqualTo(new[] { ("a.bin", 1L) }));
        Assert.That((await ListAsync(second, "")).Select(o => (o.Key, o.Size)), Is.EqualTo(new[] { ("b.bin", 2L) }));
    }

    [Test]
    public async Task ListAsync_FolderMarker_IsSkipped()
    {
        var options = _server.CreateOptions();
        using var store = new S3ObjectStore(options);
        await store.WriteAsync("t/x.bin", new byte[1], CancellationToken.None);
        using var client = new AmazonS3Client(
            new BasicAWSCredentials(S3TestServer.AccessKey, S3TestServer.AccessKey),
            new AmazonS3Config { ServiceURL = _server.ServiceUrl, ForcePathStyle = true, AuthenticationRegion = "us-east-1" });
        await client.PutObjectAsync(new PutObjectRequest { BucketName = S3TestServer.Bucket, Key = options.Prefix + "t/folder/", ContentBody = string.Empty, UseChunkEncoding = false });
        Assert.That((await ListAsync(store, "t/")).Select(o => (o.Key, o.Size)), Is.EqualTo(new[] { ("t/x.bin", 1L) }));
    }

    [Test]
    public async Task ReadAsync_MissingObject_FailsAtOnceNamingKeyAndStatus()
    {
        using var store = new S3ObjectStore(_server.CreateOptions());
        var error = Assert.ThrowsAsync<StorageException>(async () => await store.ReadAsync("no/such.parquet", 0, new byte[4], CancellationToken.None));
        Assert.Multiple(() =>
        {
            Assert.That(error!.Key, Is.EqualTo("no/such.parquet"));
            Assert.That(error.Attempts, Is.EqualTo(1));
            Assert.That(error.Message, Does.Contain("HTTP 404").And.Contain("does not exist"));
            Assert.That(store.Statistics.Retries, Is.Zero);
        });
    }

    [Test]
    public void GetSizeAsync_MissingObject_FailsWithHttp404()
    {
        using var store = new S3ObjectStore(_server.CreateOptions());
        var error = Assert.ThrowsAsync<StorageException>(async () => await store.GetSizeAsync("gone.bin", CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("HEAD").And.Contain("404"));
    }

    [Test]
    public void ReadAsync_EmptyDestinationOnMissingObject_StillFails()
    {
        using var store = new S3ObjectStore(_server.CreateOptions());
        Assert.ThrowsAsync<StorageException>(async () => await store.ReadAsync("gone.bin", 0, Memory<byte>.Empty, CancellationToken.None));
    }

    [Test]
    public async Task GetSizeAsync_ExistingObject_CountsOneHeadRequest()
    {
        using var store = new S3ObjectStore(_server.CreateOptions());
        await store.WriteAsync("h.bin", new byte[12], CancellationToken.None);
        store.Statistics.Reset();
        await store.GetSizeAsync("h.bin", CancellationToken.None);
        Assert.That(store.Statistics.HeadRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task Store_OptionsFromEnvironmentVariables_ReachesTheServer()
    {
        var variables = new Dictionary<string, string>
        {
            ["AWS_ENDPOINT_URL_S3"] = _server.ServiceUrl,
            ["AWS_ACCESS_KEY_ID"] = S3TestServer.AccessKey,
            ["AWS_SECRET_ACCESS_KEY"] = S3TestServer.AccessKey,
            ["AWS_REGION"] = "us-east-1",
        };
        var location = S3Location.Parse($"s3://{S3TestServer.Bucket}/env-{Guid.NewGuid():N}");
        using var store = new S3ObjectStore(S3StorageOptions.FromEnvironment(location, variables.GetValueOrDefault));
        await store.WriteAsync("e.bin", new byte[] { 4, 2 }, CancellationToken.None);
        Assert.That(await store.GetSizeAsync("e.bin", CancellationToken.None), Is.EqualTo(2));
    }

    private static async Task<List<ObjectInfo>> ListAsync(S3ObjectStore store, string prefix)
    {
        var listed = new List<ObjectInfo>();
        await foreach (var info in store.ListAsync(prefix, CancellationToken.None))
        {
            listed.Add(info);
        }

        return listed;
    }
}
