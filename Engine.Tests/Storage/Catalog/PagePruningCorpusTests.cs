using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Core.Storage;
using Engine.Schedulers.Local;
using Engine.Storage.Catalog;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Storage.Parquet.Writing;
using Engine.Tests.Support;

namespace Engine.Tests.Storage.Catalog;

/// <summary>
/// Page-level pruning and page reads on files other writers made (parquet-mr page indexes, read in place),
/// whose page boundaries differ from column to column, and how often the page index is fetched.
/// </summary>
public sealed class PagePruningCorpusTests
{
    private static readonly object[] s_queries =
    [
        new object[] { "parquet-testing/alltypes_tiny_pages.parquet", "SELECT count(*), sum(int_col), min(string_col) FROM {0} WHERE id >= 1000 AND id < 1300" },
        new object[] { "parquet-testing/alltypes_tiny_pages.parquet", "SELECT count(*), sum(bigint_col), max(date_string_col) FROM {0} WHERE double_col > 50 AND month = 3" },
        new object[] { "parquet-testing/alltypes_tiny_pages.parquet", "SELECT string_col, count(*), sum(smallint_col) FROM {0} WHERE date_string_col < '02/01/09' GROUP BY string_col" },
        new object[] { "parquet-testing/int32_with_null_pages.parquet", "SELECT count(*), count(int32_field), sum(int32_field) FROM {0} WHERE int32_field > 0" },
        new object[] { "parquet-testing/int32_with_null_pages.parquet", "SELECT count(*), min(int32_field) FROM {0} WHERE int32_field < -1000000000 OR int32_field IS NULL" },
    ];

    [TestCaseSource(nameof(s_queries))]
    public async Task Query_SerialAndChunked_EqualTheWholeFileInMemory(string file, string sql)
    {
        var path = Path.Combine(TestPaths.TestData, file);
        var expected = await TestEngines.Local(await InMemoryAsync(file)).QueryAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, "t"));
        var fromFile = string.Format(System.Globalization.CultureInfo.InvariantCulture, sql, $"'{path}'");
        var catalog = await HiveTableCatalog.OpenAsync(new InMemoryObjectStore(), options: new HiveCatalogOptions { FooterCache = null });
        var serial = new QueryExecutor(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 1 }));
        var chunked = new QueryExecutor(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 2, SerialThresholdRows = 0, ChunkRows = 333 }));
        ResultAssert.Equivalent(expected, await serial.QueryAsync(fromFile), ordered: false, sql);
        ResultAssert.Equivalent(expected, await chunked.QueryAsync(fromFile), ordered: false, sql + " (CHUNKED)");
    }

    [Test]
    public async Task Discovery_RowGroupWithMoreThan256Pages_StaysOneChunk()
    {
        var path = Path.Combine(TestPaths.TestData, "parquet-testing/alltypes_tiny_pages.parquet");
        var catalog = await HiveTableCatalog.OpenAsync(new InMemoryObjectStore(), options: new HiveCatalogOptions { FooterCache = null });
        var table = await catalog.FindTableAsync(path, CancellationToken.None);
        var reader = await ParquetFileReader.OpenAsync(new FileSystemObjectStore(Path.GetDirectoryName(path)!), Path.GetFileName(path));
        Assume.That((await reader.ReadPageStatisticsAsync(0, "id"))!, Has.Count.GreaterThan(256));
        Assert.That(table!.Partitions[0].Chunks, Has.Count.EqualTo(1));
    }

    [Test]
    public async Task Discovery_IndexInsideTheTailRead_ReadsOnlyTheTail()
    {
        var store = new InMemoryObjectStore();
        await WriteTradesAsync(store, "t/part-0.parquet");
        await HiveTableCatalog.OpenAsync(store, options: new HiveCatalogOptions { FooterCache = null });
        Assert.That(store.Statistics.ReadRequests, Is.EqualTo(1));
    }

    [Test]
    public async Task IndexOutsideTheTailRead_FetchedOnceAndCachedWithTheFooter()
    {
        var root = Path.Combine(Path.GetTempPath(), "engine-pageindex-" + Guid.NewGuid().ToString("N"));
        try
        {
            var store = new FileSystemObjectStore(root);
            await WriteTradesAsync(store, "t/part-0.parquet");
            var options = new HiveCatalogOptions { FooterCache = new ParquetFooterCache(4) };
            var readerOptions = new ParquetReaderOptions { FooterReadSize = 64, CoalesceGapBytes = 0 };
            store.Statistics.Reset();
            var first = await HiveTableCatalog.OpenAsync(store, readerOptions, options);
            var atFirstDiscovery = store.Statistics.ReadRequests;
            store.Statistics.Reset();
            var second = await HiveTableCatalog.OpenAsync(store, readerOptions, options);
            second.TryGetTable("t", out var table);
            var pageStart = table!.Partitions[0].Chunks[3].Statistics["ts"].Min;
            var result = await new QueryExecutor(second, second, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 1 }))
                .QueryAsync($"SELECT count(*) FROM t WHERE ts >= '{pageStart}' AND ts < '{table.Partitions[0].Chunks[4].Statistics["ts"].Min}'");

            Assert.That(first.TableNames, Has.Count.EqualTo(1));
            Assert.That(atFirstDiscovery, Is.EqualTo(3), "the tail, the rest of the footer, the page index region");
            Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(1_000));
            Assert.That(store.Statistics.ReadRequests, Is.EqualTo(1), "only the ts page: no footer or index read again");
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static Task<long> WriteTradesAsync(IObjectStore store, string key)
    {
        var generated = new TradesGenerator(new TradesOptions { Rows = 10_000, Symbols = 1, BatchRows = 10_000 }).GeneratePartition(0);
        return ParquetFileWriter.WriteToObjectStoreAsync(store, key, TradesGenerator.Schema, generated.Batches, new ParquetWriterOptions { PageRowLimit = 1_000 });
    }

    private static async Task<InMemoryCatalog> InMemoryAsync(string file)
    {
        var reader = await ParquetFileReader.OpenAsync(new FileSystemObjectStore(TestPaths.TestData), file);
        var names = reader.Schema.Fields.Select(f => f.Name).ToArray();
        var batches = new List<ColumnBatch>();
        for (var g = 0; g < reader.RowGroups.Count; g++)
        {
            batches.Add(await reader.ReadRowGroupAsync(g, names));
        }

        var catalog = new InMemoryCatalog();
        catalog.Register("t", batches);
        return catalog;
    }
}
