using System.Buffers;
using System.Buffers.Binary;
using Engine.Core.Columns;
using Engine.Storage.Parquet.Metadata;

namespace Engine.Storage.Parquet.Writing;

/// <summary>
/// Buffers one column of the current row group and writes it as a column chunk. <see cref="Append"/> keeps
/// one definition level per row (when the field is nullable) and hands the non-NULL values to the typed
/// subclass, which stores them densely; <see cref="WriteChunk"/> cuts the rows into version 1 data pages of
/// about <see cref="ParquetWriterOptions.PageSizeBytes"/> encoded value bytes or
/// <see cref="ParquetWriterOptions.PageRowLimit"/> rows (levels RLE-encoded with bit width 1 behind a 4-byte length), optionally preceded by a dictionary page, and reports the chunk's
/// metadata and statistics. Then <see cref="Reset"/> makes it ready for the next row group. One instance
/// per column of a <see cref="ParquetFileWriter"/>; not thread-safe.
/// </summary>
internal abstract class ColumnChunkWriter
{
    private readonly ArrayBufferWriter<byte> _levelBuffer = new(256);
    private byte[] _levels = [];

    /// <summary>Creates a writer for <paramref name="field"/>.</summary>
    protected ColumnChunkWriter(Field field)
    {
        Field = field;
    }

    /// <summary>The column's schema field.</summary>
    public Field Field { get; }

    /// <summary>Rows buffered in the current row group.</summary>
    public int RowCount { get; private set; }

    /// <summary>Non-NULL values buffered in the current row group.</summary>
    public int ValueCount => RowCount - NullCount;

    /// <summary>NULL rows buffered in the current row group.</summary>
    public int NullCount { get; private set; }

    /// <summary>The physical type the values are stored as.</summary>
    public abstract PhysicalType PhysicalType { get; }

    /// <summary>Creates the writer for <paramref name="field"/>'s type.</summary>
    public static ColumnChunkWriter Create(Field field) => field.Type.Id switch
    {
        TypeId.Int64 or TypeId.Timestamp => new Int64ChunkWriter(field),
        TypeId.Double => new DoubleChunkWriter(field),
        TypeId.Bool => new BoolChunkWriter(field),
        TypeId.String => new StringChunkWriter(field),
        _ => throw new ArgumentOutOfRangeException(nameof(field), field.Type, $"Column '{field.Name}' has an unknown type."),
    };

    /// <summary>
    /// Buffers every row of <paramref name="column"/>. Throws <see cref="ArgumentException"/> when the
    /// column's type differs from the field's or a non-nullable field receives a NULL.
    /// </summary>
    public void Append(Column column)
    {
        if (column.Type != Field.Type)
        {
            throw new ArgumentException($"Column '{Field.Name}' is {Field.Type.SqlName()} but a {column.Type.SqlName()} column was given.", nameof(column));
        }

        var nulls = column.NullCount;
        if (nulls > 0 && !Field.Nullable)
        {
            throw new ArgumentException($"Column '{Field.Name}' is not nullable but {nulls} NULL row(s) were given.", nameof(column));
        }

        var length = column.Length;
        var total = checked(RowCount + length);
        if (Field.Nullable)
        {
            if (total > _levels.Length)
            {
                Array.Resize(ref _levels, Math.Max(total, Math.Min(Array.MaxLength, _levels.Length * 2)));
            }

            var levels = _levels.AsSpan(RowCount, length);
            if (nulls == 0)
            {
                levels.Fill(1);
            }
            else
            {
                var validity = column.Validity!;
                var offset = column.Offset;
                for (var i = 0; i < levels.Length; i++)
                {
                    levels[i] = ValidityBitmap.Get(validity, offset + i) ? (byte)1 : (byte)0;
                }
            }
        }

        AppendValues(column, ValueCount, length - nulls);
        RowCount = total;
        NullCount += nulls;
    }

    /// <summary>
    /// Appends the chunk's pages to <paramref name="sink"/> and returns its metadata. Requires at least one
    /// buffered row.
    /// </summary>
    public ColumnChunkSummary WriteChunk(PageSink sink, ParquetWriterOptions options)
    {
        if (RowCount == 0)
        {
            throw new InvalidOperationException($"Column '{Field.Name}' has no rows to write.");
        }

        sink.BeginChunk();
        var encodings = new List<ParquetEncoding>(3);
        long? dictionaryOffset = null;
        var dictionaryPosition = sink.Position;
        var valueEncoding = ParquetEncoding.Plain;
        if (TryWriteDictionaryPage(sink, options))
        {
            dictionaryOffset = dictionaryPosition;
            encodings.Add(ParquetEncoding.Plain);
            valueEncoding = ParquetEncoding.RleDictionary;
        }

        if (!encodings.Contains(valueEncoding))
        {
            encodings.Add(valueEncoding);
        }

        if (Field.Nullable)
        {
            encodings.Add(ParquetEncoding.Rle);
        }

        var dataOffset = sink.Position;
        var pages = new List<WrittenPage>();
        var row = 0;
        var value = 0;
        do
        {
            // A page ends at the row limit or when its values reach the byte target, whichever comes first;
            // NULL rows up to the row limit ride along with the page's last value.
            var rowLimit = (int)Math.Min(RowCount, (long)row + options.PageRowLimit);
            var windowValues = Field.Nullable ? _levels.AsSpan(row, rowLimit - row).Count((byte)1) : rowLimit - row;
            var take = windowValues == 0 ? 0 : Math.Clamp(CountValuesForPage(value, options.PageSizeBytes), 1, windowValues);
            var rowEnd = take == windowValues ? rowLimit : Field.Nullable ? RowAfterValues(row, take) : row + take;
            if (Field.Nullable)
            {
                WriteLevels(sink.Body, _levels.AsSpan(row, rowEnd - row));
            }

            EncodeValues(value, take, sink.Body);
            var (pageOffset, pageSize) = sink.WriteDataPage(rowEnd - row, valueEncoding);
            ComputeStatistics(value, take, out var pageMin, out var pageMax, out var pageNans);
            pages.Add(new WrittenPage(pageOffset, pageSize, row, rowEnd - row, rowEnd - row - take, pageMin, pageMax, pageNans));
            row = rowEnd;
            value += take;
        }
        while (row < RowCount);

        ComputeStatistics(0, ValueCount, out var min, out var max, out var nanCount);
        return new ColumnChunkSummary
        {
            Name = Field.Name,
            PhysicalType = PhysicalType,
            Encodings = encodings,
            Codec = sink.Codec,
            NumValues = RowCount,
            TotalUncompressedSize = sink.ChunkUncompressedSize,
            TotalCompressedSize = sink.ChunkCompressedSize,
            DataPageOffset = dataOffset,
            DictionaryPageOffset = dictionaryOffset,
            NullCount = NullCount,
            NanCount = nanCount,
            MinValue = min,
            MaxValue = max,
            Pages = pages,
            BoundaryOrder = OrderOf(pages),
        };
    }

    /// <summary>Forgets the buffered rows for the next row group.</summary>
    public void Reset()
    {
        RowCount = 0;
        NullCount = 0;
        ResetValues();
    }

    /// <summary>Appends the <paramref name="count"/> non-NULL values of <paramref name="column"/>, which become values [<paramref name="start"/>, start + count).</summary>
    protected abstract void AppendValues(Column column, int start, int count);

    /// <summary>Writes the dictionary page when the chunk is dictionary-encoded; false (the default) for PLAIN chunks.</summary>
    protected virtual bool TryWriteDictionaryPage(PageSink sink, ParquetWriterOptions options) => false;

    /// <summary>How many values from <paramref name="start"/> fit in about <paramref name="pageBytes"/> encoded bytes (the caller clamps to at least one).</summary>
    protected abstract int CountValuesForPage(int start, int pageBytes);

    /// <summary>Encodes values [<paramref name="start"/>, start + count) into a page body.</summary>
    protected abstract void EncodeValues(int start, int count, ArrayBufferWriter<byte> body);

    /// <summary>
    /// The min and max (PLAIN bytes, null when no value qualifies) of values [<paramref name="start"/>, start + count)
    /// and, for floating point, their NaN count: the whole chunk for its statistics, one page for the ColumnIndex.
    /// </summary>
    protected abstract void ComputeStatistics(int start, int count, out byte[]? min, out byte[]? max, out long? nanCount);

    /// <summary>Compares two statistics values produced by <see cref="ComputeStatistics"/> in the column's sort order.</summary>
    protected abstract int CompareStatistics(byte[] left, byte[] right);

    /// <summary>Forgets the buffered values; the default keeps the value buffers, which the next row group overwrites.</summary>
    protected virtual void ResetValues()
    {
    }

    /// <summary>Grows <paramref name="buffer"/> to hold at least <paramref name="required"/> elements, doubling to amortize.</summary>
    protected static void EnsureCapacity<T>(ref T[] buffer, int required)
    {
        if (required > buffer.Length)
        {
            Array.Resize(ref buffer, Math.Max(required, (int)Math.Min(Array.MaxLength, Math.Max(1024L, buffer.Length * 2L))));
        }
    }

    /// <summary>
    /// The ColumnIndex boundary order of <paramref name="pages"/> (NULL-only pages ignored), or null when a page
    /// with values has no min/max (only NaNs) and the chunk therefore gets no ColumnIndex.
    /// </summary>
    private BoundaryOrder? OrderOf(List<WrittenPage> pages)
    {
        var ascending = true;
        var descending = true;
        WrittenPage? previous = null;
        foreach (var page in pages)
        {
            if (page.NullOnly)
            {
                continue;
            }

            if (page.Min is null || page.Max is null)
            {
                return null;
            }

            if (previous is { } before)
            {
                var mins = CompareStatistics(before.Min!, page.Min);
                var maxes = CompareStatistics(before.Max!, page.Max);
                ascending &= mins <= 0 && maxes <= 0;
                descending &= mins >= 0 && maxes >= 0;
            }

            previous = page;
        }

        return ascending ? Metadata.BoundaryOrder.Ascending : descending ? Metadata.BoundaryOrder.Descending : Metadata.BoundaryOrder.Unordered;
    }

    private void WriteLevels(ArrayBufferWriter<byte> body, ReadOnlySpan<byte> levels)
    {
        _levelBuffer.ResetWrittenCount();
        RleBitPackedEncoder.Encode(levels, 1, _levelBuffer);
        BinaryPrimitives.WriteInt32LittleEndian(body.GetSpan(4), _levelBuffer.WrittenCount);
        body.Advance(4);
        body.Write(_levelBuffer.WrittenSpan);
    }

    private int RowAfterValues(int row, int values)
    {
        var levels = _levels;
        while (values > 0)
        {
            values -= levels[row];
            row++;
        }

        return row;
    }
}
