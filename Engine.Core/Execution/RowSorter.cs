using Engine.Core.Columns;
using Engine.Core.Planning;

namespace Engine.Core.Execution;

/// <summary>
/// Orders the rows of a batch by sort keys: numbers numerically (NaN above every number, as DuckDB),
/// strings ordinally, NULLs last unless asked first. Stable: ties keep their input order.
/// </summary>
internal static class RowSorter
{
    /// <summary>Row indexes of <paramref name="batch"/> in sorted order, at most <paramref name="limit"/> of them.</summary>
    public static int[] Order(ColumnBatch batch, IReadOnlyList<SortKey> keys, long? limit)
    {
        var order = new int[batch.RowCount];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        if (keys.Count > 0)
        {
            var columns = keys.Select(k => batch.Columns[k.Column]).ToArray();
            Array.Sort(order, (a, b) => CompareRows(columns, keys, a, b));
        }

        return limit is { } n && n < order.Length ? order[..(int)n] : order;
    }

    /// <summary>The rows of <paramref name="batch"/> at <paramref name="rows"/>, in that order.</summary>
    public static ColumnBatch Take(ColumnBatch batch, int[] rows)
    {
        var columns = new Column[batch.Columns.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = ColumnGather.Gather(batch.Columns[c], rows);
        }

        return new ColumnBatch(batch.Schema, columns, rows.Length);
    }

    private static int CompareRows(Column[] columns, IReadOnlyList<SortKey> keys, int a, int b)
    {
        for (var k = 0; k < columns.Length; k++)
        {
            var column = columns[k];
            var key = keys[k];
            var aNull = column.IsNull(a);
            var bNull = column.IsNull(b);
            int comparison;
            if (aNull || bNull)
            {
                if (aNull && bNull)
                {
                    continue;
                }

                comparison = aNull == key.NullsFirst ? -1 : 1;
                return comparison;
            }

            comparison = column switch
            {
                Int64Column ints => ints.Values[a].CompareTo(ints.Values[b]),
                DoubleColumn doubles => ExpressionEvaluator.CompareDoubles(doubles.Values[a], doubles.Values[b]),
                StringColumn strings => string.CompareOrdinal(strings.GetValue(a), strings.GetValue(b)),
                BoolColumn bools => bools.GetValue(a).CompareTo(bools.GetValue(b)),
                _ => 0,
            };
            if (comparison != 0)
            {
                return key.Descending ? -comparison : comparison;
            }
        }

        return a.CompareTo(b);
    }
}
