using System.Runtime.InteropServices;
using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>Typed access to the numeric columns the math kernels read and write.</summary>
internal static class MathColumns
{
    /// <summary>The values of an Int64Column as <see cref="long"/> or of a DoubleColumn as <see cref="double"/>.</summary>
    public static ReadOnlySpan<T> Values<T>(Column column)
        where T : unmanaged => column switch
        {
            Int64Column ints when typeof(T) == typeof(long) => MemoryMarshal.Cast<long, T>(ints.Values),
            DoubleColumn doubles when typeof(T) == typeof(double) => MemoryMarshal.Cast<double, T>(doubles.Values),
            _ => throw new InvalidOperationException($"A {column.Type.SqlName()} column does not hold {typeof(T).Name} values."),
        };

    /// <summary>Wraps <paramref name="values"/> (not copied) as a column of <paramref name="type"/>.</summary>
    public static Column Create<T>(T[] values, byte[]? validity, DataType type)
        where T : unmanaged => values switch
        {
            long[] ints => new Int64Column(ints, validity, type),
            double[] doubles => new DoubleColumn(doubles, validity),
            _ => throw new InvalidOperationException($"No column holds {typeof(T).Name} values."),
        };
}
