using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Schedulers.Local;
using Engine.Storage.Catalog;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Storage.Parquet.Writing;

namespace Engine.Tests.Storage.Catalog;

/// <summary>
/// Parquet min/max leave NaN out, so a DOUBLE chunk or page may hold NaN above its max. Engine writes
/// nan_count (chunk statistics) and nan_counts (page index) and reads them back: NaN-free pages can be pruned,
/// pages that may hold NaN are kept for comparisons NaN satisfies.
/// </summary>
[TestFixture]
public sealed class NaNStatisticsTests
{
    // Two pages of 4 rows: [1, 2, NaN, 3] then [1, 2, 3, 4].
    private static readonly double[] s_values = [1, 2, double.NaN, 3, 1, 2, 3, 4];

    [Test]
    public async Task ChunkAndPageStatistics_CarryTheNaNCounts()
    {
        var reader = await ParquetFileReader.OpenAsync(await StoreAsync(), "t/part-0.parquet");

        var pages = await reader.ReadPageStatisticsAsync(0, "v");

        Assert.That(reader.RowGroups[0].Statistics[0].NanCount, Is.EqualTo(1));
        Assert.That(pages!.Select(p => p.Statistics.NanCount), Is.EqualTo(new long[] { 1, 0 }));
    }

    [Test]
    public async Task GreaterThanEveryFiniteValue_StillFindsTheNaNRow()
    {
        var result = await QueryAsync("SELECT count(*) FROM t WHERE v > 100");

        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(1));
        Assert.That(result.Statistics.RowsScanned, Is.EqualTo(4), "only the page proven free of NaN is skipped");
    }

    [Test]
    public async Task BoundedRange_ReadsOnlyThePageThatMayHoldNaN()
    {
        var result = await QueryAsync("SELECT count(*) FROM t WHERE v >= 100 AND v < 200");

        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(0));
        Assert.That(result.Statistics.RowsScanned, Is.EqualTo(4), "each comparison is decided alone, and `v >= 100` cannot rule out the NaN page");
    }

    private static async Task<QueryResult> QueryAsync(string sql)
    {
        var catalog = await HiveTableCatalog.OpenAsync(await StoreAsync());
        var engine = new QueryExecutor(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 1 }));
        return await engine.QueryAsync(sql);
    }

    private static async Task<InMemoryObjectStore> StoreAsync()
    {
        var store = new InMemoryObjectStore();
        var schema = new Schema([new Field("v", DataType.Double, Nullable: false)]);
        await ParquetFileWriter.WriteToObjectStoreAsync(store, "t/part-0.parquet", schema, [new ColumnBatch(schema, [new DoubleColumn(s_values)], s_values.Length)],
            new ParquetWriterOptions { PageRowLimit = 4 });
        return store;
    }
}
