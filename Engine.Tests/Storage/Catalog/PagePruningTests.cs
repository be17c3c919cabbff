using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Schedulers.Local;
using Engine.Storage.Catalog;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Storage.Parquet.Metadata;
using Engine.Storage.Parquet.Writing;
using Engine.Storage.Thrift;
using Engine.Tests.Support;

namespace Engine.Tests.Storage.Catalog;

/// <summary>
/// Page-level pruning through the catalog: row groups of Engine-written files are split into chunks at their
/// page boundaries, the planner drops chunks whose page statistics cannot match, and the reader fetches only
/// the kept pages. Answers equal the in-memory table and a file without usable pages, with fewer bytes read.
/// </summary>
public sealed class PagePruningTests
{
    private const int Rows = 200_000;
    private static readonly ParquetWriterOptions s_pages = new() { RowGroupRows = 100_000, PageRowLimit = 5_000 };
    private static readonly ParquetWriterOptions s_noPages = new() { RowGroupRows = 100_000, PageRowLimit = 100_000 };
    private static readonly Schema s_hostsSchema = new(
    [
        new Field("host", DataType.String, Nullable: false),
        new Field("v", DataType.Double),
        new Field("n", DataType.Int64, Nullable: false),
    ]);

    private List<ColumnBatch> _trades = null!;
    private List<ColumnBatch> _hosts = null!;
    private InMemoryCatalog _memory = null!;

    [OneTimeSetUp]
    public void Generate()
    {
        _trades = new TradesGenerator(new TradesOptions { Rows = Rows, Symbols = 1, BatchRows = 50_000 }).GeneratePartition(0).Batches.ToList();
        _hosts = [Hosts(0, 30_000), Hosts(30_000, 30_000)];
        _memory = new InMemoryCatalog();
        _memory.Register("trades", _trades, "ts");
        _memory.Register("hosts", _hosts);
    }

    [Test]
    public async Task TimeRange_PageIndex_SameAnswerAsInMemoryAndWithoutPages()
    {
        var sql = TimeRangeQuery();
        var (pruned, _) = await RunAsync(await TradesStoreAsync(s_pages), sql);
        var (unpruned, _) = await RunAsync(await TradesStoreAsync(s_noPages), sql);
        var expected = await TestEngines.Local(_memory).QueryAsync(sql);
        ResultAssert.Equivalent(expected, pruned, ordered: false, sql);
        ResultAssert.Equivalent(unpruned, pruned, ordered: false, sql);
    }

    [Test]
    public async Task TimeRange_PageIndex_ReadsLessThanHalfTheBytesOfTheUnprunedScan()
    {
        var sql = TimeRangeQuery();
        var (_, prunedBytes) = await RunAsync(await TradesStoreAsync(s_pages), sql);
        var (_, unprunedBytes) = await RunAsync(await TradesStoreAsync(s_noPages), sql);
        Assert.That(prunedBytes, Is.LessThan(unprunedBytes / 2), $"pruned {prunedBytes:N0} bytes, unpruned {unprunedBytes:N0}");
    }

    [TestCase("SELECT count(*), sum(n), min(v), max(v) FROM hosts WHERE host = 'h17'")]
    [TestCase("SELECT count(*), sum(n) FROM hosts WHERE host IN ('h03', 'h41') AND n >= 3500")]
    [TestCase("SELECT count(*), sum(n), min(v) FROM hosts WHERE v >= 10000 AND v < 12000")]
    [TestCase("SELECT host, count(*), sum(v) FROM hosts WHERE v < 700 OR host > 'h58' GROUP BY host")]
    public async Task StringAndDoubleFilters_PageIndex_SameAnswerAsInMemoryWithFewerBytes(string sql)
    {
        var (pruned, prunedBytes) = await RunAsync(await HostsStoreAsync(s_pages), sql);
        var (_, unprunedBytes) = await RunAsync(await HostsStoreAsync(s_noPages), sql);
        var expected = await TestEngines.Local(_memory).QueryAsync(sql);
        ResultAssert.Equivalent(expected, pruned, ordered: false, sql);
        Assert.That(prunedBytes, Is.LessThan(unprunedBytes / 2), $"pruned {prunedBytes:N0} bytes, unpruned {unprunedBytes:N0}");
    }

    [Test]
    public async Task TimeRange_AdjacentKeptPages_ScannedAsOneRangeWithOneReadPerColumn()
    {
        var store = await TradesStoreAsync(s_pages);
        var catalog = await HiveTableCatalog.OpenAsync(store, new ParquetReaderOptions { CoalesceGapBytes = 0 }, new HiveCatalogOptions { FooterCache = null });
        store.Statistics.Reset();
        var result = await Engine(catalog).QueryAsync(TimeRangeQuery());
        Assert.That(result.Statistics.RowsScanned, Is.EqualTo(10_000));
        Assert.That(store.Statistics.ReadRequests, Is.EqualTo(3), "pages 7 and 8 of ts, price and volume: one ranged read each");
    }

    [Test]
    public async Task Discovery_PageIndex_ExposesOneChunkPerPage()
    {
        var catalog = await HiveTableCatalog.OpenAsync(await TradesStoreAsync(s_pages), options: new HiveCatalogOptions { FooterCache = null });
        catalog.TryGetTable("trades", out var table);
        var chunks = table!.Partitions[0].Chunks;
        Assert.That(chunks.Select(c => (c.RowStart, c.RowCount)), Is.EqualTo(Enumerable.Range(0, 40).Select(i => (i * 5_000L, 5_000L))));
        Assert.That(chunks[7].Statistics["ts"].Min, Is.EqualTo(_trades[0].Columns[0].GetScalar(35_000)));
    }

    [Test]
    public async Task Explain_TimeRange_ShowsPageChunksKeptOfTotal()
    {
        var catalog = await HiveTableCatalog.OpenAsync(await TradesStoreAsync(s_pages), options: new HiveCatalogOptions { FooterCache = null });
        var text = await Engine(catalog).ExplainAsync(TimeRangeQuery());
        Assert.That(text, Does.Contain("Pruning: 1 of 1 partitions, 2 of 40 chunks remain (10,000 rows)"));
    }

    [Test]
    public async Task ChunkedScan_PartialRowGroups_SameAnswerAsInMemory()
    {
        const string Sql = "SELECT count(*), sum(volume), min(price), max(price), first(price), last(price) FROM trades";
        var catalog = await HiveTableCatalog.OpenAsync(await TradesStoreAsync(s_pages), options: new HiveCatalogOptions { FooterCache = null });
        var chunked = new QueryExecutor(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 2, SerialThresholdRows = 0, ChunkRows = 7_777 }));
        var result = await chunked.QueryAsync(Sql);
        ResultAssert.Equivalent(await TestEngines.Local(_memory).QueryAsync(Sql), result, ordered: false, Sql);
        Assert.That(result.Statistics.Mode, Is.EqualTo(LocalModes.Chunked));
    }

    [Test]
    public async Task UndecodableOffsetIndex_IsIgnoredAndTheQueryAnswersAsWithoutPages()
    {
        var store = await TradesStoreAsync(s_pages);
        var bytes = await ReadAllAsync(store, "trades/part-0.parquet");
        // The last OffsetIndex ends where the footer starts; overwrite its tail with bytes no Thrift struct ends with.
        var footerStart = bytes.Length - 8 - BitConverter.ToInt32(bytes, bytes.Length - 8);
        bytes.AsSpan(footerStart - 24, 24).Fill(0xFF);
        await store.WriteAsync("trades/part-0.parquet", bytes, CancellationToken.None);
        var sql = TimeRangeQuery();

        var catalog = await HiveTableCatalog.OpenAsync(store, options: new HiveCatalogOptions { FooterCache = null });
        var damaged = await Engine(catalog).QueryAsync(sql);
        var expected = await TestEngines.Local(_memory).QueryAsync(sql);

        ResultAssert.Equivalent(expected, damaged, ordered: false, sql);
        Assert.That(catalog.TrySnapshot(out var activity) ? activity.IgnoredMetadata : 0, Is.GreaterThan(0));
    }

    [Test]
    public async Task ColumnIndexPageMinAboveMax_PageBoundsBecomeUnknownAndTheQueryAnswersCorrectly()
    {
        var store = new InMemoryObjectStore();
        await ParquetFileWriter.WriteToObjectStoreAsync(store, "hosts/part-0.parquet", s_hostsSchema, [Hosts(0, 4_000)], new ParquetWriterOptions { PageRowLimit = 1_000 });
        var bytes = await ReadAllAsync(store, "hosts/part-0.parquet");
        var chunk = ReadFooter(bytes).RowGroups[0].Columns[2];
        var index = bytes.AsSpan((int)chunk.ColumnIndexOffset!.Value, chunk.ColumnIndexLength!.Value);
        // Page 1 of n holds 1000 to 1999: its min becomes 9999.
        var min = index.IndexOf(BitConverter.GetBytes(1_000L));
        Assume.That(min, Is.GreaterThanOrEqualTo(0));
        BitConverter.GetBytes(9_999L).CopyTo(index[min..]);
        await store.WriteAsync("hosts/part-0.parquet", bytes, CancellationToken.None);
        var memory = new InMemoryCatalog();
        memory.Register("hosts", [Hosts(0, 4_000)]);
        const string Sql = "SELECT count(*), sum(n) FROM hosts WHERE n >= 1500 AND n < 2500";

        var reader = await ParquetFileReader.OpenAsync(store, "hosts/part-0.parquet");
        var pages = await reader.ReadPageStatisticsAsync(0, "n");
        var (actual, _) = await RunAsync(store, Sql);

        Assert.That(pages![1].Statistics.Min.IsNull && pages[1].Statistics.Max.IsNull, Is.True);
        Assert.That(pages[2].Statistics.Min, Is.EqualTo(ScalarValue.FromInt64(2_000)));
        Assert.That(reader.IgnoredMetadataCount, Is.EqualTo(1));
        ResultAssert.Equivalent(await TestEngines.Local(memory).QueryAsync(Sql), actual, ordered: false, Sql);
    }

    [Test]
    public async Task PageIndexBytesOverwritten_QueryFailsAsCorruptOrAnswersCorrectly()
    {
        var store = new InMemoryObjectStore();
        await ParquetFileWriter.WriteToObjectStoreAsync(store, "hosts/part-0.parquet", s_hostsSchema, [Hosts(0, 4_000)], new ParquetWriterOptions { PageRowLimit = 1_000 });
        var original = await ReadAllAsync(store, "hosts/part-0.parquet");
        var memory = new InMemoryCatalog();
        memory.Register("hosts", [Hosts(0, 4_000)]);
        const string Sql = "SELECT count(*), sum(n), min(host) FROM hosts WHERE n >= 1500 AND n < 2500";
        var expected = await TestEngines.Local(memory).QueryAsync(Sql);
        // Every byte of every ColumnIndex and OffsetIndex is flipped in turn (XOR 0x5A): structure, counts, offsets,
        // first rows and min/max bytes. Well-formed but wrong min/max could in general prune wrongly; these flips
        // are either caught (lists that disagree, rows that do not decode, min above max) or leave the answer intact.
        var (start, end) = PageIndexRegion(original);
        var unexpected = new List<string>();
        for (var position = start; position < end; position++)
        {
            var damaged = (byte[])original.Clone();
            damaged[position] ^= 0x5A;
            await store.WriteAsync("hosts/part-0.parquet", damaged, CancellationToken.None);
            try
            {
                var catalog = await HiveTableCatalog.OpenAsync(store, options: new HiveCatalogOptions { FooterCache = null });
                var actual = await Engine(catalog).QueryAsync(Sql);
                if (!Enumerable.Range(0, 3).All(c => ResultAssert.Same(expected.GetValue(0, c), actual.GetValue(0, c))))
                {
                    unexpected.Add($"byte {position}: wrong answer without an error");
                }
            }
            catch (CorruptDataException)
            {
            }
            catch (Exception exception) when (exception is not AssertionException)
            {
                unexpected.Add($"byte {position}: {exception.GetType().Name}: {exception.Message}");
            }
        }

        Assert.That(unexpected, Is.Empty);
    }

    private static QueryExecutor Engine(HiveTableCatalog catalog) =>
        new(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 1 }));

    /// <summary>
    /// Runs <paramref name="sql"/> over a fresh catalog of <paramref name="store"/> and counts the bytes the query read.
    /// Ranges are not coalesced: the default 1 MiB gap would merge the kept pages of these small row groups back
    /// into whole column chunks (the right trade for S3 latency, but it hides what pruning saves).
    /// </summary>
    private static async Task<(QueryResult Result, long Bytes)> RunAsync(InMemoryObjectStore store, string sql)
    {
        var catalog = await HiveTableCatalog.OpenAsync(store, new ParquetReaderOptions { CoalesceGapBytes = 0 }, new HiveCatalogOptions { FooterCache = null });
        var before = store.Statistics.BytesRead;
        var result = await Engine(catalog).QueryAsync(sql);
        return (result, store.Statistics.BytesRead - before);
    }

    /// <summary>Rows 35,000 to 44,999 of the first row group: two of its twenty pages.</summary>
    private string TimeRangeQuery()
    {
        var ts = _trades[0].Columns[0];
        return $"SELECT sum(volume), count(*), avg(price) FROM trades WHERE ts >= '{ts.GetScalar(35_000)}' AND ts < '{ts.GetScalar(45_000)}'";
    }

    private async Task<InMemoryObjectStore> TradesStoreAsync(ParquetWriterOptions options)
    {
        var store = new InMemoryObjectStore();
        await ParquetFileWriter.WriteToObjectStoreAsync(store, "trades/part-0.parquet", TradesGenerator.Schema, _trades, options);
        return store;
    }

    private async Task<InMemoryObjectStore> HostsStoreAsync(ParquetWriterOptions options)
    {
        var store = new InMemoryObjectStore();
        await ParquetFileWriter.WriteToObjectStoreAsync(store, "hosts/part-0.parquet", s_hostsSchema, _hosts, options);
        return store;
    }

    /// <summary>Rows sorted by host (h00 to h59, 1,000 rows each); v rises by 0.5 a row with a NULL every 101st row; n = row.</summary>
    private static ColumnBatch Hosts(int start, int count)
    {
        var hosts = new string[count];
        var values = new double[count];
        var validity = new byte[ValidityBitmap.ByteCount(count)];
        var numbers = new long[count];
        for (var i = 0; i < count; i++)
        {
            var row = start + i;
            hosts[i] = $"h{row / 1_000:D2}";
            values[i] = row * 0.5;
            ValidityBitmap.Set(validity, i, row % 101 != 0);
            numbers[i] = row;
        }

        return new ColumnBatch(s_hostsSchema, [StringColumn.FromValues(hosts), new DoubleColumn(values, validity), new Int64Column(numbers)], count);
    }

    private static async Task<byte[]> ReadAllAsync(InMemoryObjectStore store, string key)
    {
        var bytes = new byte[await store.GetSizeAsync(key, CancellationToken.None)];
        await store.ReadAsync(key, 0, bytes, CancellationToken.None);
        return bytes;
    }

    /// <summary>The page index of an Engine-written file: from the first chunk's ColumnIndex to the footer.</summary>
    private static (int Start, int End) PageIndexRegion(byte[] file)
    {
        var first = ReadFooter(file).RowGroups.SelectMany(g => g.Columns).Min(c => c.ColumnIndexOffset!.Value);
        return ((int)first, file.Length - 8 - BitConverter.ToInt32(file, file.Length - 8));
    }

    private static FileMetaData ReadFooter(byte[] file)
    {
        var length = BitConverter.ToInt32(file, file.Length - 8);
        var footerStart = file.Length - 8 - length;
        var reader = new ThriftCompactReader(file.AsSpan(footerStart, length), "f", footerStart);
        return MetadataDecoder.ReadFileMetaData(ref reader);
    }
}
