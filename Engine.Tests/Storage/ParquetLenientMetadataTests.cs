using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Schedulers.Local;
using Engine.Storage.Catalog;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Storage.Parquet.Writing;
using Microsoft.Extensions.Logging;

namespace Engine.Tests.Storage;

/// <summary>
/// Optional metadata that contradicts itself is ignored, not fatal (issue 13 item 7): an OffsetIndex whose pages
/// start at the same row, lie outside the chunk or do not follow each other leaves its chunk to be read whole,
/// impossible footer statistics become unknown, each case is counted, and the first one of a file is logged once.
/// </summary>
[TestFixture]
public sealed class ParquetLenientMetadataTests
{
    private const int Rows = 5_000;
    private static readonly Schema s_schema = new([new Field("n", DataType.Int64, Nullable: false), new Field("v", DataType.Double)]);
    private static readonly ParquetWriterOptions s_pages = new() { PageRowLimit = 1_000 };

    [Test]
    public async Task OffsetIndexWithTwoPagesStartingAtRowZero_ReadsCorrectlyWithoutTheIndex()
    {
        var bytes = await EditOffsetIndexAsync(column: 0, page: 1, field: "3", value: 0);
        var reader = await OpenAsync(bytes);

        var pages = await reader.ReadPageStatisticsAsync(0, "n");
        var batch = await reader.ReadRowGroupAsync(0, ["n", "v"], new RowSelection([new RowRange(1_500, 2_600)]));

        Assert.That(pages, Is.Null);
        Assert.That(batch.RowCount, Is.EqualTo(1_100));
        Assert.That(Enumerable.Range(0, batch.RowCount).Select(i => batch.Columns[0].GetScalar(i).Int64Value), Is.EqualTo(Enumerable.Range(1_500, 1_100).Select(i => (long)i)));
        Assert.That(reader.IgnoredMetadataCount, Is.EqualTo(2));
    }

    [TestCase("1", 0L, TestName = "OffsetIndexPageOffsetBeforeTheChunk_IsIgnored")]
    [TestCase("2", 8_000L, TestName = "OffsetIndexPageReachingPastTheChunk_IsIgnored")]
    [TestCase("2", 1L, TestName = "OffsetIndexPagesNotFollowingEachOther_IsIgnored")]
    [TestCase("3", 7_000L, TestName = "OffsetIndexFirstRowPastTheRowGroup_IsIgnored")]
    public async Task ContradictoryOffsetIndex_IsIgnoredAndTheSelectionReadsCorrectly(string field, long value)
    {
        var bytes = await EditOffsetIndexAsync(column: 0, page: 2, field, value);
        var reader = await OpenAsync(bytes);

        var pages = await reader.ReadPageStatisticsAsync(0, "n");
        var batch = await reader.ReadRowGroupAsync(0, ["n"], new RowSelection([new RowRange(2_100, 2_200)]));

        Assert.That(pages, Is.Null);
        Assert.That(batch.Columns[0].GetScalar(0).Int64Value, Is.EqualTo(2_100));
        Assert.That(reader.IgnoredMetadataCount, Is.GreaterThan(0));
    }

    [Test]
    public async Task ContradictoryOffsetIndexes_WarnOncePerFileAndCountEveryTime()
    {
        var bytes = await EditOffsetIndexAsync(column: 0, page: 1, field: "3", value: 0);
        bytes = ThriftFields.With(bytes, OffsetIndexField(bytes, column: 1, page: 1, "3"), 0)!;
        var logger = new CollectingLogger();
        var reader = await OpenAsync(bytes, new ParquetReaderOptions { Logger = logger });

        await reader.ReadPageStatisticsAsync(0, "n");
        await reader.ReadPageStatisticsAsync(0, "v");
        await reader.ReadRowGroupAsync(0, ["n", "v"], new RowSelection([new RowRange(0, 10)]));

        Assert.That(reader.IgnoredMetadataCount, Is.EqualTo(4));
        Assert.That(logger.Warnings, Has.Count.EqualTo(1));
        Assert.That(logger.Warnings[0], Does.Contain("f.parquet").And.Contain("column 'n'").And.Contain("OffsetIndex"));
    }

    [Test]
    public async Task ContradictoryOffsetIndex_QueryThroughTheCatalogAnswersCorrectlyAndCountsIt()
    {
        var bytes = await EditOffsetIndexAsync(column: 0, page: 1, field: "3", value: 0);
        var store = new InMemoryObjectStore();
        await store.WriteAsync("t/part-0.parquet", bytes, CancellationToken.None);
        var catalog = await HiveTableCatalog.OpenAsync(store, options: new HiveCatalogOptions { FooterCache = null });
        var engine = new QueryExecutor(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 1 }));

        var result = await engine.QueryAsync("SELECT count(*), sum(n) FROM t WHERE n >= 1500 AND n < 2600");

        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(1_100));
        Assert.That(result.GetValue(0, 1).Int64Value, Is.EqualTo(Enumerable.Range(1_500, 1_100).Sum(i => (long)i)));
        Assert.That(result.Statistics.Storage!.IgnoredMetadata, Is.GreaterThan(0));
    }

    [Test]
    public async Task FooterStatisticsMinAboveMax_BecomeUnknownAndAreCounted()
    {
        var bytes = await WriteAsync();
        var footer = ParquetBytes.Footer(bytes);
        // Statistics.min_value (field 6) of the n chunk holds 0 as 8 little-endian bytes; make it 9,999,999.
        var statistics = ParquetBytes.FooterFields(bytes).Single(f => f.Path == "4[0].1[0].3.12.6");
        BitConverter.GetBytes(9_999_999L).CopyTo(bytes, statistics.Offset);
        Assume.That(footer.RowGroups[0].Columns[0].MetaData!.Statistics!.MinValue, Is.EqualTo(BitConverter.GetBytes(0L)));

        var reader = await OpenAsync(bytes);
        var result = reader.RowGroups[0].Statistics[0];

        Assert.That(result.Min.IsNull && result.Max.IsNull, Is.True);
        Assert.That(result.NullCount, Is.Zero);
        Assert.That(reader.IgnoredMetadataCount, Is.EqualTo(1));
        Assert.That((await reader.ReadRowGroupAsync(0, ["n"])).Columns[0].GetScalar(4_999).Int64Value, Is.EqualTo(4_999));
    }

    [Test]
    public async Task DataPagesDisagreeingWithAWellFormedOffsetIndex_FailAsCorrupt()
    {
        // Page 2 is said to start one row early: the index is consistent in itself, but the pages it lists hold
        // other rows than it says. That is found only when the pages decode, after the index may have steered pruning.
        var bytes = await EditOffsetIndexAsync(column: 0, page: 2, field: "3", value: 1_999);
        var reader = await OpenAsync(bytes);

        Assert.That(async () => await reader.ReadRowGroupAsync(0, ["n"], new RowSelection([new RowRange(1_500, 1_600)])),
            Throws.TypeOf<CorruptDataException>().With.Message.Contains("column 'n'").And.Message.Contains("f.parquet"));
    }

    private static async Task<byte[]> EditOffsetIndexAsync(int column, int page, string field, long value)
    {
        var bytes = await WriteAsync();
        var edited = ThriftFields.With(bytes, OffsetIndexField(bytes, column, page, field), value);
        Assume.That(edited, Is.Not.Null, "the new value fits the varint");
        return edited!;
    }

    /// <summary>Field <paramref name="field"/> (1 offset, 2 compressed_page_size, 3 first_row_index) of PageLocation <paramref name="page"/>.</summary>
    private static ThriftFields.Location OffsetIndexField(byte[] bytes, int column, int page, string field)
    {
        var chunk = ParquetBytes.Footer(bytes).RowGroups[0].Columns[column];
        var start = (int)chunk.OffsetIndexOffset!.Value;
        return ThriftFields.Find(bytes, start, chunk.OffsetIndexLength!.Value).Single(f => f.Path == $"1[{page}].{field}");
    }

    private static async Task<byte[]> WriteAsync()
    {
        var values = new double[Rows];
        var validity = ValidityBitmap.Create(Rows, allValid: true);
        for (var i = 0; i < Rows; i++)
        {
            values[i] = i * 0.5;
            ValidityBitmap.Set(validity, i, i % 7 != 0);
        }

        var batch = new ColumnBatch(s_schema, [new Int64Column([.. Enumerable.Range(0, Rows).Select(i => (long)i)]), new DoubleColumn(values, validity)], Rows);
        using var output = new MemoryStream();
        await ParquetFileWriter.WriteAsync(output, s_schema, [batch], s_pages);
        return output.ToArray();
    }

    private static async Task<ParquetFileReader> OpenAsync(byte[] bytes, ParquetReaderOptions? options = null)
    {
        var store = new InMemoryObjectStore();
        await store.WriteAsync("f.parquet", bytes, CancellationToken.None);
        return await ParquetFileReader.OpenAsync(store, "f.parquet", options);
    }

    private sealed class CollectingLogger : ILogger
    {
        public List<string> Warnings { get; } = [];

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                Warnings.Add(formatter(state, exception));
            }
        }
    }
}
