namespace Engine.Core.Columns;

/// <summary>A column of booleans, bit-packed least significant bit first as in Arrow.</summary>
public sealed class BoolColumn : Column
{
    private readonly byte[] _bits;

    /// <summary>Wraps <paramref name="length"/> bit-packed values (not copied).</summary>
    public BoolColumn(byte[] bits, int length, byte[]? validity = null)
        : this(bits, 0, length, validity)
    {
    }

    /// <summary>Wraps bits [offset, offset + length) of <paramref name="bits"/> (not copied).</summary>
    public BoolColumn(byte[] bits, int offset, int length, byte[]? validity)
        : base(DataType.Bool, offset, length, validity)
    {
        if (ValidityBitmap.ByteCount(offset + length) > bits.Length)
        {
            throw new ArgumentException("The bit buffer is shorter than the column.", nameof(bits));
        }

        _bits = bits;
    }

    /// <summary>Builds a column from one bool per row; for cold paths and tests.</summary>
    public static BoolColumn FromValues(ReadOnlySpan<bool> values, byte[]? validity = null)
    {
        var bits = new byte[ValidityBitmap.ByteCount(values.Length)];
        for (var i = 0; i < values.Length; i++)
        {
            if (values[i])
            {
                ValidityBitmap.Set(bits, i, true);
            }
        }

        return new BoolColumn(bits, values.Length, validity);
    }

    /// <summary>The value at <paramref name="row"/>; unspecified when the row is NULL.</summary>
    public bool GetValue(int row) => ValidityBitmap.Get(_bits, Offset + row);

    /// <inheritdoc />
    public override ScalarValue GetScalar(int row) => IsNull(row) ? ScalarValue.Null(DataType.Bool) : ScalarValue.FromBool(GetValue(row));

    /// <inheritdoc />
    public override Column Slice(int start, int length)
    {
        CheckSlice(start, length);
        return new BoolColumn(_bits, Offset + start, length, Validity);
    }
}
