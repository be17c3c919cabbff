namespace Engine.Core.Columns;

/// <summary>A column of IEEE 754 doubles.</summary>
public sealed class DoubleColumn : Column
{
    private readonly double[] _values;

    /// <summary>Wraps <paramref name="values"/> (not copied).</summary>
    public DoubleColumn(double[] values, byte[]? validity = null)
        : this(values, 0, values.Length, validity)
    {
    }

    /// <summary>Wraps rows [offset, offset + length) of <paramref name="values"/> (not copied).</summary>
    public DoubleColumn(double[] values, int offset, int length, byte[]? validity)
        : base(DataType.Double, offset, length, validity)
    {
        if ((long)offset + length > values.Length)
        {
            throw new ArgumentException("The values buffer is shorter than the column.", nameof(values));
        }

        _values = values;
    }

    /// <summary>The values of this view; entries at NULL rows are unspecified.</summary>
    public ReadOnlySpan<double> Values => _values.AsSpan(Offset, Length);

    /// <inheritdoc />
    public override ScalarValue GetScalar(int row) => IsNull(row) ? ScalarValue.Null(DataType.Double) : ScalarValue.FromDouble(Values[row]);

    /// <inheritdoc />
    public override Column Slice(int start, int length)
    {
        CheckSlice(start, length);
        return new DoubleColumn(_values, Offset + start, length, Validity);
    }
}
