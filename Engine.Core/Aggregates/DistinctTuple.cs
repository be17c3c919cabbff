using Engine.Core.Columns;

namespace Engine.Core.Aggregates;

/// <summary>The argument values of one row, compared by value, for DISTINCT aggregates.</summary>
internal readonly struct DistinctTuple : IEquatable<DistinctTuple>
{
    private readonly ScalarValue _first;
    private readonly ScalarValue[]? _rest;

    private DistinctTuple(ScalarValue first, ScalarValue[]? rest)
    {
        _first = first;
        _rest = rest;
    }

    /// <summary>Row <paramref name="row"/> of the columns, normalized (one zero, one NaN).</summary>
    public static DistinctTuple FromRow(ReadOnlySpan<Column> columns, int row)
    {
        var first = Normalize(columns[0].GetScalar(row));
        if (columns.Length == 1)
        {
            return new DistinctTuple(first, null);
        }

        var rest = new ScalarValue[columns.Length - 1];
        for (var c = 1; c < columns.Length; c++)
        {
            rest[c - 1] = Normalize(columns[c].GetScalar(row));
        }

        return new DistinctTuple(first, rest);
    }

    /// <summary>Appends the values to one builder per argument.</summary>
    public void AppendTo(ColumnBuilder[] builders)
    {
        builders[0].Append(_first);
        for (var c = 1; c < builders.Length; c++)
        {
            builders[c].Append(_rest![c - 1]);
        }
    }

    /// <inheritdoc />
    public bool Equals(DistinctTuple other) =>
        _first.Equals(other._first) && (_rest is null ? other._rest is null : other._rest is not null && _rest.AsSpan().SequenceEqual(other._rest));

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is DistinctTuple other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = _first.GetHashCode();
        foreach (var value in _rest ?? [])
        {
            hash = HashCode.Combine(hash, value);
        }

        return hash;
    }

    private static ScalarValue Normalize(ScalarValue value) =>
        value.Type == DataType.Double && !value.IsNull && (value.DoubleValue == 0 || double.IsNaN(value.DoubleValue))
            ? ScalarValue.FromDouble(double.IsNaN(value.DoubleValue) ? double.NaN : 0.0)
            : value;
}
