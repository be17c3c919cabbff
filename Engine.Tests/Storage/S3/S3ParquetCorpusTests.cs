using Engine.Storage.ObjectStores;
using Engine.Tests.Support;

namespace Engine.Tests.Storage.S3;

/// <summary>
/// Every file of the Parquet conformance corpora (good and malformed) is uploaded to s3rver once and read
/// through <see cref="S3ObjectStore"/>; what the reader makes of it must equal reading the same file in place
/// from the local disk, values and errors alike.
/// </summary>
[TestFixture]
public sealed class S3ParquetCorpusTests
{
    private S3ObjectStore _store = null!;
    private FileSystemObjectStore _local = null!;

    private static IEnumerable<string> AllFiles() => ParquetCorpus.GoodFiles().Concat(ParquetCorpus.BadFiles());

    [OneTimeSetUp]
    public async Task UploadCorpus()
    {
        _local = new FileSystemObjectStore(TestPaths.TestData);
        _store = new S3ObjectStore((await S3TestServer.SharedAsync()).CreateOptions());
        foreach (var file in AllFiles())
        {
            await _store.WriteAsync(file, await File.ReadAllBytesAsync(Path.Combine(TestPaths.TestData, file)), CancellationToken.None);
        }
    }

    [OneTimeTearDown]
    public void DisposeStore() => _store.Dispose();

    [TestCaseSource(nameof(AllFiles))]
    public async Task CorpusFile_ReadThroughS3_EqualsReadFromLocalDisk(string file)
    {
        var expected = await ParquetSnapshot.ReadAsync(_local, file);
        var actual = await ParquetSnapshot.ReadAsync(_store, file);
        Assert.That(ParquetSnapshot.FirstDifference(expected, actual), Is.Null);
    }

    [TestCaseSource(nameof(AllFiles))]
    public async Task CorpusFile_StoredInS3_RoundTripsByteForByte(string file)
    {
        var expected = await File.ReadAllBytesAsync(Path.Combine(TestPaths.TestData, file));
        var actual = new byte[expected.Length + 1];
        var read = await _store.ReadAsync(file, 0, actual, CancellationToken.None);
        Assert.That(read, Is.EqualTo(expected.Length));
        Assert.That(actual.AsSpan(0, read).SequenceEqual(expected), Is.True);
    }
}
