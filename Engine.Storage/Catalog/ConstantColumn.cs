using Engine.Core.Columns;

namespace Engine.Storage.Catalog;

/// <summary>Builds a column that repeats one value, for partition keys that live in the path rather than the file.</summary>
internal static class ConstantColumn
{
    public static Column Create(ScalarValue value, int rows)
    {
        var validity = value.IsNull ? ValidityBitmap.Create(rows, allValid: false) : null;
        switch (value.Type.Id)
        {
            case TypeId.Int64:
            case TypeId.Timestamp:
            {
                var values = new long[rows];
                if (!value.IsNull)
                {
                    values.AsSpan().Fill(value.Int64Value);
                }

                return new Int64Column(values, validity, value.Type);
            }

            case TypeId.Double:
            {
                var values = new double[rows];
                if (!value.IsNull)
                {
                    values.AsSpan().Fill(value.DoubleValue);
                }

                return new DoubleColumn(values, validity);
            }

            case TypeId.Bool:
                return new BoolColumn(ValidityBitmap.Create(rows, allValid: !value.IsNull && value.BoolValue), rows, validity);
            default:
                // One dictionary entry and all-zero codes: group-by and filters decide once per partition.
                return new StringColumn(new int[rows], 0, rows, [value.IsNull ? string.Empty : value.StringValue], validity);
        }
    }
}
