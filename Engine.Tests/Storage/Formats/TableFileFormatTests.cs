using System.Text;
using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Schedulers.Local;
using Engine.Storage.Catalog;
using Engine.Storage.Formats;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet.Writing;

namespace Engine.Tests.Storage.Formats;

/// <summary>A file format added through <see cref="ITableFileFormat"/> is discovered, pruned and scanned by the unchanged catalog.</summary>
public class TableFileFormatTests
{
    private static async Task<InMemoryObjectStore> LinesStoreAsync()
    {
        var store = new InMemoryObjectStore();
        await store.WriteAsync("t/k=1/a.lines", Encoding.UTF8.GetBytes("1\n2\n3\n10\n11\n12\n"), CancellationToken.None);
        await store.WriteAsync("t/k=2/b.lines", Encoding.UTF8.GetBytes("4\n5\n"), CancellationToken.None);
        return store;
    }

    private static QueryExecutor Engine(HiveTableCatalog catalog) =>
        new(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 2, SerialThresholdRows = 0 }));

    [Test]
    public async Task SecondFormat_TablesAreDiscoveredWithTheirHiveKeys()
    {
        var catalog = await HiveTableCatalog.OpenAsync(await LinesStoreAsync(), options: new HiveCatalogOptions { Formats = [new LinesFormat()] });

        var table = await catalog.FindTableAsync("t", CancellationToken.None);

        Assert.That(table!.Schema.Fields.Select(f => (f.Name, f.Type)), Is.EqualTo(new[] { ("v", DataType.Int64), ("k", DataType.Int64) }));
        Assert.That(table.Partitions.Select(p => p.RowCount), Is.EqualTo(new long[] { 6, 2 }));
        Assert.That(table.Partitions[0].Chunks, Has.Count.EqualTo(2));
    }

    [Test]
    public async Task SecondFormat_AnswersAggregatesWithPathKeys()
    {
        var catalog = HiveTableCatalog.Create(await LinesStoreAsync(), options: new HiveCatalogOptions { Formats = [new LinesFormat()] });

        var result = await Engine(catalog).QueryAsync("SELECT k, sum(v), count(*) FROM t GROUP BY k ORDER BY k");

        Assert.That(result.Rows().Select(r => $"{r[0]}:{r[1]}:{r[2]}"), Is.EqualTo(new[] { "1:39:6", "2:9:2" }));
    }

    [Test]
    public async Task SecondFormat_ChunksPrunedByTheirStatistics_AreNeverRead()
    {
        var format = new LinesFormat();
        var catalog = HiveTableCatalog.Create(await LinesStoreAsync(), options: new HiveCatalogOptions { Formats = [format] });

        var result = await Engine(catalog).QueryAsync("SELECT count(*), min(v) FROM t WHERE v >= 10");

        Assert.That(result.Rows().Select(r => $"{r[0]}:{r[1]}"), Is.EqualTo(new[] { "3:10" }));
        Assert.That(format.ChunksRead, Is.EqualTo(new[] { "t/k=1/a.lines#1" }), "only the chunk holding 10..12");
    }

    [Test]
    public async Task TwoFormats_ServeTheirOwnTablesInOneStore()
    {
        var store = await LinesStoreAsync();
        var schema = new Schema([new Field("x", DataType.Int64)]);
        await ParquetFileWriter.WriteToObjectStoreAsync(store, "p/part-0.parquet", schema, [new ColumnBatch(schema, [new Int64Column([7, 8])], 2)]);

        var catalog = HiveTableCatalog.Create(store, options: new HiveCatalogOptions { Formats = [new ParquetFormat(), new LinesFormat()] });

        var lines = await Engine(catalog).QueryAsync("SELECT sum(v) FROM t");
        var parquet = await Engine(catalog).QueryAsync("SELECT sum(x) FROM p");

        Assert.That(lines.GetValue(0, 0).Int64Value, Is.EqualTo(48));
        Assert.That(parquet.GetValue(0, 0).Int64Value, Is.EqualTo(15));
    }
}
