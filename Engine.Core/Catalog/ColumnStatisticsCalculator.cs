using Engine.Core.Columns;

namespace Engine.Core.Catalog;

/// <summary>Computes exact min/max/null-count statistics of a column (NaN is left out of min/max and counted instead).</summary>
public static class ColumnStatisticsCalculator
{
    /// <summary>Statistics of <paramref name="column"/>; min/max are NULL when the column has no non-NULL value.</summary>
    public static ColumnStatistics Compute(Column column)
    {
        var nulls = column.NullCount;
        switch (column)
        {
            case Int64Column ints:
            {
                var values = ints.Values;
                long min = long.MaxValue, max = long.MinValue;
                var any = false;
                for (var i = 0; i < values.Length; i++)
                {
                    if (nulls > 0 && ints.IsNull(i))
                    {
                        continue;
                    }

                    any = true;
                    min = Math.Min(min, values[i]);
                    max = Math.Max(max, values[i]);
                }

                return any
                    ? new ColumnStatistics(Scalar(column.Type, min), Scalar(column.Type, max), nulls)
                    : new ColumnStatistics(ScalarValue.Null(column.Type), ScalarValue.Null(column.Type), nulls);
            }

            case DoubleColumn doubles:
            {
                var values = doubles.Values;
                double min = double.PositiveInfinity, max = double.NegativeInfinity;
                var any = false;
                long nans = 0;
                for (var i = 0; i < values.Length; i++)
                {
                    if (nulls > 0 && doubles.IsNull(i))
                    {
                        continue;
                    }

                    if (double.IsNaN(values[i]))
                    {
                        nans++;
                        continue;
                    }

                    any = true;
                    min = Math.Min(min, values[i]);
                    max = Math.Max(max, values[i]);
                }

                return any
                    ? new ColumnStatistics(ScalarValue.FromDouble(min), ScalarValue.FromDouble(max), nulls, nans)
                    : new ColumnStatistics(ScalarValue.Null(DataType.Double), ScalarValue.Null(DataType.Double), nulls, nans);
            }

            case StringColumn strings:
            {
                var used = new bool[strings.Dictionary.Count];
                var codes = strings.Codes;
                for (var i = 0; i < codes.Length; i++)
                {
                    if (nulls == 0 || !strings.IsNull(i))
                    {
                        used[codes[i]] = true;
                    }
                }

                string? min = null, max = null;
                for (var code = 0; code < used.Length; code++)
                {
                    if (!used[code])
                    {
                        continue;
                    }

                    var value = strings.Dictionary[code];
                    if (min is null || string.CompareOrdinal(value, min) < 0)
                    {
                        min = value;
                    }

                    if (max is null || string.CompareOrdinal(value, max) > 0)
                    {
                        max = value;
                    }
                }

                return min is null
                    ? new ColumnStatistics(ScalarValue.Null(DataType.String), ScalarValue.Null(DataType.String), nulls)
                    : new ColumnStatistics(ScalarValue.FromString(min), ScalarValue.FromString(max!), nulls);
            }

            default:
                return new ColumnStatistics(ScalarValue.Null(column.Type), ScalarValue.Null(column.Type), nulls);
        }
    }

    private static ScalarValue Scalar(DataType type, long value) =>
        ScalarValue.FromInt64Bits(type, value);
}
