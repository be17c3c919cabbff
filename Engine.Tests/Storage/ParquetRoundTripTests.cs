using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Generators;
using Engine.Storage.ObjectStores;
using Engine.Storage.Parquet;
using Engine.Storage.Parquet.Writing;

namespace Engine.Tests.Storage;

/// <summary>What Engine's Parquet writer writes, Engine's reader reads back value for value.</summary>
public class ParquetRoundTripTests
{
    [Test]
    public async Task GeneratedTrades_WrittenThenRead_AreIdentical()
    {
        var catalog = new InMemoryCatalog();
        TradesGenerator.RegisterTrades(catalog, new TradesOptions { Rows = 5_000, Symbols = 1, BatchRows = 1_200 });
        catalog.TryGetTable("trades", out var table);
        var partition = table!.Partitions[0];
        var columns = table.Schema.Fields.Select(f => f.Name).ToArray();
        var batches = new List<ColumnBatch>();
        await foreach (var batch in catalog.ReadAsync(new PartitionScan("trades", partition.Id, columns, 0, partition.RowCount), CancellationToken.None))
        {
            batches.Add(batch);
        }

        var store = new InMemoryObjectStore();
        await ParquetFileWriter.WriteToObjectStoreAsync(store, "trades/symbol=S0001/part-0.parquet", table.Schema, batches);
        var reader = await ParquetFileReader.OpenAsync(store, "trades/symbol=S0001/part-0.parquet");

        var expected = batches.SelectMany(Rows).ToList();
        var actual = new List<string>();
        for (var g = 0; g < reader.RowGroups.Count; g++)
        {
            actual.AddRange(Rows(await reader.ReadRowGroupAsync(g, columns)));
        }

        Assert.That(reader.Schema.Fields.Select(f => (f.Name, f.Type)), Is.EqualTo(table.Schema.Fields.Select(f => (f.Name, f.Type))));
        Assert.That(actual, Is.EqualTo(expected));
    }

    private static IEnumerable<string> Rows(ColumnBatch batch)
    {
        for (var r = 0; r < batch.RowCount; r++)
        {
            yield return string.Join("|", batch.Columns.Select(c => c.GetScalar(r).ToString()));
        }
    }
}
