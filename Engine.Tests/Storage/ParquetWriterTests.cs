using System.Buffers.Binary;
using System.Text;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Storage.Parquet.Metadata;
using Engine.Storage.Parquet.Writing;
using Engine.Storage.Thrift;

namespace Engine.Tests.Storage;

/// <summary>
/// The Parquet writer's file structure, read back with the project's own Thrift reader and metadata decoder,
/// and its argument and state checks.
/// </summary>
[TestFixture]
public sealed class ParquetWriterTests
{
    private static readonly ParquetWriterOptions s_threeGroups = new() { RowGroupRows = 2000, PageSizeBytes = 4096 };

    [Test]
    public async Task WriteAsync_AnyFile_StartsAndEndsWithMagicAroundTheFooterLength()
    {
        var bytes = await WriteAsync([ParquetWriterTestData.AllTypes(10, seed: 1)], ParquetWriterOptions.Default);
        var footerLength = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
        Assert.That(Encoding.ASCII.GetString(bytes, 0, 4), Is.EqualTo("PAR1"));
        Assert.That(Encoding.ASCII.GetString(bytes, bytes.Length - 4, 4), Is.EqualTo("PAR1"));
        Assert.That(footerLength, Is.InRange(1, bytes.Length - 12));
    }

    [Test]
    public async Task Footer_AllTypes_DecodesRowCountsVersionAndCreatedBy()
    {
        var footer = ReadFooter(await WriteAsync(ThreeBatches(), s_threeGroups));
        Assert.That(footer.NumRows, Is.EqualTo(5000));
        Assert.That(footer.Version, Is.EqualTo(2));
        Assert.That(footer.CreatedBy, Is.EqualTo("Engine"));
        long[] expected = [2000, 2000, 1000];
        Assert.That(footer.RowGroups.Select(g => g.NumRows), Is.EqualTo(expected));
    }

    [Test]
    public async Task Footer_AllTypes_SchemaHasPhysicalRepetitionAndLogicalTypes()
    {
        var footer = ReadFooter(await WriteAsync(ThreeBatches(), s_threeGroups));
        var schema = footer.Schema;
        Assert.That(schema[0].NumChildren, Is.EqualTo(5));
        string[] expected =
        [
            "id:Int64:Required:", "ts:Int64:Optional:TimestampMicros", "price:Double:Optional:", "flag:Boolean:Optional:", "symbol:ByteArray:Optional:Utf8",
        ];
        Assert.That(schema.Skip(1).Select(e => $"{e.Name}:{e.Type}:{e.Repetition}:{e.ConvertedType}"), Is.EqualTo(expected));
        Assert.That(schema[2].LogicalType, Is.EqualTo(new LogicalType { Kind = LogicalTypeKind.Timestamp, IsAdjustedToUtc = true, Unit = TimeUnit.Micros }));
        Assert.That(schema[5].LogicalType?.Kind, Is.EqualTo(LogicalTypeKind.String));
    }

    [Test]
    public async Task Footer_IdColumn_StatisticsHoldSignedMinAndMax()
    {
        var footer = ReadFooter(await WriteAsync(ThreeBatches(), s_threeGroups));
        var statistics = footer.RowGroups[0].Columns[0].MetaData!.Statistics!;
        Assert.That(BinaryPrimitives.ReadInt64LittleEndian(statistics.MinValue), Is.EqualTo(long.MinValue));
        Assert.That(BinaryPrimitives.ReadInt64LittleEndian(statistics.MaxValue), Is.EqualTo(long.MaxValue));
        Assert.That(statistics.NullCount, Is.Zero);
    }

    [Test]
    public async Task Pages_SmallPageSize_SplitTheChunkAndTogetherCoverEveryRow()
    {
        var bytes = await WriteAsync(ThreeBatches(), s_threeGroups);
        var chunk = ReadFooter(bytes).RowGroups[0].Columns[2].MetaData!;
        var pages = ReadPageHeaders(bytes, chunk);
        Assert.That(pages, Has.Count.GreaterThan(1));
        Assert.That(pages.All(p => p.Type == PageType.DataPage && p.DataPage!.Encoding == ParquetEncoding.Plain), Is.True);
        Assert.That(pages.Sum(p => p.DataPage!.NumValues), Is.EqualTo(2000));
    }

    [Test]
    public async Task Pages_StringChunk_StartsWithADictionaryPageOfTheDistinctValues()
    {
        var bytes = await WriteAsync([ParquetWriterTestData.AllTypes(100, seed: 1)], ParquetWriterOptions.Default);
        var chunk = ReadFooter(bytes).RowGroups[0].Columns[4].MetaData!;
        var pages = ReadPageHeaders(bytes, chunk);
        var distinct = ParquetWriterTestData.ExpectedRows([ParquetWriterTestData.AllTypes(100, seed: 1)]).Select(r => r[4]).Where(v => v is not null).Distinct().Count();
        Assert.That(pages[0].Type, Is.EqualTo(PageType.DictionaryPage));
        Assert.That(pages[0].DictionaryPage!.NumValues, Is.EqualTo(distinct));
        Assert.That(pages.Skip(1).Select(p => p.DataPage!.Encoding), Is.All.EqualTo(ParquetEncoding.RleDictionary));
    }

    [Test]
    public async Task WriteToObjectStoreAsync_AllTypes_StoresTheWholeFileUnderTheKey()
    {
        var store = new InMemoryObjectStore();
        var size = await ParquetFileWriter.WriteToObjectStoreAsync(store, "t/part-0.parquet", ParquetWriterTestData.AllTypesSchema, ThreeBatches());
        Assert.That(await store.GetSizeAsync("t/part-0.parquet", CancellationToken.None), Is.EqualTo(size));
        var tail = new byte[4];
        await store.ReadAsync("t/part-0.parquet", size - 4, tail, CancellationToken.None);
        Assert.That(Encoding.ASCII.GetString(tail), Is.EqualTo("PAR1"));
    }

    [Test]
    public void WriteBatchAsync_DifferentSchema_ThrowsArgumentException()
    {
        var writer = new ParquetFileWriter(new MemoryStream(), ParquetWriterTestData.AllTypesSchema);
        var other = new Schema([new Field("id", DataType.Int64)]);
        var batch = new ColumnBatch(other, [new Int64Column([1L])], 1);
        Assert.That(async () => await writer.WriteBatchAsync(batch), Throws.ArgumentException.With.Message.Contains("differs"));
    }

    [Test]
    public async Task WriteBatchAsync_NullInNonNullableField_ThrowsAndLeavesTheWriterUsable()
    {
        var schema = new Schema([new Field("id", DataType.Int64, Nullable: false)]);
        var withNull = new ColumnBatch(schema, [new Int64Column([1L, 2L], ValidityBitmap.Create(2, allValid: false))], 2);
        using var output = new MemoryStream();
        var writer = new ParquetFileWriter(output, schema);
        Assert.That(async () => await writer.WriteBatchAsync(withNull), Throws.ArgumentException.With.Message.Contains("'id' is not nullable"));
        await writer.WriteBatchAsync(new ColumnBatch(schema, [new Int64Column([7L])], 1));
        await writer.CompleteAsync();
        Assert.That(ReadFooter(output.ToArray()).NumRows, Is.EqualTo(1));
    }

    [Test]
    public async Task CompleteAsync_CalledTwice_ThrowsInvalidOperationException()
    {
        var writer = new ParquetFileWriter(new MemoryStream(), ParquetWriterTestData.AllTypesSchema);
        await writer.CompleteAsync();
        Assert.That(async () => await writer.CompleteAsync(), Throws.InvalidOperationException);
    }

    [Test]
    public void Constructor_LzoCodec_ThrowsUnsupportedFeature()
    {
        var options = new ParquetWriterOptions { Codec = CompressionCodec.Lzo };
        Assert.That(() => new ParquetFileWriter(new MemoryStream(), ParquetWriterTestData.AllTypesSchema, options),
            Throws.TypeOf<UnsupportedFeatureException>().With.Message.Contains("Lzo"));
    }

    [Test]
    public void Constructor_EmptySchema_ThrowsArgumentException() =>
        Assert.That(() => new ParquetFileWriter(new MemoryStream(), new Schema([])), Throws.ArgumentException);

    [Test]
    public void Constructor_ZeroRowGroupRows_ThrowsArgumentOutOfRange() =>
        Assert.That(() => new ParquetFileWriter(new MemoryStream(), ParquetWriterTestData.AllTypesSchema, new ParquetWriterOptions { RowGroupRows = 0 }),
            Throws.TypeOf<ArgumentOutOfRangeException>().With.Message.Contains("RowGroupRows"));

    [Test]
    public async Task BytesWritten_AfterComplete_EqualsTheStreamLength()
    {
        using var output = new MemoryStream();
        var writer = new ParquetFileWriter(output, ParquetWriterTestData.AllTypesSchema, s_threeGroups);
        foreach (var batch in ThreeBatches())
        {
            await writer.WriteBatchAsync(batch);
        }

        await writer.CompleteAsync();
        Assert.That(writer.BytesWritten, Is.EqualTo(output.Length));
        Assert.That(writer.RowCount, Is.EqualTo(5000));
    }

    [TestCase(CompressionCodec.Uncompressed)]
    [TestCase(CompressionCodec.Snappy)]
    [TestCase(CompressionCodec.Zstd)]
    public async Task Pages_EveryPage_CarriesTheCrc32OfItsStoredBody(CompressionCodec codec)
    {
        var bytes = await WriteAsync(ThreeBatches(), s_threeGroups with { Codec = codec });
        var checkedPages = 0;
        foreach (var chunk in ReadFooter(bytes).RowGroups.SelectMany(g => g.Columns).Select(c => c.MetaData!))
        {
            var position = chunk.DictionaryPageOffset ?? chunk.DataPageOffset;
            foreach (var header in ReadPageHeaders(bytes, chunk))
            {
                var reader = new ThriftCompactReader(bytes.AsSpan((int)position), "file", position);
                MetadataDecoder.ReadPageHeader(ref reader);
                var body = bytes.AsSpan((int)position + reader.Position, header.CompressedPageSize);
                Assert.That(header.Crc, Is.EqualTo(unchecked((int)System.IO.Hashing.Crc32.HashToUInt32(body))));
                position += reader.Position + header.CompressedPageSize;
                checkedPages++;
            }
        }

        Assert.That(checkedPages, Is.GreaterThan(15));
    }

    [Test]
    public async Task Read_BitFlippedInAPageBody_FailsOnTheCrcUnlessChecksumsAreOff()
    {
        var bytes = await WriteAsync([ParquetWriterTestData.AllTypes(1000, seed: 1)], ParquetWriterOptions.Default with { Codec = CompressionCodec.Uncompressed });
        var chunk = ReadFooter(bytes).RowGroups[0].Columns[0].MetaData!;
        // The id column is REQUIRED and PLAIN: a bit in the middle of its only page is one value's bit.
        bytes[(int)(chunk.DataPageOffset + (chunk.TotalCompressedSize / 2))] ^= 0x10;
        var store = new InMemoryObjectStore();
        await store.WriteAsync("flipped.parquet", bytes, CancellationToken.None);

        var strict = await ParquetFileReader.OpenAsync(store, "flipped.parquet");
        var lenient = await ParquetFileReader.OpenAsync(store, "flipped.parquet", new ParquetReaderOptions { VerifyChecksums = false });

        Assert.That(async () => await strict.ReadRowGroupAsync(0, ["id"]),
            Throws.TypeOf<CorruptDataException>().With.Message.Contains("CRC-32").And.Message.Contains("'id'"));
        Assert.That((await lenient.ReadRowGroupAsync(0, ["id"])).RowCount, Is.EqualTo(1000));
    }

    private static ColumnBatch[] ThreeBatches() =>
    [
        ParquetWriterTestData.AllTypes(1000, seed: 1),
        ParquetWriterTestData.AllTypes(4000, seed: 3).Slice(1003, 2500),
        ParquetWriterTestData.AllTypes(1500, seed: 2),
    ];

    private static async Task<byte[]> WriteAsync(IEnumerable<ColumnBatch> batches, ParquetWriterOptions options)
    {
        using var output = new MemoryStream();
        await ParquetFileWriter.WriteAsync(output, ParquetWriterTestData.AllTypesSchema, batches, options);
        return output.ToArray();
    }

    private static FileMetaData ReadFooter(byte[] file)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
        var start = file.Length - 8 - length;
        var reader = new ThriftCompactReader(file.AsSpan(start, length), "file", start);
        return MetadataDecoder.ReadFileMetaData(ref reader);
    }

    private static List<PageHeader> ReadPageHeaders(byte[] file, ColumnMetaData chunk)
    {
        var start = chunk.DictionaryPageOffset ?? chunk.DataPageOffset;
        var end = start + chunk.TotalCompressedSize;
        var pages = new List<PageHeader>();
        var position = start;
        while (position < end)
        {
            var reader = new ThriftCompactReader(file.AsSpan((int)position, (int)(end - position)), "file", position);
            var header = MetadataDecoder.ReadPageHeader(ref reader);
            pages.Add(header);
            position += reader.Position + header.CompressedPageSize;
        }

        Assert.That(position, Is.EqualTo(end), "pages end exactly at the chunk's end");
        return pages;
    }
}
