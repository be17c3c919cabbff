using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Expressions;

namespace Engine.Tests.Execution;

/// <summary>The sorted-range filter keeps exactly the rows the general filter selects, as one slice.</summary>
public class SortedRangeFilterTests
{
    private static readonly ComparisonOperator[] s_operators = Enum.GetValues<ComparisonOperator>();
    private static readonly ColumnReference s_ts = new(0, "ts", DataType.Timestamp);

    private static ColumnBatch Batch(long[] values) =>
        new(new Schema([new Field("ts", DataType.Timestamp)]), [new Int64Column(values, null, DataType.Timestamp)], values.Length);

    private static long[] SortedWithDuplicates(int seed, int rows)
    {
        var random = new Random(seed);
        var values = new long[rows];
        for (var i = 1; i < rows; i++)
        {
            values[i] = values[i - 1] + random.Next(0, 3);
        }

        return values;
    }

    private static Literal At(long value) => new(ScalarValue.FromTimestamp(value));

    private static int[] Range(int start, int length) => Enumerable.Range(start, length).ToArray();

    [Test]
    public void EveryOperatorExceptNotEqualBothOrientations_SelectsWhatTheGeneralFilterSelects([Values(1, 2)] int seed)
    {
        var batch = Batch(SortedWithDuplicates(seed, 300));
        foreach (var op in s_operators.Where(o => o != ComparisonOperator.NotEqual))
        {
            foreach (var constant in new long[] { -1, 0, 57, 150, 1000 })
            {
                foreach (var comparison in new[] { new ComparisonExpression(op, s_ts, At(constant)), new ComparisonExpression(op, At(constant), s_ts) })
                {
                    Assert.That(SortedRangeFilter.TryRange(comparison, batch, out var start, out var length), Is.True, comparison.ToString());
                    Assert.That(Range(start, length), Is.EqualTo(ExpressionEvaluator.FilterRows(comparison, batch)), comparison.ToString());
                }
            }
        }
    }

    [Test]
    public void ConjunctionOfTwoBounds_IsTheIntersectionOfTheirRanges()
    {
        var batch = Batch(SortedWithDuplicates(3, 1000));
        var filter = new LogicalExpression(LogicalOperator.And,
            new ComparisonExpression(ComparisonOperator.GreaterOrEqual, s_ts, At(200)),
            new ComparisonExpression(ComparisonOperator.Less, s_ts, At(400)));

        Assert.That(SortedRangeFilter.TryRange(filter, batch, out var start, out var length), Is.True);
        Assert.That(Range(start, length), Is.EqualTo(ExpressionEvaluator.FilterRows(filter, batch)));
    }

    [Test]
    public void UnsortedColumn_FallsBackToTheGeneralPath()
    {
        var values = SortedWithDuplicates(4, 100);
        values[70] = -5;
        var comparison = new ComparisonExpression(ComparisonOperator.Greater, s_ts, At(10));

        Assert.That(SortedRangeFilter.TryRange(comparison, Batch(values), out _, out _), Is.False);
    }

    [Test]
    public void NotEqual_FallsBackToTheGeneralPath()
    {
        var comparison = new ComparisonExpression(ComparisonOperator.NotEqual, s_ts, At(10));

        Assert.That(SortedRangeFilter.TryRange(comparison, Batch(SortedWithDuplicates(5, 100)), out _, out _), Is.False);
    }

    [Test]
    public void ColumnWithNulls_FallsBackToTheGeneralPath()
    {
        var values = SortedWithDuplicates(6, 100);
        var validity = ValidityBitmap.Create(values.Length, allValid: true);
        ValidityBitmap.Set(validity, 3, false);
        var batch = new ColumnBatch(new Schema([new Field("ts", DataType.Timestamp)]), [new Int64Column(values, validity, DataType.Timestamp)], values.Length);
        var comparison = new ComparisonExpression(ComparisonOperator.Greater, s_ts, At(10));

        Assert.That(SortedRangeFilter.TryRange(comparison, batch, out _, out _), Is.False);
    }

    [TestCase(ComparisonOperator.Equal, "S01", 0, 100)]
    [TestCase(ComparisonOperator.Equal, "S02", 0, 0)]
    [TestCase(ComparisonOperator.Less, "S02", 0, 100)]
    [TestCase(ComparisonOperator.NotEqual, "S01", 0, 0)]
    public void PartitionConstantStringAndTimeRange_KeepsTheTimeRangeOrNothing(ComparisonOperator op, string constant, int start, int length)
    {
        var values = Enumerable.Range(0, 100).Select(i => (long)i).ToArray();
        var schema = new Schema([new Field("ts", DataType.Timestamp), new Field("symbol", DataType.String)]);
        var batch = new ColumnBatch(schema, [new Int64Column(values, null, DataType.Timestamp), new StringColumn(new int[100], ["S01"])], 100);
        var filter = new LogicalExpression(LogicalOperator.And,
            new ComparisonExpression(op, new ColumnReference(1, "symbol", DataType.String), new Literal(ScalarValue.FromString(constant))),
            new ComparisonExpression(ComparisonOperator.GreaterOrEqual, s_ts, At(0)));

        Assert.That(SortedRangeFilter.TryRange(filter, batch, out var from, out var count), Is.True);
        Assert.That(Range(from, count), Is.EqualTo(Range(start, length)));
        Assert.That(Range(from, count), Is.EqualTo(ExpressionEvaluator.FilterRows(filter, batch)));
    }

    [Test]
    public void IsAscending_DescentAnywhere_IsFound([Values(0, 1, 7, 8, 9, 61, 62)] int position)
    {
        var values = Enumerable.Range(0, 64).Select(i => (long)i).ToArray();
        values[position] = values[position + 1] + 1;

        Assert.That(SortedRangeFilter.IsAscending(values), Is.False);
    }
}
