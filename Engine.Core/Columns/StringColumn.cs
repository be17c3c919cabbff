namespace Engine.Core.Columns;

/// <summary>
/// A dictionary-encoded string column: each row holds an int32 code into <see cref="Dictionary"/>.
/// Time-series tags (symbol, hostname) have few distinct values, so predicates and group-by work on codes.
/// Dictionary entries need not be unique or sorted, and may be unused.
/// </summary>
public sealed class StringColumn : Column
{
    private readonly int[] _codes;
    private readonly string[] _dictionary;

    /// <summary>Wraps <paramref name="codes"/> and <paramref name="dictionary"/> (not copied).</summary>
    public StringColumn(int[] codes, string[] dictionary, byte[]? validity = null)
        : this(codes, 0, codes.Length, dictionary, validity)
    {
    }

    /// <summary>Wraps rows [offset, offset + length) of <paramref name="codes"/> (not copied).</summary>
    public StringColumn(int[] codes, int offset, int length, string[] dictionary, byte[]? validity)
        : base(DataType.String, offset, length, validity)
    {
        if ((long)offset + length > codes.Length)
        {
            throw new ArgumentException("The code buffer is shorter than the column.", nameof(codes));
        }

        _codes = codes;
        _dictionary = dictionary;
    }

    /// <summary>The codes of this view; entries at NULL rows are unspecified, others index <see cref="Dictionary"/>.</summary>
    public ReadOnlySpan<int> Codes => _codes.AsSpan(Offset, Length);

    /// <summary>The distinct-value dictionary that codes point into.</summary>
    public IReadOnlyList<string> Dictionary => _dictionary;

    /// <summary>Builds a column from plain strings (null entries become NULL rows); for cold paths and tests.</summary>
    public static StringColumn FromValues(IReadOnlyList<string?> values)
    {
        var codes = new int[values.Count];
        var dictionary = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        byte[]? validity = null;
        for (var i = 0; i < values.Count; i++)
        {
            var value = values[i];
            if (value is null)
            {
                validity ??= ValidityBitmap.Create(values.Count, allValid: true);
                ValidityBitmap.Set(validity, i, false);
                continue;
            }

            if (!index.TryGetValue(value, out var code))
            {
                code = dictionary.Count;
                index.Add(value, code);
                dictionary.Add(value);
            }

            codes[i] = code;
        }

        return new StringColumn(codes, [.. dictionary], validity);
    }

    /// <summary>The string at <paramref name="row"/>; unspecified when the row is NULL.</summary>
    public string GetValue(int row) => _dictionary[Codes[row]];

    /// <inheritdoc />
    public override ScalarValue GetScalar(int row) => IsNull(row) ? ScalarValue.Null(DataType.String) : ScalarValue.FromString(GetValue(row));

    /// <inheritdoc />
    public override Column Slice(int start, int length)
    {
        CheckSlice(start, length);
        return new StringColumn(_codes, Offset + start, length, _dictionary, Validity);
    }
}
