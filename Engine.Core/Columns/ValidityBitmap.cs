using System.Numerics;

namespace Engine.Core.Columns;

/// <summary>
/// Helpers for Arrow validity bitmaps: bit i (least significant bit first within each byte) is 1 when
/// row i holds a value and 0 when it is NULL. A null bitmap reference means every row is valid.
/// </summary>
public static class ValidityBitmap
{
    /// <summary>Bytes needed for <paramref name="length"/> bits.</summary>
    public static int ByteCount(int length) => (length + 7) >> 3;

    /// <summary>Allocates a bitmap of <paramref name="length"/> bits, all valid or all null.</summary>
    public static byte[] Create(int length, bool allValid)
    {
        var bits = new byte[ByteCount(length)];
        if (allValid)
        {
            bits.AsSpan().Fill(0xFF);
        }

        return bits;
    }

    /// <summary>True when bit <paramref name="index"/> is set.</summary>
    public static bool Get(ReadOnlySpan<byte> bits, int index) => (bits[index >> 3] & (1 << (index & 7))) != 0;

    /// <summary>Sets or clears bit <paramref name="index"/>.</summary>
    public static void Set(Span<byte> bits, int index, bool value)
    {
        if (value)
        {
            bits[index >> 3] |= (byte)(1 << (index & 7));
        }
        else
        {
            bits[index >> 3] &= (byte)~(1 << (index & 7));
        }
    }

    /// <summary>Counts the cleared (null) bits among <paramref name="length"/> bits starting at <paramref name="offset"/>.</summary>
    public static int CountNulls(ReadOnlySpan<byte> bits, int offset, int length)
    {
        var valid = 0;
        var i = 0;
        while (i < length && ((offset + i) & 7) != 0)
        {
            valid += Get(bits, offset + i) ? 1 : 0;
            i++;
        }

        var byteIndex = (offset + i) >> 3;
        while (length - i >= 8)
        {
            valid += BitOperations.PopCount(bits[byteIndex]);
            byteIndex++;
            i += 8;
        }

        while (i < length)
        {
            valid += Get(bits, offset + i) ? 1 : 0;
            i++;
        }

        return length - valid;
    }
}
