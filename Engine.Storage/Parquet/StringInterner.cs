using System.Text;

namespace Engine.Storage.Parquet;

/// <summary>
/// Builds the string dictionary of one String column: equal texts get one code, so repeated values cost a
/// lookup, not a new string. UTF-8 input is decoded into a reused scratch buffer and looked up by span.
/// Not thread-safe; one per column chunk being decoded.
/// </summary>
internal sealed class StringInterner
{
    private readonly List<string> _strings = [];
    private readonly Dictionary<string, int> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private char[] _scratch = new char[256];

    /// <summary>Creates an empty interner.</summary>
    public StringInterner() => _lookup = _codes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The dictionary built so far, indexed by code.</summary>
    public string[] ToArray() => [.. _strings];

    /// <summary>The code of the UTF-8 text <paramref name="utf8"/> (invalid sequences become U+FFFD).</summary>
    public int InternUtf8(ReadOnlySpan<byte> utf8)
    {
        var maxChars = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (_scratch.Length < maxChars)
        {
            _scratch = new char[Math.Max(maxChars, _scratch.Length * 2)];
        }

        var length = Encoding.UTF8.GetChars(utf8, _scratch);
        return Intern(_scratch.AsSpan(0, length));
    }

    /// <summary>The code of <paramref name="bytes"/> rendered as DuckDB renders a BLOB (see <see cref="ParquetTypeMapping"/>).</summary>
    public int InternBlob(ReadOnlySpan<byte> bytes)
    {
        var maxChars = bytes.Length * 4;
        if (_scratch.Length < maxChars)
        {
            _scratch = new char[Math.Max(maxChars, _scratch.Length * 2)];
        }

        var length = 0;
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\'')
            {
                _scratch[length++] = (char)b;
            }
            else
            {
                _scratch[length++] = '\\';
                _scratch[length++] = 'x';
                _scratch[length++] = "0123456789ABCDEF"[b >> 4];
                _scratch[length++] = "0123456789ABCDEF"[b & 0xF];
            }
        }

        return Intern(_scratch.AsSpan(0, length));
    }

    /// <summary>The code of <paramref name="text"/>.</summary>
    public int Intern(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var code))
        {
            return code;
        }

        var value = text.ToString();
        code = _strings.Count;
        _strings.Add(value);
        _codes.Add(value, code);
        return code;
    }
}
