using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Generators;
using Engine.Schedulers.Local;
using Engine.Storage.Catalog;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Storage.Parquet.Writing;

namespace Engine.Tests.Storage.Catalog;

/// <summary>
/// A column chunk whose statistics prove one value in every row (min equals max, no NULLs) is answered from
/// the statistics without being fetched; anything less than that proof is read from the file.
/// </summary>
[TestFixture]
public sealed class SingleValuedChunkTests
{
    [Test]
    public async Task SymbolOfAFilePerSymbol_IsNotFetched()
    {
        var store = await TradesFileAsync();
        var catalog = await HiveTableCatalog.OpenAsync(store);
        var engine = new QueryExecutor(catalog, catalog, new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = 1 }));

        var before = store.Statistics.BytesRead;
        var withoutSymbol = await engine.QueryAsync("SELECT sum(volume) FROM trades");
        var volumeBytes = store.Statistics.BytesRead - before;
        var withSymbol = await engine.QueryAsync("SELECT symbol, sum(volume) FROM trades GROUP BY symbol");
        var symbolAndVolumeBytes = store.Statistics.BytesRead - before - volumeBytes;

        Assert.That(symbolAndVolumeBytes, Is.EqualTo(volumeBytes));
        Assert.That(withSymbol.GetValue(0, 0).StringValue, Is.EqualTo(TradesGenerator.SymbolName(0)));
        Assert.That(withSymbol.GetValue(0, 1), Is.EqualTo(withoutSymbol.GetValue(0, 0)));
    }

    [Test]
    public async Task SingleValuedChunk_ReadsBackAsThatValueInEveryRow()
    {
        var store = await TradesFileAsync();
        var reader = await ParquetFileReader.OpenAsync(store, "trades/part-0.parquet");

        var batch = await reader.ReadRowGroupAsync(1, ["symbol"]);

        Assert.That(batch.RowCount, Is.EqualTo(10_000));
        Assert.That(Enumerable.Range(0, batch.RowCount).Select(r => batch.Columns[0].GetScalar(r).StringValue).Distinct(), Is.EqualTo(new[] { TradesGenerator.SymbolName(0) }));
    }

    [Test]
    public async Task RowSelectionOfASingleValuedChunk_IsNotFetched()
    {
        var store = await TradesFileAsync();
        var reader = await ParquetFileReader.OpenAsync(store, "trades/part-0.parquet");
        var selection = new RowSelection([new RowRange(100, 300)]);

        var before = store.Statistics.BytesRead;
        await reader.ReadRowGroupAsync(1, ["volume"], selection);
        var volumeBytes = store.Statistics.BytesRead - before;
        var batch = await reader.ReadRowGroupAsync(1, ["symbol", "volume"], selection);
        var bothBytes = store.Statistics.BytesRead - before - volumeBytes;

        Assert.That(bothBytes, Is.EqualTo(volumeBytes));
        Assert.That(batch.RowCount, Is.EqualTo(200));
        Assert.That(Enumerable.Range(0, batch.RowCount).Select(r => batch.Columns[0].GetScalar(r).StringValue).Distinct(), Is.EqualTo(new[] { TradesGenerator.SymbolName(0) }));
    }

    [Test]
    public async Task EqualBoundsWithNulls_AreReadFromTheFile()
    {
        var store = new InMemoryObjectStore();
        var builder = new ColumnBuilder(DataType.String);
        for (var i = 0; i < 1000; i++)
        {
            if (i % 10 == 0)
            {
                builder.AppendNull();
            }
            else
            {
                builder.AppendString("S0001");
            }
        }

        var schema = new Schema([new Field("symbol", DataType.String, Nullable: true)]);
        await ParquetFileWriter.WriteToObjectStoreAsync(store, "t.parquet", schema, [new ColumnBatch(schema, [builder.Build()], 1000)]);
        var reader = await ParquetFileReader.OpenAsync(store, "t.parquet");

        var column = (await reader.ReadRowGroupAsync(0, ["symbol"])).Columns[0];

        Assert.That(Enumerable.Range(0, 1000).Count(r => column.GetScalar(r).IsNull), Is.EqualTo(100));
    }

    [Test]
    public async Task EqualDoubleBounds_AreReadFromTheFileBecauseNaNIsOutsideStatistics()
    {
        var store = new InMemoryObjectStore();
        double[] values = [1.5, double.NaN, 1.5, 1.5];
        var schema = new Schema([new Field("price", DataType.Double, Nullable: false)]);
        await ParquetFileWriter.WriteToObjectStoreAsync(store, "t.parquet", schema, [new ColumnBatch(schema, [new DoubleColumn(values, null)], values.Length)]);
        var reader = await ParquetFileReader.OpenAsync(store, "t.parquet");

        var column = (await reader.ReadRowGroupAsync(0, ["price"])).Columns[0];

        Assert.That(double.IsNaN(column.GetScalar(1).DoubleValue), Is.True);
    }

    private static async Task<InMemoryObjectStore> TradesFileAsync()
    {
        var store = new InMemoryObjectStore();
        var generated = new TradesGenerator(new TradesOptions { Rows = 40_000, Symbols = 1, BatchRows = 10_000 }).GeneratePartition(0);
        await ParquetFileWriter.WriteToObjectStoreAsync(store, "trades/part-0.parquet", TradesGenerator.Schema, generated.Batches,
            new ParquetWriterOptions { RowGroupRows = 10_000 });
        return store;
    }
}
