using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace Engine.Storage.Parquet.Encodings;

/// <summary>Reads little-endian, least-significant-bit-first packed integers of 0 to 64 bits from a span.</summary>
internal static class BitReader
{
    /// <summary>
    /// Reads the <paramref name="width"/>-bit value starting at <paramref name="bitOffset"/>. The caller has
    /// checked that <c>bitOffset + width</c> bits lie inside <paramref name="data"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Read(ReadOnlySpan<byte> data, long bitOffset, int width)
    {
        if (width == 0)
        {
            return 0;
        }

        var byteIndex = (int)(bitOffset >> 3);
        var shift = (int)(bitOffset & 7);
        if (width <= 56 && data.Length - byteIndex >= 8)
        {
            var window = BinaryPrimitives.ReadUInt64LittleEndian(data.Slice(byteIndex, 8));
            return (window >> shift) & (ulong.MaxValue >> (64 - width));
        }

        ulong result = 0;
        var produced = 0;
        while (produced < width)
        {
            var take = Math.Min(8 - shift, width - produced);
            var bits = (ulong)((data[byteIndex] >> shift) & ((1 << take) - 1));
            result |= bits << produced;
            produced += take;
            byteIndex++;
            shift = 0;
        }

        return result;
    }

    /// <summary>Reads an unsigned LEB128 varint at <paramref name="position"/>; false when it is truncated or longer than 64 bits.</summary>
    public static bool TryReadVarint(ReadOnlySpan<byte> data, ref int position, out ulong value)
    {
        value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (position >= data.Length)
            {
                return false;
            }

            var b = data[position++];
            if (shift == 63 && b > 1)
            {
                return false;
            }

            value |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return true;
            }
        }

        return false;
    }
}
