using Engine.Bench.Queries;
using Engine.Core.Columns;
using Engine.Core.Execution;

namespace Engine.Tests.Support;

public sealed class ResultComparerTests
{
    private static readonly string[] s_nullFirst = ["NULL", "1", "2"];
    private static readonly DifferentialQuery s_query = new("test-query", "SELECT k, v FROM t", "SELECT k, v FROM t -- duck", Ordered: false);
    private static readonly DifferentialQuery s_orderedQuery = s_query with { Ordered = true };

    [Test]
    public void Compare_SameRows_Null()
    {
        var actual = Result(Row("a", 1.5), Row("b", 2.5));
        var expected = Duck(Row("a", 1.5), Row("b", 2.5));
        Assert.That(ResultComparer.Compare(actual, expected, s_orderedQuery), Is.Null);
    }

    [Test]
    public void Compare_UnorderedRowsInAnotherOrder_Null()
    {
        var actual = Result(Row("b", 2.5), Row("a", 1.5));
        var expected = Duck(Row("a", 1.5), Row("b", 2.5));
        Assert.That(ResultComparer.Compare(actual, expected, s_query), Is.Null);
    }

    [Test]
    public void Compare_OrderedRowsInAnotherOrder_ReportsTheFirstRow()
    {
        var actual = Result(Row("b", 2.5), Row("a", 1.5));
        var expected = Duck(Row("a", 1.5), Row("b", 2.5));
        Assert.That(ResultComparer.Compare(actual, expected, s_orderedQuery), Does.Contain("row 0 (in result order) column 0 differs: engine 'b' (VARCHAR), duckdb 'a' (VARCHAR)"));
    }

    [Test]
    public void Compare_ValueDiffers_MessageNamesBothSqlTextsAndBothRows()
    {
        var actual = Result(Row("a", 1.5));
        var expected = Duck(Row("a", 1.75));
        var message = ResultComparer.Compare(actual, expected, s_query);
        Assert.That(message, Does.Contain("test-query")
            .And.Contain("SELECT k, v FROM t")
            .And.Contain("-- duck")
            .And.Contain("engine 1.5 (DOUBLE), duckdb 1.75 (DOUBLE)")
            .And.Contain("engine row: ['a', 1.5]")
            .And.Contain("duckdb row: ['a', 1.75]"));
    }

    [Test]
    public void Compare_RowCountDiffers_ReportsCountsAndTheExtraRow()
    {
        var actual = Result(Row("a", 1.5));
        var expected = Duck(Row("a", 1.5), Row("b", 2.5));
        Assert.That(ResultComparer.Compare(actual, expected, s_query), Does.Contain("row count differs: engine 1, duckdb 2; first extra duckdb row (after sorting both sides): ['b', 2.5]"));
    }

    [Test]
    public void Compare_ColumnCountDiffers_ReportsCounts()
    {
        var actual = Result(Row("a", 1.5));
        var expected = new DuckDbQueryResult("SELECT k FROM t", ["k"], ["VARCHAR"], [[ScalarValue.FromString("a")]], null);
        Assert.That(ResultComparer.Compare(actual, expected, s_query), Does.Contain("column count differs: engine 2, duckdb 1"));
    }

    [Test]
    public void Compare_DuckDbFailed_ReportsItsError()
    {
        var actual = Result(Row("a", 1.5));
        var expected = new DuckDbQueryResult("SELECT nope", [], [], [], "Binder Error: nope");
        Assert.That(ResultComparer.Compare(actual, expected, s_query), Does.Contain("DuckDB failed: Binder Error: nope"));
    }

    [Test]
    public void Compare_UnorderedDoublesWithNoiseUnderExactKeys_PairsRowsByTheExactKeys()
    {
        // Sorting by the double first would pair a with b; exact columns are sorted on first.
        var actual = Result(Row("a", 1.0 + 1e-12), Row("b", 1.0));
        var expected = Duck(Row("b", 1.0 + 1e-12), Row("a", 1.0));
        Assert.That(ResultComparer.Compare(actual, expected, s_query), Is.Null);
    }

    [Test]
    public void AssertMatches_Mismatch_FailsTheTest()
    {
        var actual = Result(Row("a", 1.5));
        var expected = Duck(Row("a", 2.5));
        Assert.That(() => ResultComparer.AssertMatches(actual, expected, s_query), Throws.TypeOf<AssertionException>());
    }

    [TestCase(100.0, 100.0 * (1 + 0.9e-9), ExpectedResult = true)]
    [TestCase(100.0, 100.0 * (1 + 1.1e-9), ExpectedResult = false)]
    [TestCase(-5e6, -5e6 * (1 - 0.9e-9), ExpectedResult = true)]
    [TestCase(1e-7, 1e-7 + 0.9e-9, ExpectedResult = true)]
    [TestCase(1e-7, 1e-7 + 1.1e-9, ExpectedResult = false)]
    [TestCase(0.0, 0.9e-9, ExpectedResult = true)]
    [TestCase(0.0, -1.1e-9, ExpectedResult = false)]
    [TestCase(0.0, -0.0, ExpectedResult = true)]
    [TestCase(double.NaN, double.NaN, ExpectedResult = true)]
    [TestCase(double.NaN, 1.0, ExpectedResult = false)]
    [TestCase(1.0, double.NaN, ExpectedResult = false)]
    [TestCase(double.PositiveInfinity, double.PositiveInfinity, ExpectedResult = true)]
    [TestCase(double.PositiveInfinity, double.NegativeInfinity, ExpectedResult = false)]
    [TestCase(double.MaxValue, double.PositiveInfinity, ExpectedResult = false)]
    public bool DoublesEqual_ExpectedAndActual_WithinToleranceOnly(double expected, double actual) =>
        ResultComparer.DoublesEqual(actual, expected);

    [Test]
    public void ValuesEqual_EqualIntervals_Equal() =>
        Assert.That(ResultComparer.ValuesEqual(ScalarValue.FromInterval(-500_000), ScalarValue.FromInterval(-500_000)), Is.True);

    [Test]
    public void ValuesEqual_IntervalsOneMicrosecondApart_NotEqual() =>
        Assert.That(ResultComparer.ValuesEqual(ScalarValue.FromInterval(1), ScalarValue.FromInterval(2)), Is.False);

    [Test]
    public void ValuesEqual_IntegersOneApart_NotEqual()
    {
        Assert.That(ResultComparer.ValuesEqual(ScalarValue.FromInt64(1_000_000_000_000), ScalarValue.FromInt64(1_000_000_000_001)), Is.False);
    }

    [Test]
    public void ValuesEqual_BigIntAndDoubleOfTheSameValue_NotEqual()
    {
        Assert.That(ResultComparer.ValuesEqual(ScalarValue.FromInt64(3), ScalarValue.FromDouble(3)), Is.False);
    }

    [Test]
    public void ValuesEqual_TimestampsOneMicrosecondApart_NotEqual()
    {
        Assert.That(ResultComparer.ValuesEqual(ScalarValue.FromTimestamp(1_704_067_200_000_001), ScalarValue.FromTimestamp(1_704_067_200_000_000)), Is.False);
    }

    [Test]
    public void ValuesEqual_EngineTimestampAndDuckDbIsoText_Equal()
    {
        var duck = DuckDbOracle.ToScalar(System.Text.Json.JsonDocument.Parse("\"2024-01-01T00:00:00.000001Z\"").RootElement, "TIMESTAMP");
        Assert.That(ResultComparer.ValuesEqual(ScalarValue.FromTimestamp(1_704_067_200_000_001), duck), Is.True);
    }

    [Test]
    public void ValuesEqual_StringsDifferingInCase_NotEqual()
    {
        Assert.That(ResultComparer.ValuesEqual(ScalarValue.FromString("S0001"), ScalarValue.FromString("s0001")), Is.False);
    }

    [Test]
    public void ValuesEqual_NullAndNull_EqualWhateverTheirTypes()
    {
        Assert.That(ResultComparer.ValuesEqual(ScalarValue.Null(DataType.Double), ScalarValue.Null(DataType.Int64)), Is.True);
    }

    [Test]
    public void ValuesEqual_NullAndZero_NotEqual()
    {
        Assert.Multiple(() =>
        {
            Assert.That(ResultComparer.ValuesEqual(ScalarValue.Null(DataType.Int64), ScalarValue.FromInt64(0)), Is.False);
            Assert.That(ResultComparer.ValuesEqual(ScalarValue.FromDouble(0), ScalarValue.Null(DataType.Double)), Is.False);
        });
    }

    [Test]
    public void Canonical_NullsAndValues_NullFirst()
    {
        var sorted = ResultComparer.Canonical([[ScalarValue.FromInt64(2)], [ScalarValue.Null(DataType.Int64)], [ScalarValue.FromInt64(1)]]);
        Assert.That(sorted.Select(r => r[0].ToString()), Is.EqualTo(s_nullFirst));
    }

    private static ScalarValue[] Row(string key, double value) => [ScalarValue.FromString(key), ScalarValue.FromDouble(value)];

    private static QueryResult Result(params ScalarValue[][] rows)
    {
        var schema = new Schema([new Field("k", DataType.String), new Field("v", DataType.Double)]);
        var keys = new ColumnBuilder(DataType.String);
        var values = new ColumnBuilder(DataType.Double);
        foreach (var row in rows)
        {
            keys.Append(row[0]);
            values.Append(row[1]);
        }

        var batch = new ColumnBatch(schema, [keys.Build(), values.Build()], rows.Length);
        var statistics = new QueryStatistics { SchedulerKind = "test", Mode = "SERIAL", ModeReason = "test" };
        return new QueryResult(schema, [batch], statistics);
    }

    private static DuckDbQueryResult Duck(params ScalarValue[][] rows) =>
        new("SELECT k, v FROM t -- duck", ["k", "v"], ["VARCHAR", "DOUBLE"], rows, null);
}
