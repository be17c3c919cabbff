using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Planning;

namespace Engine.Tests.Execution;

/// <summary>ORDER BY through normalized int64 keys keeps DuckDB's order and a stable order among ties.</summary>
[TestFixture]
public sealed class RowSorterTests
{
    [Test]
    public void Doubles_NaNAboveEveryNumber_SignedZerosTieInInputOrder()
    {
        var batch = Batch(new DoubleColumn([double.NaN, 0.0, -1.5, -0.0, double.PositiveInfinity, double.NegativeInfinity]));

        var order = RowSorter.Order(batch, [new SortKey(0, Descending: false, NullsFirst: false)], null);

        Assert.That(order, Is.EqualTo(new[] { 5, 2, 1, 3, 4, 0 }));
    }

    [Test]
    public void Strings_OrdinalOrder_RepeatedDictionaryEntriesTie()
    {
        // Dictionary with "b" twice: rows 0 and 2 are equal and keep their order.
        var batch = Batch(new StringColumn([0, 1, 2, 3], 0, 4, ["b", "B", "b", "a"], null));

        var order = RowSorter.Order(batch, [new SortKey(0, Descending: false, NullsFirst: false)], null);

        Assert.That(order, Is.EqualTo(new[] { 1, 3, 0, 2 }));
    }

    [Test]
    public void Nulls_LastByDefault_FirstWhenAsked_DescendingFlipsOnlyValues()
    {
        var builder = new ColumnBuilder(DataType.Int64);
        builder.AppendInt64(2);
        builder.AppendNull();
        builder.AppendInt64(7);
        var batch = Batch(builder.Build());

        Assert.That(RowSorter.Order(batch, [new SortKey(0, Descending: true, NullsFirst: false)], null), Is.EqualTo(new[] { 2, 0, 1 }));
        Assert.That(RowSorter.Order(batch, [new SortKey(0, Descending: false, NullsFirst: true)], null), Is.EqualTo(new[] { 1, 0, 2 }));
    }

    private static ColumnBatch Batch(Column column) =>
        new(new Schema([new Field("x", column.Type)]), [column], column.Length);
}
