using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Engine.Core.Columns;
using Engine.Storage.Parquet.Metadata;

namespace Engine.Storage.Parquet.Writing;

/// <summary>
/// Writes BIGINT and TIMESTAMP columns as PLAIN INT64 (8 little-endian bytes per non-NULL value), with
/// min/max statistics in signed order.
/// </summary>
internal sealed class Int64ChunkWriter(Field field) : ColumnChunkWriter(field)
{
    private long[] _values = [];

    /// <inheritdoc />
    public override PhysicalType PhysicalType => PhysicalType.Int64;

    /// <inheritdoc />
    protected override void AppendValues(Column column, int start, int count)
    {
        EnsureCapacity(ref _values, checked(start + count));
        var source = ((Int64Column)column).Values;
        var destination = _values.AsSpan(start, count);
        if (count == source.Length)
        {
            source.CopyTo(destination);
            return;
        }

        var validity = column.Validity!;
        var offset = column.Offset;
        var written = 0;
        for (var i = 0; i < source.Length; i++)
        {
            if (ValidityBitmap.Get(validity, offset + i))
            {
                destination[written++] = source[i];
            }
        }
    }

    /// <inheritdoc />
    protected override int CountValuesForPage(int start, int pageBytes) => pageBytes / sizeof(long);

    /// <inheritdoc />
    protected override void EncodeValues(int start, int count, ArrayBufferWriter<byte> body)
    {
        var values = _values.AsSpan(start, count);
        if (BitConverter.IsLittleEndian)
        {
            body.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        var span = body.GetSpan(count * sizeof(long));
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteInt64LittleEndian(span[(i * sizeof(long))..], values[i]);
        }

        body.Advance(count * sizeof(long));
    }

    /// <inheritdoc />
    protected override void ComputeStatistics(int start, int count, out byte[]? min, out byte[]? max, out long? nanCount)
    {
        nanCount = null;
        min = max = null;
        var values = _values.AsSpan(start, count);
        if (values.IsEmpty)
        {
            return;
        }

        var low = values[0];
        var high = values[0];
        foreach (var value in values)
        {
            low = Math.Min(low, value);
            high = Math.Max(high, value);
        }

        min = new byte[sizeof(long)];
        max = new byte[sizeof(long)];
        BinaryPrimitives.WriteInt64LittleEndian(min, low);
        BinaryPrimitives.WriteInt64LittleEndian(max, high);
    }

    /// <inheritdoc />
    protected override int CompareStatistics(byte[] left, byte[] right) =>
        BinaryPrimitives.ReadInt64LittleEndian(left).CompareTo(BinaryPrimitives.ReadInt64LittleEndian(right));
}
