namespace Engine.Core.Columns;

/// <summary>
/// A typed, contiguous column of values with an optional Arrow validity bitmap. A column may be a
/// zero-copy view (offset and length) over larger buffers; <c>Values</c> spans on the concrete types are
/// already sliced to the view. Columns are immutable once built and safe to read from many threads.
/// </summary>
public abstract class Column
{
    private int _nullCount = -1;

    /// <summary>Creates a column view of <paramref name="length"/> rows starting at <paramref name="offset"/>.</summary>
    protected Column(DataType type, int offset, int length, byte[]? validity)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (validity is not null && ValidityBitmap.ByteCount(offset + length) > validity.Length)
        {
            throw new ArgumentException("The validity bitmap is shorter than the column.", nameof(validity));
        }

        Type = type;
        Offset = offset;
        Length = length;
        Validity = validity;
    }

    /// <summary>The logical type of the values.</summary>
    public DataType Type { get; }

    /// <summary>The number of rows.</summary>
    public int Length { get; }

    /// <summary>The first row of the underlying buffers that this view covers.</summary>
    public int Offset { get; }

    /// <summary>The validity bitmap over the underlying buffers (indexed from 0, not from <see cref="Offset"/>), or null when every row is valid.</summary>
    public byte[]? Validity { get; }

    /// <summary>True when the column may contain NULLs.</summary>
    public bool HasNulls => NullCount > 0;

    /// <summary>The number of NULL rows in this view (computed once).</summary>
    public int NullCount
    {
        get
        {
            if (_nullCount < 0)
            {
                _nullCount = Validity is null ? 0 : ValidityBitmap.CountNulls(Validity, Offset, Length);
            }

            return _nullCount;
        }
    }

    /// <summary>True when row <paramref name="row"/> (0-based within this view) is NULL.</summary>
    public bool IsNull(int row) => Validity is not null && !ValidityBitmap.Get(Validity, Offset + row);

    /// <summary>The value at <paramref name="row"/> as a scalar; for cold paths (results, tests, EXPLAIN).</summary>
    public abstract ScalarValue GetScalar(int row);

    /// <summary>A zero-copy view of <paramref name="length"/> rows from <paramref name="start"/> within this view.</summary>
    public abstract Column Slice(int start, int length);

    /// <summary>Throws when a slice request falls outside this view.</summary>
    protected void CheckSlice(int start, int length)
    {
        if ((uint)start > (uint)Length || (uint)length > (uint)(Length - start))
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Slice [{start}, {start + length}) is outside a column of {Length} rows.");
        }
    }
}
