using System.Buffers;
using System.Buffers.Binary;
using System.Text;
using Engine.Core.Columns;
using Engine.Storage.Parquet.Metadata;

namespace Engine.Storage.Parquet.Writing;

/// <summary>
/// Writes VARCHAR columns as BYTE_ARRAY (UTF-8). The batches' dictionaries are merged into one chunk
/// dictionary of the distinct values actually used; when its PLAIN size stays within
/// <see cref="ParquetWriterOptions.DictionaryPageSizeLimit"/> the chunk gets a PLAIN dictionary page and
/// RLE_DICTIONARY data pages (a bit-width byte, then the indices as an RLE/bit-packed hybrid), otherwise
/// (or when every row is NULL) its data pages are PLAIN (4-byte length, then the bytes). Min/max compare
/// the UTF-8 bytes unsigned, the order the specification defines for strings.
/// </summary>
internal sealed class StringChunkWriter(Field field) : ColumnChunkWriter(field)
{
    private readonly Dictionary<string, int> _lookup = new(StringComparer.Ordinal);
    private readonly List<byte[]> _entries = [];
    private readonly List<int> _ranks = [];
    private int[] _indices = [];
    private long _dictionaryBytes;
    private bool _dictionaryEncoded;
    private int _bitWidth;

    /// <inheritdoc />
    public override PhysicalType PhysicalType => PhysicalType.ByteArray;

    /// <inheritdoc />
    protected override void AppendValues(Column column, int start, int count)
    {
        EnsureCapacity(ref _indices, checked(start + count));
        var source = (StringColumn)column;
        var dictionary = source.Dictionary;
        var remap = new int[dictionary.Count];
        remap.AsSpan().Fill(-1);
        var codes = source.Codes;
        var validity = column.Validity;
        var offset = column.Offset;
        var destination = _indices.AsSpan(start, count);
        var written = 0;
        for (var i = 0; i < codes.Length; i++)
        {
            if (validity is not null && !ValidityBitmap.Get(validity, offset + i))
            {
                continue;
            }

            var code = codes[i];
            if ((uint)code >= (uint)remap.Length)
            {
                throw new ArgumentException($"Column '{Field.Name}' row {i} has dictionary code {code}, outside its dictionary of {remap.Length} entries.", nameof(column));
            }

            var index = remap[code];
            if (index < 0)
            {
                index = Intern(dictionary[code]);
                remap[code] = index;
            }

            destination[written++] = index;
        }
    }

    /// <inheritdoc />
    protected override bool TryWriteDictionaryPage(PageSink sink, ParquetWriterOptions options)
    {
        _dictionaryEncoded = _entries.Count > 0 && _dictionaryBytes <= options.DictionaryPageSizeLimit;
        if (!_dictionaryEncoded)
        {
            return false;
        }

        foreach (var entry in _entries)
        {
            WritePlain(sink.Body, entry);
        }

        sink.WriteDictionaryPage(_entries.Count);
        _bitWidth = RleBitPackedEncoder.BitWidthFor((uint)(_entries.Count - 1));
        return true;
    }

    /// <inheritdoc />
    protected override int CountValuesForPage(int start, int pageBytes)
    {
        if (_dictionaryEncoded)
        {
            return (int)Math.Min(int.MaxValue, pageBytes * 8L / _bitWidth);
        }

        long bytes = 0;
        var end = start;
        while (end < ValueCount && bytes < pageBytes)
        {
            bytes += sizeof(int) + _entries[_indices[end]].Length;
            end++;
        }

        return end - start;
    }

    /// <inheritdoc />
    protected override void EncodeValues(int start, int count, ArrayBufferWriter<byte> body)
    {
        var indices = _indices.AsSpan(start, count);
        if (_dictionaryEncoded)
        {
            body.GetSpan(1)[0] = (byte)_bitWidth;
            body.Advance(1);
            RleBitPackedEncoder.Encode<int>(indices, _bitWidth, body);
            return;
        }

        foreach (var index in indices)
        {
            WritePlain(body, _entries[index]);
        }
    }

    /// <inheritdoc />
    protected override void ComputeStatistics(int start, int count, out byte[]? min, out byte[]? max, out long? nanCount)
    {
        nanCount = null;
        min = max = null;
        if (count == 0)
        {
            return;
        }

        // Rank the chunk's distinct values once in UTF-8 byte order; a page's min/max is then an int scan.
        if (_ranks.Count != _entries.Count)
        {
            var order = Enumerable.Range(0, _entries.Count).ToArray();
            Array.Sort(order, (a, b) => _entries[a].AsSpan().SequenceCompareTo(_entries[b]));
            _ranks.Clear();
            _ranks.AddRange(new int[order.Length]);
            for (var rank = 0; rank < order.Length; rank++)
            {
                _ranks[order[rank]] = rank;
            }
        }

        var low = int.MaxValue;
        var high = int.MinValue;
        var lowIndex = 0;
        var highIndex = 0;
        foreach (var index in _indices.AsSpan(start, count))
        {
            var rank = _ranks[index];
            if (rank < low)
            {
                low = rank;
                lowIndex = index;
            }

            if (rank > high)
            {
                high = rank;
                highIndex = index;
            }
        }

        min = _entries[lowIndex];
        max = _entries[highIndex];
    }

    /// <inheritdoc />
    protected override int CompareStatistics(byte[] left, byte[] right) => left.AsSpan().SequenceCompareTo(right);

    /// <inheritdoc />
    protected override void ResetValues()
    {
        _lookup.Clear();
        _entries.Clear();
        _ranks.Clear();
        _dictionaryBytes = 0;
        _dictionaryEncoded = false;
    }

    private static void WritePlain(ArrayBufferWriter<byte> body, byte[] value)
    {
        BinaryPrimitives.WriteInt32LittleEndian(body.GetSpan(sizeof(int)), value.Length);
        body.Advance(sizeof(int));
        body.Write(value);
    }

    private int Intern(string value)
    {
        if (!_lookup.TryGetValue(value, out var index))
        {
            index = _entries.Count;
            var bytes = Encoding.UTF8.GetBytes(value);
            _lookup.Add(value, index);
            _entries.Add(bytes);
            _dictionaryBytes += sizeof(int) + bytes.Length;
        }

        return index;
    }
}
