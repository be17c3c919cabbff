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
            var normalized = new long[keys.Count][];
            var nulls = new byte[]?[keys.Count];
            for (var k = 0; k < keys.Count; k++)
            {
                (normalized[k], nulls[k]) = Normalize(batch.Columns[keys[k].Column]);
            }

            Array.Sort(order, (a, b) => CompareRows(normalized, nulls, keys, a, b));
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

    // Each key becomes one int64 per row whose signed order is the column's order: integers and timestamps as
    // they are, doubles by their bits (sign-folded; NaN above every number, -0 equal to +0), strings by the
    // rank of their dictionary entry in ordinal order, so the comparer never touches strings or dispatches
    // on column types.
    private static (long[] Keys, byte[]? Validity) Normalize(Column column)
    {
        var keys = new long[column.Length];
        switch (column)
        {
            case Int64Column ints:
                ints.Values.CopyTo(keys);
                break;
            case DoubleColumn doubles:
                var values = doubles.Values;
                for (var i = 0; i < keys.Length; i++)
                {
                    keys[i] = SortableBits(values[i]);
                }

                break;
            case StringColumn strings:
                var ranks = OrdinalRanks(strings.Dictionary);
                var codes = strings.Codes;
                var hasNulls = strings.HasNulls;
                for (var i = 0; i < keys.Length; i++)
                {
                    keys[i] = hasNulls && strings.IsNull(i) ? 0 : ranks[codes[i]];
                }

                break;
            case BoolColumn bools:
                for (var i = 0; i < keys.Length; i++)
                {
                    keys[i] = bools.GetValue(i) ? 1 : 0;
                }

                break;
        }

        return (keys, column.HasNulls ? NullFlags(column) : null);
    }

    private static long SortableBits(double value)
    {
        if (double.IsNaN(value))
        {
            return long.MaxValue;
        }

        var bits = BitConverter.DoubleToInt64Bits(value == 0 ? 0.0 : value);
        return bits < 0 ? bits ^ long.MaxValue : bits;
    }

    private static int[] OrdinalRanks(IReadOnlyList<string> dictionary)
    {
        var byValue = new int[dictionary.Count];
        for (var i = 0; i < byValue.Length; i++)
        {
            byValue[i] = i;
        }

        Array.Sort(byValue, (a, b) => string.CompareOrdinal(dictionary[a], dictionary[b]));
        var ranks = new int[byValue.Length];
        for (var rank = 0; rank < byValue.Length; rank++)
        {
            // Equal strings (a dictionary may repeat a value) share the first one's rank.
            ranks[byValue[rank]] = rank > 0 && string.Equals(dictionary[byValue[rank]], dictionary[byValue[rank - 1]], StringComparison.Ordinal)
                ? ranks[byValue[rank - 1]]
                : rank;
        }

        return ranks;
    }

    private static byte[] NullFlags(Column column)
    {
        var flags = new byte[column.Length];
        for (var i = 0; i < flags.Length; i++)
        {
            flags[i] = column.IsNull(i) ? (byte)1 : (byte)0;
        }

        return flags;
    }

    private static int CompareRows(long[][] keys, byte[]?[] nulls, IReadOnlyList<SortKey> sortKeys, int a, int b)
    {
        for (var k = 0; k < keys.Length; k++)
        {
            if (nulls[k] is { } flags && (flags[a] | flags[b]) != 0)
            {
                if (flags[a] == flags[b])
                {
                    continue;
                }

                return (flags[a] == 1) == sortKeys[k].NullsFirst ? -1 : 1;
            }

            var comparison = keys[k][a].CompareTo(keys[k][b]);
            if (comparison != 0)
            {
                return sortKeys[k].Descending ? -comparison : comparison;
            }
        }

        return a.CompareTo(b);
    }
}
