using System.IO.Hashing;
using System.Text;
using System.Text.Unicode;
using Engine.Storage.Buffers;

namespace Engine.Storage.Parquet;

/// <summary>
/// Builds the string dictionary of one String column: equal texts get one code, so repeated values cost a
/// lookup, not a new string. Entries are keyed by their text's UTF-8 bytes in an open-addressing table (XxHash3,
/// linear probing) whose keys live in one pooled byte arena, so valid UTF-8 input — the usual case — is looked up
/// without decoding it and decoded into a string only when it is new. Invalid UTF-8 is decoded first (invalid
/// sequences become U+FFFD) and looked up by the bytes of that text, so equal texts always share one code.
/// Values that do not repeat are not worth a lookup: once <see cref="SampleEntries"/> entries are in and fewer
/// than a quarter as many lookups found an existing one (order ids, free text), the interner stops looking up and
/// appends every further value as a new entry. Codes are then still valid, but a text may have several
/// (the <see cref="Core.Columns.StringColumn"/> contract allows repeated dictionary entries).
/// Not thread-safe; one per column chunk being decoded, which calls <see cref="Release"/> when done.
/// </summary>
internal sealed class StringInterner
{
    /// <summary>Entries after which a dictionary whose lookups mostly miss stops interning.</summary>
    public const int SampleEntries = 16_384;

    private const int InitialBuckets = 1 << 8;

    private string[] _strings = new string[64];
    private int[] _starts = new int[65];
    private uint[] _hashes = new uint[64];
    private int[] _buckets = new int[InitialBuckets];
    private byte[] _arena = PooledBuffers.Rent<byte>(4096);
    private byte[] _utf8Scratch = [];
    private char[] _charScratch = new char[256];
    private int _count;
    private int _hits;
    private bool _appendOnly;

    /// <summary>The dictionary built so far, indexed by code.</summary>
    public string[] ToArray() => _strings.AsSpan(0, _count).ToArray();

    /// <summary>The code of the UTF-8 text <paramref name="utf8"/> (invalid sequences become U+FFFD).</summary>
    public int InternUtf8(ReadOnlySpan<byte> utf8)
    {
        if (_appendOnly)
        {
            return Add(Encoding.UTF8.GetString(utf8));
        }

        if (Utf8.IsValid(utf8))
        {
            return InternValid(utf8, null);
        }

        var maxChars = Encoding.UTF8.GetMaxCharCount(utf8.Length);
        if (_charScratch.Length < maxChars)
        {
            _charScratch = new char[Math.Max(maxChars, _charScratch.Length * 2)];
        }

        var length = Encoding.UTF8.GetChars(utf8, _charScratch);
        return Intern(_charScratch.AsSpan(0, length));
    }

    /// <summary>The code of <paramref name="bytes"/> rendered as DuckDB renders a BLOB (see <see cref="ParquetTypeMapping"/>).</summary>
    public int InternBlob(ReadOnlySpan<byte> bytes)
    {
        var maxChars = bytes.Length * 4;
        if (_charScratch.Length < maxChars)
        {
            _charScratch = new char[Math.Max(maxChars, _charScratch.Length * 2)];
        }

        var length = 0;
        foreach (var b in bytes)
        {
            if (b is >= 0x20 and < 0x7F and not (byte)'"' and not (byte)'\'')
            {
                _charScratch[length++] = (char)b;
            }
            else
            {
                _charScratch[length++] = '\\';
                _charScratch[length++] = 'x';
                _charScratch[length++] = "0123456789ABCDEF"[b >> 4];
                _charScratch[length++] = "0123456789ABCDEF"[b & 0xF];
            }
        }

        return Intern(_charScratch.AsSpan(0, length));
    }

    /// <summary>The code of <paramref name="text"/>.</summary>
    public int Intern(ReadOnlySpan<char> text)
    {
        if (_appendOnly)
        {
            return Add(text.ToString());
        }

        var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (_utf8Scratch.Length < maxBytes)
        {
            _utf8Scratch = new byte[Math.Max(maxBytes, _utf8Scratch.Length * 2)];
        }

        var length = Encoding.UTF8.GetBytes(text, _utf8Scratch);
        return InternValid(_utf8Scratch.AsSpan(0, length), text);
    }

    /// <summary>Returns the pooled key arena; the interner must not be used afterwards (except <see cref="ToArray"/>).</summary>
    public void Release()
    {
        PooledBuffers.Return(_arena);
        _arena = [];
    }

    // utf8 is valid UTF-8; text, when the caller has it, is the same text as chars.
    private int InternValid(ReadOnlySpan<byte> utf8, ReadOnlySpan<char> text)
    {
        var hash = (uint)XxHash3.HashToUInt64(utf8);
        var mask = _buckets.Length - 1;
        var bucket = (int)(hash & (uint)mask);
        while (true)
        {
            var entry = _buckets[bucket] - 1;
            if (entry < 0)
            {
                break;
            }

            if (_hashes[entry] == hash && utf8.SequenceEqual(_arena.AsSpan(_starts[entry], _starts[entry + 1] - _starts[entry])))
            {
                _hits++;
                return entry;
            }

            bucket = (bucket + 1) & mask;
        }

        var code = _count;
        Append(utf8, hash, text.IsEmpty && !utf8.IsEmpty ? Encoding.UTF8.GetString(utf8) : text.ToString());
        _buckets[bucket] = code + 1;
        if (_count >= SampleEntries && _hits * 4L < _count)
        {
            // Mostly distinct values: stop keeping the table and the keys.
            _appendOnly = true;
            _buckets = [];
            Release();
        }
        else if (_count * 2 > _buckets.Length)
        {
            Rehash(_buckets.Length * 2);
        }

        return code;
    }

    // Append-only mode: a new entry without a key.
    private int Add(string value)
    {
        if (_count == _strings.Length)
        {
            Array.Resize(ref _strings, _count * 2);
        }

        _strings[_count] = value;
        return _count++;
    }

    private void Append(ReadOnlySpan<byte> utf8, uint hash, string value)
    {
        if (_count == _strings.Length)
        {
            Array.Resize(ref _strings, _count * 2);
            Array.Resize(ref _hashes, _count * 2);
            Array.Resize(ref _starts, (_count * 2) + 1);
        }

        var start = _starts[_count];
        if (_arena.Length - start < utf8.Length)
        {
            var grown = PooledBuffers.Rent<byte>((int)Math.Min(Array.MaxLength, Math.Max(start + (long)utf8.Length, _arena.Length * 2L)));
            _arena.AsSpan(0, start).CopyTo(grown);
            PooledBuffers.Return(_arena);
            _arena = grown;
        }

        utf8.CopyTo(_arena.AsSpan(start));
        _strings[_count] = value;
        _hashes[_count] = hash;
        _starts[_count + 1] = start + utf8.Length;
        _count++;
    }

    private void Rehash(int size)
    {
        var buckets = new int[size];
        var mask = size - 1;
        for (var code = 0; code < _count; code++)
        {
            var bucket = (int)(_hashes[code] & (uint)mask);
            while (buckets[bucket] != 0)
            {
                bucket = (bucket + 1) & mask;
            }

            buckets[bucket] = code + 1;
        }

        _buckets = buckets;
    }
}
