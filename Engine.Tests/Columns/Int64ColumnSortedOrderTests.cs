using Engine.Core.Catalog;
using Engine.Core.Columns;

namespace Engine.Tests.Columns;

/// <summary>An Int64Column proven ascending once keeps that knowledge through slices, so range filters can binary-search it.</summary>
[TestFixture]
public sealed class Int64ColumnSortedOrderTests
{
    [Test]
    public void NewColumn_IsNotKnownSorted() =>
        Assert.That(new Int64Column([1, 2, 3]).IsSortedAscending, Is.False);

    [Test]
    public void AscendingValuesWithTies_AreMarkedSorted() =>
        Assert.That(new Int64Column([1, 2, 2, 3, 10, 10]).WithSortedOrderChecked().IsSortedAscending, Is.True);

    [Test]
    public void OneDescent_IsNotMarkedSorted()
    {
        var values = Enumerable.Range(0, 1000).Select(i => (long)i).ToArray();
        values[777] = -1;

        Assert.That(new Int64Column(values).WithSortedOrderChecked().IsSortedAscending, Is.False);
    }

    [Test]
    public void ColumnWithNulls_IsNotMarkedSorted()
    {
        var validity = ValidityBitmap.Create(3, allValid: true);
        ValidityBitmap.Set(validity, 1, false);

        Assert.That(new Int64Column([1, 2, 3], validity).WithSortedOrderChecked().IsSortedAscending, Is.False);
    }

    [Test]
    public void SliceOfASortedColumn_StaysSortedWithTheSameValues()
    {
        var slice = (Int64Column)new Int64Column([1, 2, 3, 4, 5], null, DataType.Timestamp).WithSortedOrderChecked().Slice(1, 3);

        Assert.That(slice.IsSortedAscending, Is.True);
        Assert.That(slice.Values.ToArray(), Is.EqualTo(new long[] { 2, 3, 4 }));
        Assert.That(slice.Type, Is.EqualTo(DataType.Timestamp));
    }

    [Test]
    public async Task InMemoryTable_ServesItsAscendingColumnsMarkedSorted()
    {
        var catalog = new InMemoryCatalog();
        var schema = new Schema([new Field("ts", DataType.Timestamp), new Field("v", DataType.Int64)]);
        catalog.Register("t", [new ColumnBatch(schema, [new Int64Column([10, 20, 30], null, DataType.Timestamp), new Int64Column([3, 1, 2])], 3)], "ts");
        catalog.TryGetTable("t", out var table);

        var columns = new List<Column>();
        await foreach (var batch in catalog.ReadAsync(new PartitionScan("t", table!.Partitions[0].Id, ["ts", "v"], 0, 3), CancellationToken.None))
        {
            columns.AddRange(batch.Columns);
        }

        Assert.That(columns.Select(c => ((Int64Column)c).IsSortedAscending), Is.EqualTo(new[] { true, false }));
    }
}
