using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Engine.Core.Columns;
using Engine.Storage.Parquet.Metadata;

namespace Engine.Storage.Parquet.Writing;

/// <summary>
/// Writes DOUBLE columns as PLAIN (8 little-endian IEEE 754 bytes per non-NULL value). Statistics follow
/// the specification's rules for TYPE_ORDER floating point: NaN never becomes min or max (and is counted
/// in nan_count), a zero min is written as -0.0 and a zero max as +0.0, and a chunk of only NaNs has no
/// min/max. The same rules give each page's ColumnIndex entry; a chunk with a page of only NaNs (and NULLs)
/// gets no ColumnIndex, as parquet-mr does, since the index has no way to say "unknown" for a non-NULL page.
/// </summary>
internal sealed class DoubleChunkWriter(Field field) : ColumnChunkWriter(field)
{
    private double[] _values = [];

    /// <inheritdoc />
    public override PhysicalType PhysicalType => PhysicalType.Double;

    /// <inheritdoc />
    protected override void AppendValues(Column column, int start, int count)
    {
        EnsureCapacity(ref _values, checked(start + count));
        var source = ((DoubleColumn)column).Values;
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
    protected override int CountValuesForPage(int start, int pageBytes) => pageBytes / sizeof(double);

    /// <inheritdoc />
    protected override void EncodeValues(int start, int count, ArrayBufferWriter<byte> body)
    {
        var values = _values.AsSpan(start, count);
        if (BitConverter.IsLittleEndian)
        {
            body.Write(MemoryMarshal.AsBytes(values));
            return;
        }

        var span = body.GetSpan(count * sizeof(double));
        for (var i = 0; i < values.Length; i++)
        {
            BinaryPrimitives.WriteDoubleLittleEndian(span[(i * sizeof(double))..], values[i]);
        }

        body.Advance(count * sizeof(double));
    }

    /// <inheritdoc />
    protected override void ComputeStatistics(int start, int count, out byte[]? min, out byte[]? max, out long? nanCount)
    {
        min = max = null;
        long nans = 0;
        var low = double.PositiveInfinity;
        var high = double.NegativeInfinity;
        var any = false;
        foreach (var value in _values.AsSpan(start, count))
        {
            if (double.IsNaN(value))
            {
                nans++;
                continue;
            }

            any = true;
            low = value < low ? value : low;
            high = value > high ? value : high;
        }

        nanCount = nans;
        if (!any)
        {
            return;
        }

        min = new byte[sizeof(double)];
        max = new byte[sizeof(double)];
        BinaryPrimitives.WriteDoubleLittleEndian(min, low == 0 ? -0.0 : low);
        BinaryPrimitives.WriteDoubleLittleEndian(max, high == 0 ? 0.0 : high);
    }

    /// <inheritdoc />
    protected override int CompareStatistics(byte[] left, byte[] right) =>
        BinaryPrimitives.ReadDoubleLittleEndian(left).CompareTo(BinaryPrimitives.ReadDoubleLittleEndian(right));
}
