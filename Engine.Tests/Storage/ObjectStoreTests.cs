using Engine.Core.Errors;
using Engine.Core.Storage;
using Engine.Storage.ObjectStores;
using Engine.Tests.Storage.S3;

namespace Engine.Tests.Storage;

/// <summary>One contract suite run against every object store implementation.</summary>
[TestFixture(typeof(InMemoryObjectStore))]
[TestFixture(typeof(FileSystemObjectStore))]
[TestFixture(typeof(S3ObjectStore))]
public sealed class ObjectStoreTests<TStore>
    where TStore : IObjectStore
{
    private string? _root;
    private IObjectStore _store = null!;

    [SetUp]
    public async Task SetUp()
    {
        if (typeof(TStore) == typeof(S3ObjectStore))
        {
            _store = new S3ObjectStore((await S3TestServer.SharedAsync()).CreateOptions());
        }
        else if (typeof(TStore) == typeof(FileSystemObjectStore))
        {
            _root = Path.Combine(Path.GetTempPath(), "engine-store-" + Guid.NewGuid().ToString("N"));
            _store = new FileSystemObjectStore(_root);
        }
        else
        {
            _store = new InMemoryObjectStore();
        }
    }

    [TearDown]
    public void TearDown()
    {
        (_store as IDisposable)?.Dispose();
        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Test]
    public async Task ReadAsync_RangeInsideObject_ReturnsThoseBytes()
    {
        await _store.WriteAsync("t/a.bin", new byte[] { 0, 1, 2, 3, 4, 5, 6, 7 }, CancellationToken.None);
        var buffer = new byte[3];
        var read = await _store.ReadAsync("t/a.bin", 2, buffer, CancellationToken.None);
        Assert.That(read, Is.EqualTo(3));
        Assert.That(buffer, Is.EqualTo(new byte[] { 2, 3, 4 }));
    }

    [Test]
    public async Task ReadAsync_RangePastEnd_ReturnsOnlyTheRemainingBytes()
    {
        await _store.WriteAsync("a.bin", new byte[] { 9, 8, 7 }, CancellationToken.None);
        var buffer = new byte[10];
        Assert.That(await _store.ReadAsync("a.bin", 1, buffer, CancellationToken.None), Is.EqualTo(2));
        Assert.That(await _store.ReadAsync("a.bin", 5, buffer, CancellationToken.None), Is.Zero);
    }

    [Test]
    public async Task Statistics_AfterReads_CountRequestsAndBytes()
    {
        await _store.WriteAsync("a.bin", new byte[100], CancellationToken.None);
        _store.Statistics.Reset();
        await _store.ReadAsync("a.bin", 0, new byte[10], CancellationToken.None);
        await _store.ReadAsync("a.bin", 95, new byte[10], CancellationToken.None);
        Assert.That(_store.Statistics.ReadRequests, Is.EqualTo(2));
        Assert.That(_store.Statistics.BytesRead, Is.EqualTo(15));
    }

    [Test]
    public async Task ListAsync_Prefix_ReturnsMatchingKeysInOrderWithSizes()
    {
        await _store.WriteAsync("t/b=2/x.parquet", new byte[2], CancellationToken.None);
        await _store.WriteAsync("t/b=1/x.parquet", new byte[1], CancellationToken.None);
        await _store.WriteAsync("u/x.parquet", new byte[3], CancellationToken.None);
        var listed = new List<ObjectInfo>();
        await foreach (var info in _store.ListAsync("t/", CancellationToken.None))
        {
            listed.Add(info);
        }

        Assert.That(listed.Select(o => (o.Key, o.Size)), Is.EqualTo(new[] { ("t/b=1/x.parquet", 1L), ("t/b=2/x.parquet", 2L) }));
    }

    [Test]
    public async Task GetSizeAsync_WrittenObject_ReturnsItsLength()
    {
        await _store.WriteAsync("s.bin", new byte[42], CancellationToken.None);
        Assert.That(await _store.GetSizeAsync("s.bin", CancellationToken.None), Is.EqualTo(42));
    }

    [Test]
    public void GetSizeAsync_MissingObject_ThrowsStorageExceptionNamingKey()
    {
        var error = Assert.ThrowsAsync<StorageException>(async () => await _store.GetSizeAsync("missing.bin", CancellationToken.None));
        Assert.That(error!.Key, Is.EqualTo("missing.bin"));
    }

    [TestCase("../escape.bin")]
    [TestCase("a/../../escape.bin")]
    [TestCase("/etc/passwd")]
    [TestCase("a\\..\\b")]
    [TestCase("a//b")]
    [TestCase("./a")]
    [TestCase("")]
    public void WriteAsync_KeyThatCouldEscapeRoot_IsRejected(string key)
    {
        var error = Assert.ThrowsAsync<StorageException>(async () => await _store.WriteAsync(key, new byte[1], CancellationToken.None));
        Assert.That(error!.Message, Does.Contain("invalid object key"));
    }

    [TestCase("../escape.bin")]
    [TestCase("/etc/passwd")]
    public void ReadAsync_KeyThatCouldEscapeRoot_IsRejected(string key)
    {
        Assert.ThrowsAsync<StorageException>(async () => await _store.ReadAsync(key, 0, new byte[1], CancellationToken.None));
    }

    [Test]
    public async Task WriteAsync_ExistingKey_ReplacesContent()
    {
        await _store.WriteAsync("r.bin", new byte[] { 1 }, CancellationToken.None);
        await _store.WriteAsync("r.bin", new byte[] { 2, 3 }, CancellationToken.None);
        var buffer = new byte[4];
        Assert.That(await _store.ReadAsync("r.bin", 0, buffer, CancellationToken.None), Is.EqualTo(2));
        Assert.That(buffer[..2], Is.EqualTo(new byte[] { 2, 3 }));
    }
}
