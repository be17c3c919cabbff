using Engine.Core.Columns;
using Engine.Core.Execution;

namespace Engine.Tests.Support;

/// <summary>Compares two Engine results: same schema types and rows; doubles within a relative tolerance.</summary>
public static class ResultAssert
{
    /// <summary>Relative tolerance for doubles: summation order differs between modes.</summary>
    public const double RelativeTolerance = 1e-9;

    public static void Equivalent(QueryResult expected, QueryResult actual, bool ordered, string because)
    {
        Assert.That(actual.Schema.Fields.Select(f => f.Type), Is.EqualTo(expected.Schema.Fields.Select(f => f.Type)), because);
        var expectedRows = expected.Rows().ToList();
        var actualRows = actual.Rows().ToList();
        Assert.That(actualRows, Has.Count.EqualTo(expectedRows.Count), because);
        if (!ordered)
        {
            expectedRows.Sort(CompareRows);
            actualRows.Sort(CompareRows);
        }

        for (var r = 0; r < expectedRows.Count; r++)
        {
            for (var c = 0; c < expectedRows[r].Length; c++)
            {
                Assert.That(Same(expectedRows[r][c], actualRows[r][c]), Is.True,
                    $"{because}: row {r} column {c}: expected {expectedRows[r][c]} but was {actualRows[r][c]}");
            }
        }
    }

    public static bool Same(ScalarValue expected, ScalarValue actual)
    {
        if (expected.IsNull || actual.IsNull)
        {
            return expected.IsNull && actual.IsNull;
        }

        if (expected.Type == DataType.Double && actual.Type == DataType.Double)
        {
            var e = expected.DoubleValue;
            var a = actual.DoubleValue;
            if (double.IsNaN(e) || double.IsInfinity(e))
            {
                return e.Equals(a);
            }

            return Math.Abs(e - a) <= RelativeTolerance * Math.Max(Math.Abs(e), 1e-6);
        }

        return expected.Equals(actual);
    }

    private static int CompareRows(ScalarValue[] left, ScalarValue[] right)
    {
        for (var c = 0; c < left.Length; c++)
        {
            // Round doubles so values that differ only in the last bits sort together.
            var l = Rounded(left[c]);
            var r = Rounded(right[c]);
            var comparison = l.CompareTo(r);
            if (comparison != 0)
            {
                return comparison;
            }
        }

        return 0;
    }

    private static ScalarValue Rounded(ScalarValue value) =>
        value.Type == DataType.Double && !value.IsNull && double.IsFinite(value.DoubleValue)
            ? ScalarValue.FromDouble(double.Parse(value.DoubleValue.ToString("G8", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture))
            : value;
}
