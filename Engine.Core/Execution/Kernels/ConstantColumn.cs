using Engine.Core.Columns;

namespace Engine.Core.Execution.Kernels;

/// <summary>Columns that repeat one value: a literal evaluated over a batch.</summary>
internal static class ConstantColumn
{
    /// <summary><paramref name="count"/> rows of <paramref name="value"/> (NULL rows for a NULL).</summary>
    public static Column Broadcast(ScalarValue value, int count)
    {
        var validity = value.IsNull ? ValidityBitmap.Create(count, allValid: false) : null;
        switch (value.Type.Physical)
        {
            case PhysicalKind.Int64:
            {
                var values = new long[count];
                if (!value.IsNull)
                {
                    values.AsSpan().Fill(value.Int64Value);
                }

                return new Int64Column(values, validity, value.Type);
            }

            case PhysicalKind.Double:
            {
                var values = new double[count];
                if (!value.IsNull)
                {
                    values.AsSpan().Fill(value.DoubleValue);
                }

                return new DoubleColumn(values, validity);
            }

            case PhysicalKind.Bool:
            {
                var bits = ValidityBitmap.Create(count, allValid: !value.IsNull && value.BoolValue);
                return new BoolColumn(bits, count, validity);
            }

            case PhysicalKind.String:
                return new StringColumn(new int[count], 0, count, value.IsNull ? [string.Empty] : [value.StringValue], validity);
            default:
                throw new InvalidOperationException($"Cannot broadcast a {value.Type} value.");
        }
    }
}
