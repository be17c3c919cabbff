using System.Buffers.Binary;
using Engine.Core.Columns;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Storage.Parquet.Metadata;
using Engine.Storage.Parquet.Writing;
using Engine.Storage.Thrift;

namespace Engine.Tests.Storage;

/// <summary>
/// The page index Engine's writer stores (ColumnIndex and OffsetIndex per column chunk), read back through
/// <see cref="ParquetFileReader.ReadPageStatisticsAsync"/>: page rows follow <see cref="ParquetWriterOptions.PageRowLimit"/>
/// and <see cref="ParquetWriterOptions.PageSizeBytes"/>, min/max follow the chunk statistics' rules, and the
/// whole index lies in one region before the footer.
/// </summary>
[TestFixture]
public sealed class ParquetWriterPageIndexTests
{
    private static readonly Schema s_schema = new(
    [
        new Field("id", DataType.Int64, Nullable: false),
        new Field("x", DataType.Double),
        new Field("tag", DataType.String),
        new Field("ts", DataType.Timestamp),
    ]);

    [Test]
    public async Task PageRowLimit_ThousandRows_EveryColumnHasPagesOfAThousandRows()
    {
        var reader = await WriteAndOpenAsync([Rows(0, 5000)], new ParquetWriterOptions { PageRowLimit = 1000 });
        foreach (var column in s_schema.Fields)
        {
            var pages = await reader.ReadPageStatisticsAsync(0, column.Name);
            Assert.That(pages!.Select(p => p.Rows), Is.EqualTo(Enumerable.Range(0, 5).Select(i => new RowRange(i * 1000, (i + 1) * 1000))), column.Name);
        }
    }

    [Test]
    public async Task PageStatistics_Int64AndTimestamp_AreEachPagesMinAndMax()
    {
        var reader = await WriteAndOpenAsync([Rows(0, 3000)], new ParquetWriterOptions { PageRowLimit = 1000 });
        var ids = await reader.ReadPageStatisticsAsync(0, "id");
        var times = await reader.ReadPageStatisticsAsync(0, "ts");
        Assert.That(ids!.Select(p => (p.Statistics.Min.Int64Value, p.Statistics.Max.Int64Value)), Is.EqualTo(new[] { (0L, 999L), (1000L, 1999L), (2000L, 2999L) }));
        Assert.That(times!.Select(p => (p.Statistics.Min.Int64Value, p.Statistics.Max.Int64Value)), Is.EqualTo(new[] { (0L, 999_000_000L), (1_000_000_000L, 1_999_000_000L), (2_000_000_000L, 2_999_000_000L) }));
    }

    [Test]
    public async Task PageStatistics_Strings_CompareUtf8BytesWithinEachPage()
    {
        var reader = await WriteAndOpenAsync([Rows(0, 2000)], new ParquetWriterOptions { PageRowLimit = 1000 });
        var pages = await reader.ReadPageStatisticsAsync(0, "tag");
        Assert.That(pages!.Select(p => (p.Statistics.Min.StringValue, p.Statistics.Max.StringValue)), Is.EqualTo(new[] { ("t000", "t009"), ("t010", "t019") }));
    }

    [Test]
    public async Task PageSizeBytes_SmallerThanTheRowLimit_CutsPagesByBytes()
    {
        var reader = await WriteAndOpenAsync([Rows(0, 1000)], new ParquetWriterOptions { PageRowLimit = 20_000, PageSizeBytes = 800 });
        var pages = await reader.ReadPageStatisticsAsync(0, "id");
        Assert.That(pages!.Select(p => p.Rows.Length), Is.EqualTo(Enumerable.Repeat(100L, 10)));
    }

    [Test]
    public async Task NullOnlyPage_HasUnknownBoundsAndCountsEveryRowAsNull()
    {
        var batch = Rows(0, 3000);
        var nulls = new byte[ValidityBitmap.ByteCount(3000)];
        for (var i = 0; i < 3000; i++)
        {
            ValidityBitmap.Set(nulls, i, i is < 1000 or >= 2000);
        }

        var x = new DoubleColumn(((DoubleColumn)batch.Columns[1]).Values.ToArray(), nulls);
        var reader = await WriteAndOpenAsync([new ColumnBatch(s_schema, [batch.Columns[0], x, batch.Columns[2], batch.Columns[3]], 3000)], new ParquetWriterOptions { PageRowLimit = 1000 });
        var pages = await reader.ReadPageStatisticsAsync(0, "x");
        Assert.That(pages!.Select(p => (p.Statistics.Min.IsNull, p.Statistics.NullCount)), Is.EqualTo(new[] { (false, 0L), (true, 1000L), (false, 0L) }));
    }

    [Test]
    public async Task DoublePage_WithNaN_LeavesNaNOutOfMinAndMax()
    {
        var reader = await WriteAndOpenAsync([Doubles(3.5, double.NaN, -1.25, 2.0)], new ParquetWriterOptions { PageRowLimit = 2 });
        var pages = await reader.ReadPageStatisticsAsync(0, "x");
        Assert.That(pages!.Select(p => (p.Statistics.Min.DoubleValue, p.Statistics.Max.DoubleValue)), Is.EqualTo(new[] { (3.5, 3.5), (-1.25, 2.0) }));
    }

    [Test]
    public async Task DoublePage_OnlyNaN_ChunkGetsAnOffsetIndexButNoColumnIndex()
    {
        var bytes = await WriteBytesAsync([Doubles(1.0, 2.0, double.NaN, double.NaN)], new ParquetWriterOptions { PageRowLimit = 2 });
        var chunk = ReadFooter(bytes).RowGroups[0].Columns[1];
        var reader = await OpenAsync(bytes);
        var pages = await reader.ReadPageStatisticsAsync(0, "x");
        Assert.That((chunk.OffsetIndexOffset is null, chunk.ColumnIndexOffset is null), Is.EqualTo((false, true)));
        Assert.That(pages!.Select(p => (p.Rows, p.Statistics.Min.IsNull)), Is.EqualTo(new[] { (new RowRange(0, 2), true), (new RowRange(2, 4), true) }));
    }

    [Test]
    public async Task ColumnIndex_DoubleColumn_RecordsEachPagesNaNCount()
    {
        var bytes = await WriteBytesAsync([Doubles(3.5, double.NaN, double.NaN, 2.0, 1.0, 1.5)], new ParquetWriterOptions { PageRowLimit = 2 });
        var chunks = ReadFooter(bytes).RowGroups[0].Columns;
        Assert.That(ReadColumnIndex(bytes, chunks[1]).NanCounts, Is.EqualTo(new long[] { 1, 1, 0 }));
        Assert.That(ReadColumnIndex(bytes, chunks[0]).NanCounts, Is.Null, "only floating point columns carry NaN counts");
    }

    [Test]
    public async Task PageIndex_EveryChunk_LiesInOneRegionEndingAtTheFooter()
    {
        var bytes = await WriteBytesAsync([Rows(0, 5000)], new ParquetWriterOptions { PageRowLimit = 1000, RowGroupRows = 2000 });
        var footerStart = bytes.Length - 8 - BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(bytes.Length - 8));
        var chunks = ReadFooter(bytes).RowGroups.SelectMany(g => g.Columns).ToList();
        var ranges = chunks.Select(c => (c.ColumnIndexOffset!.Value, (long)c.ColumnIndexLength!.Value))
            .Concat(chunks.Select(c => (c.OffsetIndexOffset!.Value, (long)c.OffsetIndexLength!.Value)))
            .ToList();
        var dataEnd = chunks.Max(c => (c.MetaData!.DictionaryPageOffset ?? c.MetaData.DataPageOffset) + c.MetaData.TotalCompressedSize);
        for (var i = 1; i < ranges.Count; i++)
        {
            Assert.That(ranges[i].Item1, Is.EqualTo(ranges[i - 1].Item1 + ranges[i - 1].Item2), $"index {i} follows index {i - 1}");
        }

        Assert.That((ranges[0].Item1, ranges[^1].Item1 + ranges[^1].Item2), Is.EqualTo((dataEnd, (long)footerStart)));
    }

    [Test]
    public async Task OpenAndReadEveryPageStatistic_SmallFile_MakesOnlyTheTailRead()
    {
        var store = new InMemoryObjectStore();
        await ParquetFileWriter.WriteToObjectStoreAsync(store, "f.parquet", s_schema, [Rows(0, 5000)], new ParquetWriterOptions { PageRowLimit = 1000, RowGroupRows = 2000 });
        store.Statistics.Reset();
        var reader = await ParquetFileReader.OpenAsync(store, "f.parquet");
        for (var g = 0; g < reader.RowGroups.Count; g++)
        {
            foreach (var column in s_schema.Fields)
            {
                await reader.ReadPageStatisticsAsync(g, column.Name);
            }
        }

        Assert.That(store.Statistics.ReadRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task ReadWithSelection_EngineWrittenFile_ReturnsExactlyTheSelectedRows()
    {
        var reader = await WriteAndOpenAsync([Rows(0, 5000)], new ParquetWriterOptions { PageRowLimit = 1000 });
        var batch = await reader.ReadRowGroupAsync(0, ["id", "tag"], new RowSelection([new RowRange(1500, 2600)]));
        Assert.That(batch.RowCount, Is.EqualTo(1100));
        Assert.That((batch.Columns[0].GetScalar(0).Int64Value, batch.Columns[0].GetScalar(1099).Int64Value, batch.Columns[1].GetScalar(0).StringValue), Is.EqualTo((1500L, 2599L, "t015")));
    }

    /// <summary>Rows [start, start + count): id = row, x = row / 10, tag = 't' + row / 100 (3 digits), ts = row seconds.</summary>
    private static ColumnBatch Rows(int start, int count)
    {
        var ids = new long[count];
        var xs = new double[count];
        var tags = new string[count];
        var times = new long[count];
        for (var i = 0; i < count; i++)
        {
            var row = start + i;
            ids[i] = row;
            xs[i] = row / 10.0;
            tags[i] = $"t{row / 100:D3}";
            times[i] = row * 1_000_000L;
        }

        return new ColumnBatch(s_schema, [new Int64Column(ids), new DoubleColumn(xs), StringColumn.FromValues(tags), new Int64Column(times, type: DataType.Timestamp)], count);
    }

    private static ColumnBatch Doubles(params double[] values)
    {
        var rows = Rows(0, values.Length);
        return new ColumnBatch(s_schema, [rows.Columns[0], new DoubleColumn(values), rows.Columns[2], rows.Columns[3]], values.Length);
    }

    private static async Task<byte[]> WriteBytesAsync(IEnumerable<ColumnBatch> batches, ParquetWriterOptions options)
    {
        using var output = new MemoryStream();
        await ParquetFileWriter.WriteAsync(output, s_schema, batches, options);
        return output.ToArray();
    }

    private static async Task<ParquetFileReader> OpenAsync(byte[] bytes)
    {
        var store = new InMemoryObjectStore();
        await store.WriteAsync("f.parquet", bytes, CancellationToken.None);
        return await ParquetFileReader.OpenAsync(store, "f.parquet");
    }

    private static async Task<ParquetFileReader> WriteAndOpenAsync(IEnumerable<ColumnBatch> batches, ParquetWriterOptions options) =>
        await OpenAsync(await WriteBytesAsync(batches, options));

    private static ColumnIndex ReadColumnIndex(byte[] file, ColumnChunk chunk)
    {
        var offset = chunk.ColumnIndexOffset!.Value;
        var reader = new ThriftCompactReader(file.AsSpan((int)offset, chunk.ColumnIndexLength!.Value), "file", offset);
        return MetadataDecoder.ReadColumnIndex(ref reader);
    }

    private static FileMetaData ReadFooter(byte[] file)
    {
        var length = BinaryPrimitives.ReadInt32LittleEndian(file.AsSpan(file.Length - 8));
        var start = file.Length - 8 - length;
        var reader = new ThriftCompactReader(file.AsSpan(start, length), "file", start);
        return MetadataDecoder.ReadFileMetaData(ref reader);
    }
}
