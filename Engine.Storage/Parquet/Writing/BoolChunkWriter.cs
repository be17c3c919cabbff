using System.Buffers;
using Engine.Core.Columns;
using Engine.Storage.Parquet.Metadata;

namespace Engine.Storage.Parquet.Writing;

/// <summary>
/// Writes BOOLEAN columns as PLAIN: the non-NULL values bit-packed least significant bit first, the same
/// layout Engine's <see cref="BoolColumn"/> uses. Statistics are one byte each (0 = false, 1 = true).
/// </summary>
internal sealed class BoolChunkWriter(Field field) : ColumnChunkWriter(field)
{
    private byte[] _bits = [];

    /// <inheritdoc />
    public override PhysicalType PhysicalType => PhysicalType.Boolean;

    /// <inheritdoc />
    protected override void AppendValues(Column column, int start, int count)
    {
        var end = checked(start + count);
        EnsureCapacity(ref _bits, ValidityBitmap.ByteCount(end));
        var source = (BoolColumn)column;
        var validity = column.Validity;
        var offset = column.Offset;
        var bits = _bits.AsSpan();
        var written = start;
        for (var i = 0; i < source.Length; i++)
        {
            if (validity is null || ValidityBitmap.Get(validity, offset + i))
            {
                ValidityBitmap.Set(bits, written++, source.GetValue(i));
            }
        }
    }

    /// <inheritdoc />
    protected override int CountValuesForPage(int start, int pageBytes) => (int)Math.Min(int.MaxValue, pageBytes * 8L);

    /// <inheritdoc />
    protected override void EncodeValues(int start, int count, ArrayBufferWriter<byte> body)
    {
        var byteCount = ValidityBitmap.ByteCount(count);
        var span = body.GetSpan(byteCount)[..byteCount];
        if ((start & 7) == 0)
        {
            _bits.AsSpan(start >> 3, byteCount).CopyTo(span);
            if ((count & 7) != 0)
            {
                span[^1] &= (byte)((1 << (count & 7)) - 1);
            }
        }
        else
        {
            span.Clear();
            for (var i = 0; i < count; i++)
            {
                if (ValidityBitmap.Get(_bits, start + i))
                {
                    ValidityBitmap.Set(span, i, true);
                }
            }
        }

        body.Advance(byteCount);
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

        var falses = ValidityBitmap.CountNulls(_bits, start, count);
        min = [falses > 0 ? (byte)0 : (byte)1];
        max = [falses < count ? (byte)1 : (byte)0];
    }

    /// <inheritdoc />
    protected override int CompareStatistics(byte[] left, byte[] right) => left[0].CompareTo(right[0]);
}
