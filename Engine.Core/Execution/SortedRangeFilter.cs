using System.Numerics;
using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Execution;

/// <summary>
/// Turns a filter into one contiguous row range of a morsel without evaluating rows, when the filter is a
/// conjunction of <c>column op constant</c> (no <c>&lt;&gt;</c>) over BIGINT/TIMESTAMP columns without
/// NULLs whose values are ascending within the morsel (rows sorted by ts within a partition), and of
/// partition-constant string columns against string literals (all rows or none). Each
/// comparison is two binary searches; ranges of a conjunction intersect to one range. Sortedness is known
/// from the column (<see cref="Int64Column.IsSortedAscending"/>, proven where it is stored) or checked per
/// morsel with one vectorized pass, so unsorted data falls back at the first descent.
/// Stateless, thread-safe.
/// </summary>
internal static class SortedRangeFilter
{
    /// <summary>
    /// True with the rows [<paramref name="start"/>, <paramref name="start"/> + <paramref name="length"/>)
    /// that <paramref name="filter"/> keeps of <paramref name="morsel"/>; false when the filter is not of
    /// this shape or a compared column is not sorted (use the general path).
    /// </summary>
    public static bool TryRange(BoundExpression filter, ColumnBatch morsel, out int start, out int length)
    {
        var low = 0;
        var high = morsel.RowCount;
        Column? sorted = null;
        if (!Narrow(filter, morsel, ref sorted, ref low, ref high))
        {
            start = 0;
            length = 0;
            return false;
        }

        start = low;
        length = Math.Max(0, high - low);
        return true;
    }

    private static bool Narrow(BoundExpression filter, ColumnBatch morsel, ref Column? sorted, ref int low, ref int high)
    {
        if (filter is LogicalExpression { Operator: LogicalOperator.And } and)
        {
            return Narrow(and.Left, morsel, ref sorted, ref low, ref high) && Narrow(and.Right, morsel, ref sorted, ref low, ref high);
        }

        return ColumnComparison.TryMatch(filter, out var comparison) &&
            Narrow(comparison.Operator, morsel.Columns[comparison.Column], comparison.Constant, ref sorted, ref low, ref high);
    }

    private static bool Narrow(ComparisonOperator op, Column column, ScalarValue value, ref Column? sorted, ref int low, ref int high)
    {
        if (column is StringColumn)
        {
            // A partition-constant tag keeps the morsel whole or empties it; any other string column falls back.
            switch (MorselRangeCheck.Compare(op, column, value))
            {
                case FilterOutcome.All:
                    return true;
                case FilterOutcome.None:
                    high = low;
                    return true;
                default:
                    return false;
            }
        }

        if (op == ComparisonOperator.NotEqual || column is not Int64Column { HasNulls: false } ints || value.IsNull || value.Type != column.Type)
        {
            return false;
        }

        // The column last proven sorted (a range `ts >= a AND ts < b` compares one column twice).
        var values = ints.Values;
        if (!ReferenceEquals(sorted, column))
        {
            if (!ints.IsSortedAscending && !IsAscending(values))
            {
                return false;
            }

            sorted = column;
        }

        var v = value.Int64Value;
        var (from, to) = op switch
        {
            ComparisonOperator.GreaterOrEqual => (LowerBound(values, v), values.Length),
            ComparisonOperator.Greater => (UpperBound(values, v), values.Length),
            ComparisonOperator.LessOrEqual => (0, UpperBound(values, v)),
            ComparisonOperator.Less => (0, LowerBound(values, v)),
            _ => (LowerBound(values, v), UpperBound(values, v)),
        };
        low = Math.Max(low, from);
        high = Math.Min(high, to);
        return true;
    }

    /// <summary>Whether every value is ≤ the next: compares each vector with the one a row further on.</summary>
    internal static bool IsAscending(ReadOnlySpan<long> values)
    {
        var i = 0;
        if (Vector.IsHardwareAccelerated && values.Length > Vector<long>.Count)
        {
            var last = values.Length - 1 - Vector<long>.Count;
            for (; i <= last; i += Vector<long>.Count)
            {
                var current = new Vector<long>(values[i..]);
                var next = new Vector<long>(values[(i + 1)..]);
                if (Vector.GreaterThanAny(current, next))
                {
                    return false;
                }
            }
        }

        for (; i < values.Length - 1; i++)
        {
            if (values[i] > values[i + 1])
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The first index whose value is ≥ <paramref name="v"/> (the length when none is).</summary>
    private static int LowerBound(ReadOnlySpan<long> values, long v)
    {
        var lo = 0;
        var hi = values.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (values[mid] < v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }

    /// <summary>The first index whose value is &gt; <paramref name="v"/> (the length when none is).</summary>
    private static int UpperBound(ReadOnlySpan<long> values, long v)
    {
        var lo = 0;
        var hi = values.Length;
        while (lo < hi)
        {
            var mid = lo + ((hi - lo) >> 1);
            if (values[mid] <= v)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
