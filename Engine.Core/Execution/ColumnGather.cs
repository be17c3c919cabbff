using Engine.Core.Columns;

namespace Engine.Core.Execution;

/// <summary>Copies the rows named by a selection vector out of a column into a new dense column.</summary>
internal static class ColumnGather
{
    /// <summary>Rows <c>selection[0..count)</c> of <paramref name="column"/>, densely.</summary>
    public static Column Gather(Column column, ReadOnlySpan<int> selection)
    {
        var validity = GatherValidity(column, selection);
        switch (column)
        {
            case Int64Column ints:
            {
                var source = ints.Values;
                var values = new long[selection.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = source[selection[i]];
                }

                return new Int64Column(values, validity, column.Type);
            }

            case DoubleColumn doubles:
            {
                var source = doubles.Values;
                var values = new double[selection.Length];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = source[selection[i]];
                }

                return new DoubleColumn(values, validity);
            }

            case StringColumn strings:
            {
                var source = strings.Codes;
                var codes = new int[selection.Length];
                for (var i = 0; i < codes.Length; i++)
                {
                    codes[i] = source[selection[i]];
                }

                return new StringColumn(codes, 0, codes.Length, [.. strings.Dictionary], validity);
            }

            case BoolColumn bools:
            {
                var bits = new byte[ValidityBitmap.ByteCount(selection.Length)];
                for (var i = 0; i < selection.Length; i++)
                {
                    if (bools.GetValue(selection[i]))
                    {
                        ValidityBitmap.Set(bits, i, true);
                    }
                }

                return new BoolColumn(bits, selection.Length, validity);
            }

            default:
                throw new InvalidOperationException($"Cannot gather a {column.GetType().Name}.");
        }
    }

    private static byte[]? GatherValidity(Column column, ReadOnlySpan<int> selection)
    {
        if (!column.HasNulls)
        {
            return null;
        }

        var validity = ValidityBitmap.Create(selection.Length, allValid: true);
        for (var i = 0; i < selection.Length; i++)
        {
            if (column.IsNull(selection[i]))
            {
                ValidityBitmap.Set(validity, i, false);
            }
        }

        return validity;
    }
}
