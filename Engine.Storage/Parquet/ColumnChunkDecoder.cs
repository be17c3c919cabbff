using System.Buffers.Binary;
using System.IO.Hashing;
using System.Runtime.InteropServices;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Storage.Buffers;
using Engine.Storage.Compression;
using Engine.Storage.Parquet.Encodings;
using Engine.Storage.Parquet.Metadata;
using Engine.Storage.Thrift;

namespace Engine.Storage.Parquet;

/// <summary>
/// Decodes one column chunk (all its pages: dictionary, data V1 and V2) into an Engine <see cref="Column"/>.
/// Each page header is parsed from the chunk bytes, its CRC verified when present, its body decompressed
/// into a buffer of the declared size (checked against the codec's maximum expansion first), its
/// definition levels turned into the validity bitmap, and its values decoded and converted. The output is
/// one array per chunk sized from the row count (bounded by the chunk's size, so a lying count cannot
/// force a huge allocation); decompressed pages go to one pooled buffer reused across the chunk's pages;
/// PLAIN fixed-width values are copied straight into the output; pages without NULLs skip the
/// validity work. One instance per chunk; not thread-safe.
/// </summary>
internal sealed class ColumnChunkDecoder
{
    private const long PresizeValuesPerByte = 64;
    private readonly ParquetColumnDescriptor _column;
    private readonly CompressionCodec _codec;
    private readonly string _objectName;
    private readonly int _rowCount;
    private readonly ParquetReaderOptions _options;
    private readonly PageContext _context;
    private readonly StringInterner? _interner;
    private readonly ValueBuffer _output;
    private ValueBuffer? _dictionary;
    private int _dictionaryCount;
    private byte[]? _validity;
    private byte[]? _pageBuffer;
    private int _rows;
    private int _nulls;

    /// <summary>Prepares to decode <paramref name="rowCount"/> rows of <paramref name="column"/> compressed with <paramref name="codec"/>.</summary>
    public ColumnChunkDecoder(ParquetColumnDescriptor column, CompressionCodec codec, string objectName, int rowCount, ParquetReaderOptions options)
    {
        _column = column;
        _codec = codec;
        _objectName = objectName;
        _rowCount = rowCount;
        _options = options;
        _context = new PageContext(objectName, column.Name);
        _interner = column.Field.Type == DataType.String ? new StringInterner() : null;
        _output = new ValueBuffer(column.Field.Type);
    }

    /// <summary>Decodes the chunk held in <paramref name="chunk"/>, which starts at <paramref name="chunkOffset"/> of the file.</summary>
    public Column Decode(ArraySegment<byte> chunk, long chunkOffset)
    {
        try
        {
            Presize(chunk.Count);
            DecodePages(chunk, chunkOffset);
        }
        finally
        {
            ReturnBuffers();
        }

        return BuildColumn();
    }

    /// <summary>
    /// Decodes parts of the chunk read separately (page index): each segment holds whole pages and must
    /// yield exactly its <c>Rows</c> (0 for the dictionary region); the constructor's row count is their sum.
    /// </summary>
    public Column DecodeSegments(IReadOnlyList<(ArraySegment<byte> Bytes, long Offset, int Rows)> segments)
    {
        try
        {
            long bytes = 0;
            foreach (var segment in segments)
            {
                bytes += segment.Bytes.Count;
            }

            Presize(bytes);
            foreach (var (data, offset, rows) in segments)
            {
                var expected = _rows + rows;
                DecodePages(data, offset, wholeSegment: true);
                if (_rows != expected)
                {
                    _context.PageOffset = offset;
                    _context.Fail($"the pages at offset {offset} hold {_rows - (expected - rows)} rows but the offset index says {rows}");
                }
            }
        }
        finally
        {
            ReturnBuffers();
        }

        if (_rows != _rowCount)
        {
            _context.Fail($"the selected pages hold {_rows} rows, expected {_rowCount}");
        }

        return BuildColumn();
    }

    private void ReturnBuffers()
    {
        if (_pageBuffer is not null)
        {
            PooledBuffers.Return(_pageBuffer);
            _pageBuffer = null;
        }

        _interner?.Release();
    }

    // Pre-size the output for the whole chunk: at most PresizeValuesPerByte values per chunk byte, so a
    // file claiming more rows than its bytes can plausibly hold still grows only as values decode.
    private void Presize(long chunkBytes) =>
        _output.EnsureCapacity((int)Math.Min(_rowCount, Math.Max(1024L, chunkBytes * PresizeValuesPerByte)), _rowCount);

    private void DecodePages(ArraySegment<byte> chunk, long chunkOffset, bool wholeSegment = false)
    {
        // Every page of the chunk is read, also after the row group's rows are complete: a data page with
        // values beyond them means the counts disagree, and rows must not be dropped without an error.
        var position = 0;
        while (position < chunk.Count || (!wholeSegment && _rows < _rowCount))
        {
            _context.PageOffset = chunkOffset + position;
            if (position >= chunk.Count)
            {
                _context.Fail($"the column chunk ends after {_rows} of the row group's {_rowCount} rows");
            }

            var reader = new ThriftCompactReader(chunk.AsSpan(position), _objectName, chunkOffset + position);
            var header = MetadataDecoder.ReadPageHeader(ref reader);
            position += reader.Position;
            if (header.CompressedPageSize < 0 || header.CompressedPageSize > chunk.Count - position)
            {
                _context.Fail($"page size {header.CompressedPageSize} exceeds the {chunk.Count - position} bytes left in the column chunk");
            }

            if (header.UncompressedPageSize < 0)
            {
                _context.Fail($"uncompressed page size {header.UncompressedPageSize} is negative");
            }

            var body = chunk.Slice(position, header.CompressedPageSize);
            var bodyOffset = chunkOffset + position;
            position += header.CompressedPageSize;
            if (header.Crc is { } crc && _options.VerifyChecksums)
            {
                var actual = Crc32.HashToUInt32(body);
                if (actual != (uint)crc)
                {
                    _context.Fail($"page CRC-32 is 0x{actual:X8} but the header says 0x{(uint)crc:X8}");
                }
            }

            switch (header.Type)
            {
                case PageType.DictionaryPage:
                    ReadDictionaryPage(header, body, bodyOffset);
                    break;
                case PageType.DataPage:
                    ReadDataPageV1(header, body, bodyOffset);
                    break;
                case PageType.DataPageV2:
                    ReadDataPageV2(header, body, bodyOffset);
                    break;
                default:
                    break;
            }
        }
    }

    private void ReadDictionaryPage(PageHeader header, ArraySegment<byte> body, long bodyOffset)
    {
        var info = header.DictionaryPage ?? throw _context.Corrupt("dictionary page without a DictionaryPageHeader");
        if (info.NumValues < 0)
        {
            _context.Fail($"dictionary page has a negative value count ({info.NumValues})");
        }

        if (info.Encoding is not (ParquetEncoding.Plain or ParquetEncoding.PlainDictionary))
        {
            throw new UnsupportedFeatureException($"Parquet dictionary page encoding {info.Encoding}", $"column '{_column.Name}' in '{_objectName}'");
        }

        var data = Inflate(body, header.UncompressedPageSize, bodyOffset);
        CheckPlainSize(data, info.NumValues);
        var dictionary = new ValueBuffer(_column.Field.Type);
        dictionary.EnsureCapacity(info.NumValues, info.NumValues);
        DecodePlain(dictionary, 0, data, info.NumValues);
        _dictionary = dictionary;
        _dictionaryCount = info.NumValues;
    }

    private void ReadDataPageV1(PageHeader header, ArraySegment<byte> body, long bodyOffset)
    {
        var info = header.DataPage ?? throw _context.Corrupt("data page without a DataPageHeader");
        var rows = CheckRows(info.NumValues);
        var data = Inflate(body, header.UncompressedPageSize, bodyOffset);
        var levels = Array.Empty<int>();
        var consumed = 0;
        try
        {
            if (_column.MaxDefinitionLevel > 0)
            {
                if (info.DefinitionLevelEncoding != ParquetEncoding.Rle)
                {
                    throw new UnsupportedFeatureException($"Parquet definition level encoding {info.DefinitionLevelEncoding}", $"column '{_column.Name}' in '{_objectName}'");
                }

                var section = RleBitPackedDecoder.SliceLengthPrefixed(data, _context, out consumed);
                levels = PooledBuffers.Rent<int>(rows);
                RleBitPackedDecoder.Decode(section, 1, levels.AsSpan(0, rows), _context);
            }

            DecodeValues(rows, levels.AsSpan(0, _column.MaxDefinitionLevel > 0 ? rows : 0), info.Encoding, data[consumed..]);
        }
        finally
        {
            if (levels.Length > 0)
            {
                PooledBuffers.Return(levels);
            }
        }
    }

    private void ReadDataPageV2(PageHeader header, ArraySegment<byte> body, long bodyOffset)
    {
        var info = header.DataPageV2 ?? throw _context.Corrupt("data page V2 without a DataPageHeaderV2");
        var rows = CheckRows(info.NumRows);
        if (info.NumValues != info.NumRows)
        {
            _context.Fail($"flat column page has {info.NumValues} values but {info.NumRows} rows");
        }

        var levelBytes = (long)info.DefinitionLevelsByteLength + info.RepetitionLevelsByteLength;
        if (info.DefinitionLevelsByteLength < 0 || info.RepetitionLevelsByteLength < 0 || levelBytes > body.Count || levelBytes > header.UncompressedPageSize)
        {
            _context.Fail($"level lengths {info.RepetitionLevelsByteLength} + {info.DefinitionLevelsByteLength} exceed the page ({body.Count} bytes)");
        }

        var definitions = body.Slice(info.RepetitionLevelsByteLength, info.DefinitionLevelsByteLength);
        var valueSection = body[(int)levelBytes..];
        var valueSize = header.UncompressedPageSize - (int)levelBytes;
        ArraySegment<byte> values;
        if (!info.IsCompressed || _codec == CompressionCodec.Uncompressed)
        {
            values = valueSection;
        }
        else if (valueSection.Count == 0)
        {
            values = ArraySegment<byte>.Empty;
        }
        else
        {
            values = Inflate(valueSection, valueSize, bodyOffset + levelBytes);
        }

        var levels = Array.Empty<int>();
        try
        {
            if (_column.MaxDefinitionLevel > 0)
            {
                levels = PooledBuffers.Rent<int>(rows);
                RleBitPackedDecoder.Decode(definitions, 1, levels.AsSpan(0, rows), _context);
            }

            DecodeValues(rows, levels.AsSpan(0, _column.MaxDefinitionLevel > 0 ? rows : 0), info.Encoding, values);
        }
        finally
        {
            if (levels.Length > 0)
            {
                PooledBuffers.Return(levels);
            }
        }
    }

    private int CheckRows(int rows)
    {
        if (rows < 0 || rows > _rowCount - _rows)
        {
            _context.Fail($"page holds {rows} values but only {_rowCount - _rows} of the row group's {_rowCount} rows remain");
        }

        return rows;
    }

    private ArraySegment<byte> Inflate(ArraySegment<byte> body, int uncompressedSize, long offset)
    {
        if (_codec == CompressionCodec.Uncompressed)
        {
            return body;
        }

        var limit = Math.Min(_options.MaxPageBytes, ((long)body.Count * PageDecompressor.MaxExpansion(_codec)) + 1024);
        if (uncompressedSize > limit)
        {
            _context.Fail($"page claims {uncompressedSize} uncompressed bytes from {body.Count} {_codec} bytes (at most {limit} accepted)");
        }

        if (_pageBuffer is null || _pageBuffer.Length < uncompressedSize)
        {
            if (_pageBuffer is not null)
            {
                PooledBuffers.Return(_pageBuffer);
                _pageBuffer = null;
            }

            _pageBuffer = PooledBuffers.Rent<byte>(Math.Max(uncompressedSize, 1));
        }

        var buffer = new ArraySegment<byte>(_pageBuffer, 0, uncompressedSize);
        PageDecompressor.Decompress(_codec, body, buffer, _objectName, offset);
        return buffer;
    }

    private void DecodeValues(int rows, ReadOnlySpan<int> levels, ParquetEncoding encoding, ArraySegment<byte> data)
    {
        var present = rows;
        if (!levels.IsEmpty)
        {
            present = 0;
            foreach (var level in levels)
            {
                if ((uint)level > 1)
                {
                    _context.Fail($"definition level {level} exceeds the column's maximum of 1");
                }

                present += level;
            }
        }

        var start = _rows;
        _output.EnsureCapacity(start + rows, _rowCount);

        switch (encoding)
        {
            case ParquetEncoding.Plain:
                CheckPlainSize(data, present);
                DecodePlain(_output, start, data, present);
                break;
            case ParquetEncoding.PlainDictionary or ParquetEncoding.RleDictionary:
                DecodeDictionaryIndices(start, data, present);
                break;
            case ParquetEncoding.Rle when _column.PhysicalType == PhysicalType.Boolean:
                DecodeRleBooleans(start, data, present);
                break;
            case ParquetEncoding.DeltaBinaryPacked when _column.PhysicalType is PhysicalType.Int32 or PhysicalType.Int64:
                DecodeDeltaIntegers(start, data, present);
                break;
            case ParquetEncoding.DeltaLengthByteArray when _column.PhysicalType == PhysicalType.ByteArray:
                StoreByteArrays(_output, start, ByteArrayDecoder.DecodeDeltaLength(data, present, _context));
                break;
            case ParquetEncoding.DeltaByteArray when _column.PhysicalType is PhysicalType.ByteArray or PhysicalType.FixedLenByteArray:
                StoreByteArrays(_output, start, ByteArrayDecoder.DecodeDelta(data, present, _context));
                break;
            case ParquetEncoding.ByteStreamSplit when _column.PhysicalType is PhysicalType.Float or PhysicalType.Double or PhysicalType.Int32 or PhysicalType.Int64 or PhysicalType.FixedLenByteArray:
                var plain = ByteArrayDecoder.Unsplit(data, PlainWidth(), present, _context);
                DecodePlain(_output, start, plain, present);
                break;
            default:
                throw new UnsupportedFeatureException($"Parquet encoding {encoding} for {_column.PhysicalType}", $"column '{_column.Name}' in '{_objectName}'");
        }

        if (present < rows)
        {
            EnsureValidity(start);
            ApplyLevels(start, rows, present, levels);
        }
        else if (_validity is not null)
        {
            MarkValid(start, rows);
        }

        _rows += rows;
    }

    private void ApplyLevels(int start, int rows, int present, ReadOnlySpan<int> levels)
    {
        var validity = _validity!;
        var source = start + present - 1;
        for (var row = rows - 1; row >= 0; row--)
        {
            var valid = levels[row] == 1;
            ValidityBitmap.Set(validity, start + row, valid);
            if (valid)
            {
                if (source != start + row)
                {
                    _output.Move(source, start + row);
                }

                source--;
            }
        }

        _nulls += rows - present;
    }

    /// <summary>
    /// Creates the validity bitmap when the first NULL appears (the rows before <paramref name="validRows"/>
    /// were all present) and grows it with the output.
    /// </summary>
    private void EnsureValidity(int validRows)
    {
        var bytes = ValidityBitmap.ByteCount(_output.Capacity);
        if (_validity is null)
        {
            _validity = new byte[bytes];
            MarkValid(0, validRows);
        }
        else if (_validity.Length < bytes)
        {
            var grown = new byte[bytes];
            _validity.CopyTo(grown, 0);
            _validity = grown;
        }
    }

    private void MarkValid(int start, int count)
    {
        var bytes = ValidityBitmap.ByteCount(_output.Capacity);
        if (_validity!.Length < bytes)
        {
            var grown = new byte[bytes];
            _validity.CopyTo(grown, 0);
            _validity = grown;
        }

        var row = start;
        var end = start + count;
        while (row < end && (row & 7) != 0)
        {
            ValidityBitmap.Set(_validity, row++, true);
        }

        var wholeBytes = (end - row) >> 3;
        _validity.AsSpan(row >> 3, wholeBytes).Fill(0xFF);
        row += wholeBytes << 3;
        while (row < end)
        {
            ValidityBitmap.Set(_validity, row++, true);
        }
    }

    private int PlainWidth() => _column.PhysicalType switch
    {
        PhysicalType.Int32 or PhysicalType.Float => 4,
        PhysicalType.Int64 or PhysicalType.Double => 8,
        PhysicalType.Int96 => 12,
        _ => _column.TypeLength,
    };

    private void CheckPlainSize(ArraySegment<byte> data, int count)
    {
        var minimum = _column.PhysicalType switch
        {
            PhysicalType.Boolean => (count + 7L) / 8,
            PhysicalType.ByteArray => 4L * count,
            _ => (long)PlainWidth() * count,
        };
        if (minimum > data.Count)
        {
            _context.Fail($"{count} PLAIN {_column.PhysicalType} values need at least {minimum} bytes, the page holds {data.Count}");
        }
    }

    private void DecodePlain(ValueBuffer target, int start, ArraySegment<byte> data, int count)
    {
        var span = data.AsSpan();
        switch (_column.PhysicalType)
        {
            case PhysicalType.Boolean:
                for (var i = 0; i < count; i++)
                {
                    ValidityBitmap.Set(target.Bits, start + i, ValidityBitmap.Get(span, i));
                }

                break;
            case PhysicalType.Int64 when BitConverter.IsLittleEndian && _column.Conversion is ValueConversion.SignedInteger or ValueConversion.TimestampMicros or ValueConversion.TimeMicros:
                MemoryMarshal.Cast<byte, long>(span[..(count * 8)]).CopyTo(target.Longs.AsSpan(start, count));
                break;
            case PhysicalType.Int32 when BitConverter.IsLittleEndian && _column.Conversion == ValueConversion.SignedInteger:
                var ints = MemoryMarshal.Cast<byte, int>(span[..(count * 4)]);
                var longs = target.Longs.AsSpan(start, count);
                for (var i = 0; i < ints.Length; i++)
                {
                    longs[i] = ints[i];
                }

                break;
            case PhysicalType.Int32 or PhysicalType.Int64:
                var raw = PooledBuffers.Rent<long>(Math.Max(count, 1));
                try
                {
                    if (_column.PhysicalType == PhysicalType.Int32)
                    {
                        for (var i = 0; i < count; i++)
                        {
                            raw[i] = BinaryPrimitives.ReadInt32LittleEndian(span.Slice(i * 4, 4));
                        }
                    }
                    else
                    {
                        for (var i = 0; i < count; i++)
                        {
                            raw[i] = BinaryPrimitives.ReadInt64LittleEndian(span.Slice(i * 8, 8));
                        }
                    }

                    StoreIntegers(target, start, raw.AsSpan(0, count));
                }
                finally
                {
                    PooledBuffers.Return(raw);
                }

                break;
            case PhysicalType.Int96:
                for (var i = 0; i < count; i++)
                {
                    target.Longs[start + i] = ValueConverter.ConvertInt96(span.Slice(i * 12, 12));
                }

                break;
            case PhysicalType.Float:
                for (var i = 0; i < count; i++)
                {
                    target.Doubles[start + i] = BinaryPrimitives.ReadSingleLittleEndian(span.Slice(i * 4, 4));
                }

                break;
            case PhysicalType.Double when BitConverter.IsLittleEndian:
                MemoryMarshal.Cast<byte, double>(span[..(count * 8)]).CopyTo(target.Doubles.AsSpan(start, count));
                break;
            case PhysicalType.Double:
                for (var i = 0; i < count; i++)
                {
                    target.Doubles[start + i] = BinaryPrimitives.ReadDoubleLittleEndian(span.Slice(i * 8, 8));
                }

                break;
            case PhysicalType.ByteArray:
                StoreByteArrays(target, start, ByteArrayDecoder.DecodePlain(data, count, _context));
                break;
            default:
                StoreByteArrays(target, start, ByteArrayDecoder.DecodeFixed(data, count, _column.TypeLength, _context));
                break;
        }
    }

    private void StoreIntegers(ValueBuffer target, int start, ReadOnlySpan<long> raw)
    {
        switch (_column.Conversion)
        {
            case ValueConversion.DecimalIntegerToDouble:
                for (var i = 0; i < raw.Length; i++)
                {
                    target.Doubles[start + i] = ValueConverter.DecimalToDouble(raw[i], _column.Scale);
                }

                break;
            case ValueConversion.DecimalIntegerToText:
                for (var i = 0; i < raw.Length; i++)
                {
                    target.Codes[start + i] = _interner!.Intern(ValueConverter.DecimalToText(raw[i], _column.Scale));
                }

                break;
            case ValueConversion.SignedInteger or ValueConversion.TimestampMicros or ValueConversion.TimeMicros:
                raw.CopyTo(target.Longs.AsSpan(start));
                break;
            default:
                for (var i = 0; i < raw.Length; i++)
                {
                    if (!ValueConverter.TryConvertInteger(_column.Conversion, raw[i], out var value))
                    {
                        var shown = _column.Conversion == ValueConversion.UnsignedInt64 ? ((ulong)raw[i]).ToString(System.Globalization.CultureInfo.InvariantCulture) : raw[i].ToString(System.Globalization.CultureInfo.InvariantCulture);
                        throw ValueConverter.OutOfRange(_column, _objectName, shown);
                    }

                    target.Longs[start + i] = value;
                }

                break;
        }
    }

    private void StoreByteArrays(ValueBuffer target, int start, ByteArrayValues values)
    {
        var interner = _interner;
        switch (_column.Conversion)
        {
            case ValueConversion.Utf8:
                for (var i = 0; i < values.Count; i++)
                {
                    target.Codes[start + i] = interner!.InternUtf8(values[i]);
                }

                break;
            case ValueConversion.DecimalBytesToDouble:
                for (var i = 0; i < values.Count; i++)
                {
                    target.Doubles[start + i] = ValueConverter.DecimalToDouble(values[i], _column.Scale);
                }

                break;
            case ValueConversion.DecimalBytesToText:
                for (var i = 0; i < values.Count; i++)
                {
                    target.Codes[start + i] = interner!.Intern(ValueConverter.DecimalToText(ValueConverter.ReadBigInteger(values[i]), _column.Scale));
                }

                break;
            case ValueConversion.Float16:
                for (var i = 0; i < values.Count; i++)
                {
                    var bytes = values[i];
                    if (bytes.Length != 2)
                    {
                        _context.Fail($"FLOAT16 value {i} has {bytes.Length} bytes");
                    }

                    target.Doubles[start + i] = (double)BinaryPrimitives.ReadHalfLittleEndian(bytes);
                }

                break;
            default:
                for (var i = 0; i < values.Count; i++)
                {
                    target.Codes[start + i] = interner!.InternBlob(values[i]);
                }

                break;
        }
    }

    private void DecodeDictionaryIndices(int start, ArraySegment<byte> data, int count)
    {
        if (count == 0)
        {
            return;
        }

        var dictionary = _dictionary ?? throw _context.Corrupt("dictionary-encoded page but the column chunk has no dictionary page before it");
        if (data.Count == 0)
        {
            _context.Fail("dictionary-encoded page lacks its bit-width byte");
        }

        var indices = PooledBuffers.Rent<int>(count);
        try
        {
            var span = indices.AsSpan(0, count);
            RleBitPackedDecoder.Decode(data.AsSpan(1), data[0], span, _context);
            foreach (var index in span)
            {
                if ((uint)index >= (uint)_dictionaryCount)
                {
                    _context.Fail($"dictionary index {index} is outside the {_dictionaryCount}-entry dictionary");
                }
            }

            switch (_output.Type.Id)
            {
                case TypeId.Int64 or TypeId.Timestamp:
                    Gather(dictionary.Longs, span, _output.Longs.AsSpan(start, count));
                    break;
                case TypeId.Double:
                    Gather(dictionary.Doubles, span, _output.Doubles.AsSpan(start, count));
                    break;
                case TypeId.Bool:
                    for (var i = 0; i < count; i++)
                    {
                        _output.CopyFrom(dictionary, span[i], start + i);
                    }

                    break;
                default:
                    Gather(dictionary.Codes, span, _output.Codes.AsSpan(start, count));
                    break;
            }
        }
        finally
        {
            PooledBuffers.Return(indices);
        }
    }

    private static void Gather<T>(T[] dictionary, ReadOnlySpan<int> indices, Span<T> output)
    {
        for (var i = 0; i < indices.Length; i++)
        {
            output[i] = dictionary[indices[i]];
        }
    }

    private void DecodeRleBooleans(int start, ArraySegment<byte> data, int count)
    {
        var section = RleBitPackedDecoder.SliceLengthPrefixed(data, _context, out _);
        var values = PooledBuffers.Rent<int>(Math.Max(count, 1));
        try
        {
            RleBitPackedDecoder.Decode(section, 1, values.AsSpan(0, count), _context);
            for (var i = 0; i < count; i++)
            {
                ValidityBitmap.Set(_output.Bits, start + i, values[i] != 0);
            }
        }
        finally
        {
            PooledBuffers.Return(values);
        }
    }

    private void DecodeDeltaIntegers(int start, ArraySegment<byte> data, int count)
    {
        var raw = PooledBuffers.Rent<long>(Math.Max(count, 1));
        try
        {
            var values = raw.AsSpan(0, count);
            DeltaBinaryPackedDecoder.Decode(data, values, _context);
            if (_column.PhysicalType == PhysicalType.Int32)
            {
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = (int)values[i];
                }
            }

            StoreIntegers(_output, start, values);
        }
        finally
        {
            PooledBuffers.Return(raw);
        }
    }

    private Column BuildColumn()
    {
        var validity = _nulls > 0 ? _validity : null;
        return _output.Type.Id switch
        {
            TypeId.Int64 or TypeId.Timestamp => new Int64Column(_output.Longs, 0, _rows, validity, _output.Type),
            TypeId.Double => new DoubleColumn(_output.Doubles, 0, _rows, validity),
            TypeId.Bool => new BoolColumn(_output.Bits, 0, _rows, validity),
            _ => new StringColumn(_output.Codes, 0, _rows, _interner!.ToArray(), validity),
        };
    }
}
