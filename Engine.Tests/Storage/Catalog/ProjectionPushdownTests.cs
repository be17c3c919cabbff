using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Schedulers.Local;
using Engine.Storage.Catalog;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet.Writing;

namespace Engine.Tests.Storage.Catalog;

/// <summary>Queries fetch only the column chunks they need, counted in bytes read from the store.</summary>
public class ProjectionPushdownTests
{
    [Test]
    public async Task QueryTouchingTwoOfFourColumns_ReadsAtMostSixtyPercentOfTheFile()
    {
        var store = new InMemoryObjectStore();
        var generated = new TradesGenerator(new TradesOptions { Rows = 200_000, Symbols = 1, BatchRows = 50_000 }).GeneratePartition(0);
        await ParquetFileWriter.WriteToObjectStoreAsync(store, "trades/part-0.parquet", TradesGenerator.Schema, generated.Batches,
            new ParquetWriterOptions { RowGroupRows = 50_000 });
        var fileBytes = await store.GetSizeAsync("trades/part-0.parquet", CancellationToken.None);
        var catalog = await HiveTableCatalog.OpenAsync(store);
        var footerBytes = store.Statistics.BytesRead;

        var engine = new QueryExecutor(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 1 }));
        var result = await engine.QueryAsync("SELECT sum(volume), max(price) FROM trades");
        var queryBytes = store.Statistics.BytesRead - footerBytes;

        Assert.That(result.GetValue(0, 0).IsNull, Is.False);
        Assert.That(queryBytes, Is.LessThanOrEqualTo(fileBytes * 0.6), $"read {queryBytes:N0} of {fileBytes:N0} bytes");
    }

    [Test]
    public async Task TimeRangeFilter_SkipsRowGroupsOutsideTheRange()
    {
        var store = new InMemoryObjectStore();
        var generated = new TradesGenerator(new TradesOptions { Rows = 40_000, Symbols = 1, BatchRows = 10_000 }).GeneratePartition(0);
        await ParquetFileWriter.WriteToObjectStoreAsync(store, "trades/part-0.parquet", TradesGenerator.Schema, generated.Batches,
            new ParquetWriterOptions { RowGroupRows = 10_000 });
        var catalog = await HiveTableCatalog.OpenAsync(store);
        catalog.TryGetTable("trades", out var table);
        var secondGroupStart = table!.Partitions[0].Chunks[1].Statistics["ts"].Min;

        var engine = new QueryExecutor(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 1 }));
        var result = await engine.QueryAsync($"SELECT count(*) FROM trades WHERE ts >= '{secondGroupStart}' AND ts < '{table.Partitions[0].Chunks[2].Statistics["ts"].Min}'");

        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(10_000));
        Assert.That(result.Statistics.RowsScanned, Is.EqualTo(10_000), "only the second of four row groups is read");
    }
}
