namespace Engine.Core.Columns;

/// <summary>A column of 64-bit integers; also holds <see cref="DataType.Timestamp"/> values (microseconds since the epoch).</summary>
public sealed class Int64Column : Column
{
    private readonly long[] _values;

    /// <summary>Wraps <paramref name="values"/> (not copied) as a column of <paramref name="type"/> (Int64 or Timestamp).</summary>
    public Int64Column(long[] values, byte[]? validity = null, DataType? type = null)
        : this(values, 0, values.Length, validity, type)
    {
    }

    /// <summary>Wraps rows [offset, offset + length) of <paramref name="values"/> (not copied).</summary>
    public Int64Column(long[] values, int offset, int length, byte[]? validity, DataType? type = null)
        : this(values, offset, length, validity, type ?? DataType.Int64, sortedAscending: false)
    {
    }

    private Int64Column(long[] values, int offset, int length, byte[]? validity, DataType type, bool sortedAscending)
        : base(type, offset, length, validity)
    {
        if (type.Physical != PhysicalKind.Int64)
        {
            throw new ArgumentException($"An Int64Column holds BIGINT, TIMESTAMP or INTERVAL, not {type.SqlName()}.", nameof(type));
        }

        if ((long)offset + length > values.Length)
        {
            throw new ArgumentException("The values buffer is shorter than the column.", nameof(values));
        }

        _values = values;
        IsSortedAscending = sortedAscending;
    }

    /// <summary>
    /// True when the rows are known to be non-decreasing with no NULLs (proven once where the column is
    /// stored, see <see cref="WithSortedOrderChecked"/>), so a range filter can binary-search it directly.
    /// False means unknown.
    /// </summary>
    public bool IsSortedAscending { get; }

    /// <summary>
    /// This column marked <see cref="IsSortedAscending"/> when its values are non-decreasing and it has no
    /// NULLs (one vectorized pass); otherwise this column unchanged. Meant for data stored once and scanned
    /// many times, such as an in-memory table's timestamps.
    /// </summary>
    public Int64Column WithSortedOrderChecked() =>
        !IsSortedAscending && !HasNulls && Execution.SortedRangeFilter.IsAscending(Values)
            ? new Int64Column(_values, Offset, Length, Validity, Type, sortedAscending: true)
            : this;

    /// <summary>The values of this view; entries at NULL rows are unspecified.</summary>
    public ReadOnlySpan<long> Values => _values.AsSpan(Offset, Length);

    /// <inheritdoc />
    public override ScalarValue GetScalar(int row)
    {
        if (IsNull(row))
        {
            return ScalarValue.Null(Type);
        }

        var value = Values[row];
        return ScalarValue.FromInt64Bits(Type, value);
    }

    /// <inheritdoc />
    public override Column Slice(int start, int length)
    {
        CheckSlice(start, length);
        return new Int64Column(_values, Offset + start, length, Validity, Type, IsSortedAscending);
    }
}
