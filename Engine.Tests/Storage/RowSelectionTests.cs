using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Storage.Parquet;

namespace Engine.Tests.Storage;

/// <summary>Row selections: validation of the ranges, and which pages a range predicate keeps.</summary>
public class RowSelectionTests
{
    [Test]
    public void Constructor_AdjacentRanges_AreMerged()
    {
        var selection = new RowSelection([new RowRange(0, 10), new RowRange(10, 20), new RowRange(30, 35)]);

        Assert.That(selection.Ranges, Is.EqualTo(new[] { new RowRange(0, 20), new RowRange(30, 35) }));
        Assert.That(selection.RowCount, Is.EqualTo(25));
    }

    [Test]
    public void Constructor_OverlappingRanges_Throw()
    {
        Assert.That(() => new RowSelection([new RowRange(0, 10), new RowRange(5, 20)]), Throws.ArgumentException);
    }

    [Test]
    public void Constructor_EmptyRange_Throws()
    {
        Assert.That(() => new RowSelection([new RowRange(4, 4)]), Throws.ArgumentException);
    }

    [Test]
    public void FromPages_KeepsOverlappingAndUnknownPages_DropsOthersAndNullOnlyPages()
    {
        var unknown = ScalarValue.Null(DataType.Double);
        ParquetPageStatistics[] pages =
        [
            new(new RowRange(0, 10), new ColumnStatistics(ScalarValue.FromDouble(0), ScalarValue.FromDouble(9), 0)),
            new(new RowRange(10, 20), new ColumnStatistics(ScalarValue.FromDouble(10), ScalarValue.FromDouble(19), 0)),
            new(new RowRange(20, 30), new ColumnStatistics(unknown, unknown, -1)),
            new(new RowRange(30, 40), new ColumnStatistics(unknown, unknown, 10)),
            new(new RowRange(40, 50), new ColumnStatistics(ScalarValue.FromDouble(40), ScalarValue.FromDouble(49), 0)),
        ];

        var selection = RowSelection.FromPages(pages, ScalarValue.FromDouble(12), ScalarValue.FromDouble(15));

        Assert.That(selection.Ranges, Is.EqualTo(new[] { new RowRange(10, 30) }));
    }

    [Test]
    public void FromPages_OpenBounds_KeepEveryPageWithValues()
    {
        ParquetPageStatistics[] pages =
        [
            new(new RowRange(0, 10), new ColumnStatistics(ScalarValue.FromInt64(0), ScalarValue.FromInt64(9), 0)),
            new(new RowRange(10, 20), new ColumnStatistics(ScalarValue.FromInt64(10), ScalarValue.FromInt64(19), 0)),
        ];

        var selection = RowSelection.FromPages(pages, ScalarValue.Null(DataType.Int64), ScalarValue.FromInt64(10));

        Assert.That(selection.Ranges, Is.EqualTo(new[] { new RowRange(0, 20) }));
    }

    [Test]
    public void FromPages_NoUpperBound_KeepsPagesThatMayHoldNaN()
    {
        ParquetPageStatistics[] pages =
        [
            new(new RowRange(0, 10), new ColumnStatistics(ScalarValue.FromDouble(0), ScalarValue.FromDouble(9), 0)),
            new(new RowRange(10, 20), new ColumnStatistics(ScalarValue.FromDouble(0), ScalarValue.FromDouble(9), 0, NanCount: 0)),
        ];

        var selection = RowSelection.FromPages(pages, ScalarValue.FromDouble(12), ScalarValue.Null(DataType.Double));

        Assert.That(selection.Ranges, Is.EqualTo(new[] { new RowRange(0, 10) }), "NaN >= 12 holds, so only the page proven NaN-free is dropped");
    }
}
