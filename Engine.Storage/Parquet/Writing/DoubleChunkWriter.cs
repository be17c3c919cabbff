using System.Buffers.Binary;
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
internal sealed class DoubleChunkWriter(Field field) : FixedWidthChunkWriter<double>(field)
{
    /// <inheritdoc />
    public override PhysicalType PhysicalType => PhysicalType.Double;

    /// <inheritdoc />
    protected override ReadOnlySpan<double> ValuesOf(Column column) => ((DoubleColumn)column).Values;

    /// <inheritdoc />
    protected override void ComputeStatistics(int start, int count, out byte[]? min, out byte[]? max, out long? nanCount)
    {
        min = max = null;
        long nans = 0;
        var low = double.PositiveInfinity;
        var high = double.NegativeInfinity;
        var any = false;
        foreach (var value in Values(start, count))
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
