using Engine.Core.Columns;

namespace Engine.Storage.Parquet;

/// <summary>
/// Copies chosen runs of rows of a decoded column into a new column (values and validity), used when a
/// row selection keeps only parts of the decoded pages.
/// </summary>
internal static class ColumnGather
{
    /// <summary>Concatenates the runs <paramref name="runs"/> (start, length) of <paramref name="source"/>, <paramref name="total"/> rows in all.</summary>
    public static Column Gather(Column source, IReadOnlyList<(int Start, int Length)> runs, int total)
    {
        if (runs.Count == 1)
        {
            return source.Slice(runs[0].Start, runs[0].Length);
        }

        byte[]? validity = null;
        if (source.HasNulls)
        {
            validity = new byte[ValidityBitmap.ByteCount(total)];
            var row = 0;
            foreach (var (start, length) in runs)
            {
                for (var i = 0; i < length; i++)
                {
                    ValidityBitmap.Set(validity, row++, !source.IsNull(start + i));
                }
            }
        }

        switch (source)
        {
            case Int64Column longs:
                return new Int64Column(Copy(longs.Values, runs, total), 0, total, validity, longs.Type);
            case DoubleColumn doubles:
                return new DoubleColumn(Copy(doubles.Values, runs, total), 0, total, validity);
            case StringColumn strings:
                return new StringColumn(Copy(strings.Codes, runs, total), 0, total, [.. strings.Dictionary], validity);
            case BoolColumn bools:
                var bits = new byte[ValidityBitmap.ByteCount(total)];
                var target = 0;
                foreach (var (start, length) in runs)
                {
                    for (var i = 0; i < length; i++)
                    {
                        ValidityBitmap.Set(bits, target++, bools.GetValue(start + i));
                    }
                }

                return new BoolColumn(bits, 0, total, validity);
            default:
                throw new InvalidOperationException($"Cannot gather rows of a {source.GetType().Name}.");
        }
    }

    private static T[] Copy<T>(ReadOnlySpan<T> values, IReadOnlyList<(int Start, int Length)> runs, int total)
    {
        var result = new T[total];
        var position = 0;
        foreach (var (start, length) in runs)
        {
            values.Slice(start, length).CopyTo(result.AsSpan(position));
            position += length;
        }

        return result;
    }
}
