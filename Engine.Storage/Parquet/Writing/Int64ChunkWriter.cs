using System.Buffers.Binary;
using Engine.Core.Columns;
using Engine.Storage.Parquet.Metadata;

namespace Engine.Storage.Parquet.Writing;

/// <summary>
/// Writes BIGINT and TIMESTAMP columns as PLAIN INT64 (8 little-endian bytes per non-NULL value), with
/// min/max statistics in signed order.
/// </summary>
internal sealed class Int64ChunkWriter(Field field) : FixedWidthChunkWriter<long>(field)
{
    /// <inheritdoc />
    public override PhysicalType PhysicalType => PhysicalType.Int64;

    /// <inheritdoc />
    protected override ReadOnlySpan<long> ValuesOf(Column column) => ((Int64Column)column).Values;

    /// <inheritdoc />
    protected override void ComputeStatistics(int start, int count, out byte[]? min, out byte[]? max, out long? nanCount)
    {
        nanCount = null;
        min = max = null;
        var values = Values(start, count);
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
