using Engine.Core.Columns;

namespace Engine.Core.Execution.Kernels;

/// <summary>
/// Builds a column of a known type and length from pieces that land at given positions (the branches of a
/// CASE). Positions no piece fills stay NULL. Strings are re-encoded into one dictionary.
/// </summary>
internal sealed class ColumnAssembler
{
    private readonly DataType _type;
    private readonly int _count;
    private readonly byte[] _validity;
    private readonly long[]? _longs;
    private readonly double[]? _doubles;
    private readonly byte[]? _bits;
    private readonly int[]? _codes;
    private readonly List<string>? _dictionary;
    private readonly Dictionary<string, int>? _dictionaryIndex;

    public ColumnAssembler(DataType type, int count)
    {
        _type = type;
        _count = count;
        _validity = ValidityBitmap.Create(count, allValid: false);
        switch (type.Physical)
        {
            case PhysicalKind.Int64:
                _longs = new long[count];
                break;
            case PhysicalKind.Double:
                _doubles = new double[count];
                break;
            case PhysicalKind.Bool:
                _bits = new byte[ValidityBitmap.ByteCount(count)];
                break;
            default:
                _codes = new int[count];
                _dictionary = [];
                _dictionaryIndex = new Dictionary<string, int>(StringComparer.Ordinal);
                break;
        }
    }

    /// <summary>Writes row i of <paramref name="piece"/> (of this type) to position <c>positions[i]</c>.</summary>
    public void Scatter(Column piece, ReadOnlySpan<int> positions)
    {
        int[]? codeMap = null;
        if (piece is StringColumn strings)
        {
            codeMap = new int[strings.Dictionary.Count];
            for (var code = 0; code < codeMap.Length; code++)
            {
                var text = strings.Dictionary[code];
                if (!_dictionaryIndex!.TryGetValue(text, out var mapped))
                {
                    mapped = _dictionary!.Count;
                    _dictionary.Add(text);
                    _dictionaryIndex.Add(text, mapped);
                }

                codeMap[code] = mapped;
            }
        }

        for (var i = 0; i < positions.Length; i++)
        {
            if (piece.IsNull(i))
            {
                continue;
            }

            var at = positions[i];
            ValidityBitmap.Set(_validity, at, true);
            switch (piece)
            {
                case Int64Column ints:
                    _longs![at] = ints.Values[i];
                    break;
                case DoubleColumn doubles:
                    _doubles![at] = doubles.Values[i];
                    break;
                case BoolColumn bools:
                    ValidityBitmap.Set(_bits!, at, bools.GetValue(i));
                    break;
                case StringColumn text:
                    _codes![at] = codeMap![text.Codes[i]];
                    break;
            }
        }
    }

    public Column Build()
    {
        var validity = ValidityBitmap.CountNulls(_validity, 0, _count) == 0 ? null : _validity;
        return _type.Physical switch
        {
            PhysicalKind.Int64 => new Int64Column(_longs!, validity, _type),
            PhysicalKind.Double => new DoubleColumn(_doubles!, validity),
            PhysicalKind.Bool => new BoolColumn(_bits!, _count, validity),
            _ => new StringColumn(_codes!, 0, _count, _dictionary!.Count == 0 ? [string.Empty] : [.. _dictionary], validity),
        };
    }
}
