using Engine.Core.Columns;

namespace Engine.Core.Execution.Kernels;

/// <summary>Converts columns between types: today BIGINT (and TIMESTAMP micros) to DOUBLE.</summary>
internal static class CastKernel
{
    /// <summary><paramref name="column"/> as <paramref name="type"/>; the column itself when it already has that type.</summary>
    public static Column Cast(Column column, DataType type)
    {
        if (column.Type == type)
        {
            return column;
        }

        if (type == DataType.Double && column is Int64Column ints)
        {
            return ToDouble(ints);
        }

        throw new InvalidOperationException($"No cast from {column.Type} to {type}.");
    }

    /// <summary><paramref name="column"/> as doubles; a DOUBLE column is returned as it is.</summary>
    public static DoubleColumn ToDouble(Column column) => column as DoubleColumn ?? ToDouble((Int64Column)column);

    private static DoubleColumn ToDouble(Int64Column column)
    {
        var source = column.Values;
        var values = new double[source.Length];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = source[i];
        }

        return new DoubleColumn(values, Validity.Copy(column));
    }
}
