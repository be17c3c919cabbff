namespace Engine.Core.Columns;

/// <summary>
/// Builds a column of one type value by value, growing as needed; for cold paths (results, generators of
/// small tables, tests). Strings are dictionary-encoded as they arrive.
/// </summary>
public sealed class ColumnBuilder
{
    private long[] _int64 = [];
    private double[] _double = [];
    private int[] _codes = [];
    private byte[] _bits = [];
    private byte[]? _validity;
    private readonly List<string> _dictionary = [];
    private readonly Dictionary<string, int> _dictionaryIndex = new(StringComparer.Ordinal);

    /// <summary>Creates a builder for <paramref name="type"/> with room for <paramref name="capacity"/> rows.</summary>
    public ColumnBuilder(DataType type, int capacity = 16)
    {
        Type = type;
        Grow(Math.Max(capacity, 1));
    }

    /// <summary>The type being built.</summary>
    public DataType Type { get; }

    /// <summary>Rows appended so far.</summary>
    public int Count { get; private set; }

    /// <summary>Appends a value, which must be NULL or of <see cref="Type"/> (BIGINT is accepted for DOUBLE).</summary>
    public void Append(ScalarValue value)
    {
        if (value.IsNull)
        {
            AppendNull();
            return;
        }

        switch (Type.Id)
        {
            case TypeId.Int64:
            case TypeId.Timestamp:
                AppendInt64(value.Int64Value);
                break;
            case TypeId.Double:
                AppendDouble(value.DoubleValue);
                break;
            case TypeId.Bool:
                AppendBool(value.BoolValue);
                break;
            case TypeId.String:
                AppendString(value.StringValue);
                break;
            default:
                throw new InvalidOperationException($"Cannot build a {Type} column.");
        }
    }

    /// <summary>Appends a BIGINT or TIMESTAMP value.</summary>
    public void AppendInt64(long value)
    {
        EnsureRoom();
        _int64[Count++] = value;
    }

    /// <summary>Appends a DOUBLE value.</summary>
    public void AppendDouble(double value)
    {
        EnsureRoom();
        _double[Count++] = value;
    }

    /// <summary>Appends a BOOLEAN value.</summary>
    public void AppendBool(bool value)
    {
        EnsureRoom();
        ValidityBitmap.Set(_bits, Count++, value);
    }

    /// <summary>Appends a VARCHAR value.</summary>
    public void AppendString(string value)
    {
        EnsureRoom();
        if (!_dictionaryIndex.TryGetValue(value, out var code))
        {
            code = _dictionary.Count;
            _dictionary.Add(value);
            _dictionaryIndex.Add(value, code);
        }

        _codes[Count++] = code;
    }

    /// <summary>Appends a NULL.</summary>
    public void AppendNull()
    {
        EnsureRoom();
        if (_validity is null)
        {
            _validity = ValidityBitmap.Create(CapacityOf(), allValid: true);
        }

        ValidityBitmap.Set(_validity, Count++, false);
    }

    /// <summary>Finishes the column; the builder must not be used afterwards.</summary>
    public Column Build() => Type.Physical switch
    {
        PhysicalKind.Int64 => new Int64Column(_int64, 0, Count, _validity, Type),
        PhysicalKind.Double => new DoubleColumn(_double, 0, Count, _validity),
        PhysicalKind.Bool => new BoolColumn(_bits, 0, Count, _validity),
        PhysicalKind.String => new StringColumn(_codes, 0, Count, [.. _dictionary], _validity),
        _ => throw new InvalidOperationException($"Cannot build a {Type} column."),
    };

    private int CapacityOf() => Type.Physical switch
    {
        PhysicalKind.Int64 => _int64.Length,
        PhysicalKind.Double => _double.Length,
        PhysicalKind.Bool => _bits.Length * 8,
        _ => _codes.Length,
    };

    private void EnsureRoom()
    {
        if (Count == CapacityOf())
        {
            Grow(Count * 2);
        }
    }

    private void Grow(int capacity)
    {
        switch (Type.Physical)
        {
            case PhysicalKind.Int64:
                Array.Resize(ref _int64, capacity);
                break;
            case PhysicalKind.Double:
                Array.Resize(ref _double, capacity);
                break;
            case PhysicalKind.Bool:
                Array.Resize(ref _bits, ValidityBitmap.ByteCount(capacity));
                break;
            default:
                Array.Resize(ref _codes, capacity);
                break;
        }

        if (_validity is not null)
        {
            var old = _validity.Length;
            Array.Resize(ref _validity, ValidityBitmap.ByteCount(CapacityOf()));
            _validity.AsSpan(old).Fill(0xFF);
        }
    }
}
