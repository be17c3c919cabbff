using System.Buffers.Binary;
using Engine.Core.Errors;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Tests.Support;

namespace Engine.Tests.Storage;

/// <summary>
/// Malformed input must fail with <see cref="CorruptDataException"/> or <see cref="UnsupportedFeatureException"/>
/// naming the file: the corpora's bad_data files, every prefix of a good file, every flipped byte, lying
/// lengths. Never another exception type, and never an allocation driven by a claimed length.
/// </summary>
[TestFixture]
public sealed class ParquetCorruptInputTests
{
    /// <summary>
    /// bad_data files a reader may legitimately read (see the corpus README: DuckDB and hyparquet read them),
    /// with the row count they then must have.
    /// </summary>
    private static readonly Dictionary<string, long> s_readableBadFiles = new(StringComparer.Ordinal)
    {
        // Dictionary indices in RLE with bit width 0 on a flat column: every index is 0; DuckDB reads 21186 rows.
        ["parquet-testing/bad_data/ARROW-GH-43605.parquet"] = 21186,
    };

    private static IEnumerable<string> BadFiles() => ParquetCorpus.BadFiles();

    [TestCaseSource(nameof(BadFiles))]
    public async Task BadFile_ReadCompletely_FailsWithTypedErrorOrReadsAsDocumented(string file)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(TestPaths.TestData, file));
        var outcome = await ReadEverythingAsync(file, bytes);
        await TestContext.Out.WriteLineAsync($"{file}: {outcome.Error?.GetType().Name ?? "read " + outcome.Rows + " rows"}: {outcome.Error?.Message}");
        if (s_readableBadFiles.TryGetValue(file, out var rows))
        {
            Assert.That(outcome.Error is null ? outcome.Rows : -1, Is.EqualTo(rows).Or.EqualTo(-1));
            AssertTypedOrNone(outcome.Error, file);
            return;
        }

        Assert.That(outcome.Error, Is.Not.Null, "a malformed file was read without error");
        AssertTypedOrNone(outcome.Error, file);
    }

    [Test]
    public async Task EveryPrefix_OfSmallGoodFile_FailsWithCorruptData()
    {
        const string File = "parquet-testing/alltypes_plain.snappy.parquet";
        var bytes = await System.IO.File.ReadAllBytesAsync(Path.Combine(TestPaths.TestData, File));
        for (var length = 0; length < bytes.Length; length++)
        {
            var outcome = await ReadEverythingAsync("prefix.parquet", bytes[..length]);
            Assert.That(outcome.Error, Is.TypeOf<CorruptDataException>(), $"prefix of {length} bytes");
            Assert.That(outcome.Allocated, Is.LessThan(AllocationBound(bytes.Length)), $"prefix of {length} bytes");
        }
    }

    [TestCase("parquet-testing/alltypes_plain.snappy.parquet")]
    [TestCase("parquet-testing/plain-dict-uncompressed-checksum.parquet")]
    [TestCase("parquet-testing/delta_encoding_required_column.parquet")]
    [TestCase("parquet-testing/rle_boolean_encoding.parquet")]
    public async Task EveryFlippedByte_OfGoodFile_ReadsOrFailsTyped(string file)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(TestPaths.TestData, file));
        for (var position = 0; position < bytes.Length; position++)
        {
            var copy = (byte[])bytes.Clone();
            copy[position] ^= 0xFF;
            var outcome = await ReadEverythingAsync("flipped.parquet", copy);
            AssertTypedOrNone(outcome.Error, "flipped.parquet", $"byte {position} flipped");
            Assert.That(outcome.Allocated, Is.LessThan(AllocationBound(bytes.Length)), $"byte {position} flipped");
        }
    }

    [Test]
    public async Task ZeroByteFile_Open_FailsWithCorruptDataAtOffsetZero()
    {
        var outcome = await ReadEverythingAsync("empty.parquet", []);
        var error = outcome.Error as CorruptDataException;
        Assert.That(error, Is.Not.Null);
        Assert.That(error!.Offset, Is.Zero);
        Assert.That(error.Message, Does.Contain("empty.parquet").And.Contain("0 bytes"));
    }

    [TestCase(int.MaxValue)]
    [TestCase(-5)]
    [TestCase(1_000_000)]
    public async Task FooterLength_LargerThanFile_FailsNamingTheLength(int footerLength)
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(TestPaths.TestData, "parquet-testing/int32_decimal.parquet"));
        BinaryPrimitives.WriteInt32LittleEndian(bytes.AsSpan(bytes.Length - 8), footerLength);
        var outcome = await ReadEverythingAsync("lying.parquet", bytes);
        Assert.That(outcome.Error, Is.TypeOf<CorruptDataException>());
        Assert.That(outcome.Error!.Message, Does.Contain($"footer length {footerLength}"));
    }

    [Test]
    public async Task MissingHeadMagic_Read_FailsAtOffsetZero()
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(TestPaths.TestData, "parquet-testing/int32_decimal.parquet"));
        bytes[0] = (byte)'X';
        var outcome = await ReadEverythingAsync("headless.parquet", bytes);
        Assert.That(outcome.Error, Is.TypeOf<CorruptDataException>());
        Assert.That(((CorruptDataException)outcome.Error!).Offset, Is.Zero);
    }

    [Test]
    public async Task EncryptedFooterMagic_Open_FailsAsUnsupported()
    {
        var bytes = await File.ReadAllBytesAsync(Path.Combine(TestPaths.TestData, "parquet-testing/int32_decimal.parquet"));
        "PARE"u8.CopyTo(bytes.AsSpan(bytes.Length - 4));
        var outcome = await ReadEverythingAsync("encrypted.parquet", bytes);
        Assert.That(outcome.Error, Is.TypeOf<UnsupportedFeatureException>());
        Assert.That(outcome.Error!.Message, Does.Contain("encrypted"));
    }

    [Test]
    public async Task WrongPageChecksum_Read_FailsNamingColumnAndCrc()
    {
        const string File = "parquet-testing/datapage_v1-uncompressed-checksum.parquet";
        var bytes = await System.IO.File.ReadAllBytesAsync(Path.Combine(TestPaths.TestData, File));
        var store = new InMemoryObjectStore();
        await store.WriteAsync("crc.parquet", bytes, CancellationToken.None);
        var reader = await ParquetFileReader.OpenAsync(store, "crc.parquet");
        var column = reader.Schema[0].Name;
        bytes[100] ^= 0x01;
        await store.WriteAsync("crc.parquet", bytes, CancellationToken.None);
        var error = Assert.ThrowsAsync<CorruptDataException>(async () => await reader.ReadRowGroupAsync(0, [column]));
        Assert.That(error!.Message, Does.Contain("CRC-32").And.Contain($"'{column}'"));
    }

    private static long AllocationBound(int fileLength) => (64L * fileLength) + (8L << 20);

    private static void AssertTypedOrNone(Exception? error, string file, string? context = null)
    {
        if (error is null)
        {
            return;
        }

        Assert.That(error, Is.TypeOf<CorruptDataException>().Or.TypeOf<UnsupportedFeatureException>(), $"{context}: {error}");
        Assert.That(error.Message, Does.Contain(file), context);
    }

    private static async Task<(Exception? Error, long Rows, long Allocated)> ReadEverythingAsync(string key, byte[] bytes)
    {
        var store = new InMemoryObjectStore();
        await store.WriteAsync(key, bytes, CancellationToken.None);
        var before = GC.GetAllocatedBytesForCurrentThread();
        long rows = 0;
        Exception? error = null;
        try
        {
            var reader = await ParquetFileReader.OpenAsync(store, key);
            var names = reader.Schema.Fields.Select(f => f.Name).ToList();
            for (var g = 0; g < reader.RowGroups.Count; g++)
            {
                var batch = await reader.ReadRowGroupAsync(g, names);
                rows += batch.RowCount;
            }
        }
        catch (Exception exception) when (exception is not AssertionException)
        {
            error = exception;
        }

        return (error, rows, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
