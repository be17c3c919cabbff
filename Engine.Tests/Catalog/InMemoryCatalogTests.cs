using Engine.Core.Catalog;
using Engine.Core.Columns;

namespace Engine.Tests.Catalog;

/// <summary>Partition ids of the in-memory catalog are deterministic, so separate processes agree on them.</summary>
public sealed class InMemoryCatalogTests
{
    private static ColumnBatch Batch(params long[] values) =>
        new(new Schema([new Field("x", DataType.Int64)]), [new Int64Column(values)], values.Length);

    private static async Task<long[]> ReadAll(InMemoryCatalog catalog, PartitionInfo partition)
    {
        var values = new List<long>();
        await foreach (var batch in catalog.ReadAsync(new PartitionScan("t", partition.Id, ["x"], 0, partition.RowCount), CancellationToken.None))
        {
            values.AddRange(((Int64Column)batch.Columns[0]).Values.ToArray());
        }

        return [.. values];
    }

    [Test]
    public void Register_NamesPartitionsByTableAndIndex()
    {
        var table = new InMemoryCatalog().Register("t", Batch(1).Schema,
            [(new Dictionary<string, ScalarValue>(), [Batch(1)]), (new Dictionary<string, ScalarValue>(), [Batch(2)])], null);

        Assert.That(table.Partitions.Select(p => p.Id), Is.EqualTo(new[] { "mem://t/0", "mem://t/1" }));
    }

    [Test]
    public async Task ReplacingATable_ReadsTheNewBatchesUnderTheSameId()
    {
        var catalog = new InMemoryCatalog();
        catalog.Register("t", [Batch(1, 2)]);

        var replaced = catalog.Register("t", [Batch(7, 8, 9)]);

        Assert.That(await ReadAll(catalog, replaced.Partitions[0]), Is.EqualTo(new long[] { 7, 8, 9 }));
    }

    [Test]
    public async Task ReplacingATableWithFewerPartitions_DropsTheRest()
    {
        var catalog = new InMemoryCatalog();
        var first = catalog.Register("t", Batch(1).Schema,
            [(new Dictionary<string, ScalarValue>(), [Batch(1)]), (new Dictionary<string, ScalarValue>(), [Batch(2)])], null);

        catalog.Register("t", [Batch(3)]);

        Assert.That(async () => await ReadAll(catalog, first.Partitions[1]), Throws.TypeOf<Core.Errors.StorageException>());
    }
}
