using System.Globalization;
using System.Text;
using Engine.Bench.Queries;
using Engine.Core.Columns;
using Engine.Core.Execution;

namespace Engine.Tests.Support;

/// <summary>
/// Compares an Engine <see cref="QueryResult"/> with DuckDB's answer to the same query. Both must have the
/// same number of columns and rows; unordered results are sorted canonically on both sides first (exact
/// columns before DOUBLE columns, NULL first). Values compare by kind: integers, timestamps (to the
/// microsecond), strings and booleans exactly; doubles within <see cref="RelativeTolerance"/> relative, or
/// <see cref="AbsoluteTolerance"/> absolute when the expected magnitude is below <see cref="SmallMagnitude"/>,
/// NaN equal to NaN and infinities exact; NULL equals only NULL. A BIGINT never equals a DOUBLE.
/// </summary>
public static class ResultComparer
{
    /// <summary>Largest accepted relative difference of two doubles.</summary>
    public const double RelativeTolerance = 1e-9;

    /// <summary>Largest accepted absolute difference when the expected double is smaller than <see cref="SmallMagnitude"/>.</summary>
    public const double AbsoluteTolerance = 1e-9;

    /// <summary>Expected magnitudes below this compare absolutely rather than relatively.</summary>
    public const double SmallMagnitude = 1e-6;

    private const long MinFormattableMicros = -62_135_596_800_000_000;
    private const long MaxFormattableMicros = 253_402_300_799_999_999;

    /// <summary>Null when <paramref name="actual"/> matches <paramref name="expected"/>; otherwise a readable description of the first difference.</summary>
    public static string? Compare(QueryResult actual, DuckDbQueryResult expected, DifferentialQuery query)
    {
        ArgumentNullException.ThrowIfNull(actual);
        ArgumentNullException.ThrowIfNull(expected);
        ArgumentNullException.ThrowIfNull(query);
        var header = $"{query.Name}\n  engine SQL: {query.EngineSql}\n  duckdb SQL: {query.DuckDbSql}\n";
        if (!expected.Succeeded)
        {
            return header + $"  DuckDB failed: {expected.Error}";
        }

        var actualNames = actual.Schema.Fields.Select(f => $"{f.Name} {f.Type.SqlName()}");
        var expectedNames = expected.Columns.Zip(expected.Types, (n, t) => $"{n} {t}");
        header += $"  engine columns: {string.Join(", ", actualNames)}\n  duckdb columns: {string.Join(", ", expectedNames)}\n";
        var diff = CompareRows(actual.Rows().ToList(), expected.Rows, actual.Schema.Count, expected.Columns.Count, query.Ordered);
        return diff is null ? null : header + diff;
    }

    /// <summary>Fails the current test with the difference when <paramref name="actual"/> does not match <paramref name="expected"/>.</summary>
    public static void AssertMatches(QueryResult actual, DuckDbQueryResult expected, DifferentialQuery query)
    {
        var diff = Compare(actual, expected, query);
        if (diff is not null)
        {
            Assert.Fail(diff);
        }
    }

    /// <summary>
    /// Null when the rows match; otherwise the first difference (row count, or the first differing row with
    /// both values). Neither list is modified.
    /// </summary>
    public static string? CompareRows(
        IReadOnlyList<ScalarValue[]> actual,
        IReadOnlyList<ScalarValue[]> expected,
        int actualColumns,
        int expectedColumns,
        bool ordered)
    {
        if (actualColumns != expectedColumns)
        {
            return $"  column count differs: engine {actualColumns}, duckdb {expectedColumns}";
        }

        var left = ordered ? actual : Canonical(actual);
        var right = ordered ? expected : Canonical(expected);
        var order = ordered ? "in result order" : "after sorting both sides";
        for (var r = 0; r < Math.Min(left.Count, right.Count); r++)
        {
            for (var c = 0; c < actualColumns; c++)
            {
                if (!ValuesEqual(left[r][c], right[r][c]))
                {
                    return $"  row {r} ({order}) column {c} differs: engine {Describe(left[r][c])}, duckdb {Describe(right[r][c])}\n" +
                        $"  engine row: {DescribeRow(left[r])}\n  duckdb row: {DescribeRow(right[r])}" +
                        (left.Count != right.Count ? $"\n  row count also differs: engine {left.Count}, duckdb {right.Count}" : string.Empty);
                }
            }
        }

        if (left.Count != right.Count)
        {
            var longer = left.Count > right.Count ? left : right;
            return $"  row count differs: engine {left.Count}, duckdb {right.Count}; first extra {(left.Count > right.Count ? "engine" : "duckdb")} row ({order}): {DescribeRow(longer[Math.Min(left.Count, right.Count)])}";
        }

        return null;
    }

    /// <summary>True when two values are equal under the comparer's rules (see the type's summary).</summary>
    public static bool ValuesEqual(ScalarValue actual, ScalarValue expected)
    {
        if (actual.IsNull || expected.IsNull)
        {
            return actual.IsNull && expected.IsNull;
        }

        if (actual.Type != expected.Type)
        {
            return false;
        }

        return actual.Type.Id switch
        {
            TypeId.Double => DoublesEqual(actual.DoubleValue, expected.DoubleValue),
            TypeId.Int64 or TypeId.Timestamp or TypeId.Interval => actual.Int64Value == expected.Int64Value,
            TypeId.Bool => actual.BoolValue == expected.BoolValue,
            TypeId.String => string.Equals(actual.StringValue, expected.StringValue, StringComparison.Ordinal),
            _ => false,
        };
    }

    /// <summary>True when <paramref name="actual"/> is within tolerance of <paramref name="expected"/>.</summary>
    public static bool DoublesEqual(double actual, double expected)
    {
        if (double.IsNaN(actual) || double.IsNaN(expected))
        {
            return double.IsNaN(actual) && double.IsNaN(expected);
        }

        if (double.IsInfinity(actual) || double.IsInfinity(expected))
        {
            return actual == expected;
        }

        var difference = Math.Abs(actual - expected);
        return Math.Abs(expected) < SmallMagnitude
            ? difference <= AbsoluteTolerance
            : difference <= RelativeTolerance * Math.Abs(expected);
    }

    /// <summary>The rows sorted canonically: by every non-DOUBLE column in column order, then by the DOUBLE columns.</summary>
    public static IReadOnlyList<ScalarValue[]> Canonical(IReadOnlyList<ScalarValue[]> rows)
    {
        var sorted = rows.ToList();
        sorted.Sort(CompareCanonically);
        return sorted;
    }

    private static int CompareCanonically(ScalarValue[] left, ScalarValue[] right)
    {
        for (var pass = 0; pass < 2; pass++)
        {
            for (var c = 0; c < Math.Min(left.Length, right.Length); c++)
            {
                var isDouble = left[c].Type == DataType.Double || right[c].Type == DataType.Double;
                if (isDouble != (pass == 1))
                {
                    continue;
                }

                var order = CompareValues(left[c], right[c]);
                if (order != 0)
                {
                    return order;
                }
            }
        }

        return left.Length.CompareTo(right.Length);
    }

    private static int CompareValues(ScalarValue left, ScalarValue right)
    {
        if (left.IsNull || right.IsNull)
        {
            return right.IsNull.CompareTo(left.IsNull);
        }

        if (left.Type != right.Type && (left.Type == DataType.String || right.Type == DataType.String || left.Type == DataType.Bool || right.Type == DataType.Bool))
        {
            return left.Type.Id.CompareTo(right.Type.Id);
        }

        return left.Type == DataType.Bool ? left.BoolValue.CompareTo(right.BoolValue) : left.CompareTo(right);
    }

    private static string Describe(ScalarValue value) =>
        value.IsNull ? "NULL" : $"{Text(value)} ({value.Type.SqlName()})";

    private static string DescribeRow(ScalarValue[] row)
    {
        var text = new StringBuilder("[");
        for (var c = 0; c < row.Length; c++)
        {
            text.Append(c > 0 ? ", " : string.Empty).Append(Text(row[c]));
        }

        return text.Append(']').ToString();
    }

    private static string Text(ScalarValue value) => value.IsNull ? "NULL" : value.Type.Id switch
    {
        TypeId.String => "'" + value.StringValue + "'",
        TypeId.Double => value.DoubleValue.ToString("R", CultureInfo.InvariantCulture),
        TypeId.Timestamp when value.Int64Value is < MinFormattableMicros or > MaxFormattableMicros =>
            value.Int64Value.ToString(CultureInfo.InvariantCulture) + " µs",
        _ => value.ToString(),
    };
}
