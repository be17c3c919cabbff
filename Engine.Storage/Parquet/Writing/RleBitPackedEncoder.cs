using System.Buffers;
using System.Numerics;

namespace Engine.Storage.Parquet.Writing;

/// <summary>
/// Encodes unsigned integers (definition levels, dictionary indices) as Parquet's RLE/bit-packed hybrid:
/// a run of eight or more equal values becomes an RLE run (varint header <c>count &lt;&lt; 1</c>, then the
/// value in ⌈bitWidth / 8⌉ little-endian bytes); everything else is bit-packed least significant bit first
/// in groups of eight (varint header <c>groups &lt;&lt; 1 | 1</c>), at most <see cref="MaxGroupsPerRun"/>
/// groups per run. Only the very last bit-packed run is padded with zeros. No length prefix or bit-width
/// byte is written; the caller adds whichever its page layout needs. Stateless and thread-safe.
/// </summary>
internal static class RleBitPackedEncoder
{
    /// <summary>The most groups of eight values in one bit-packed run (what common writers use; readers accept it).</summary>
    public const int MaxGroupsPerRun = 63;

    private const int MinRepeat = 8;

    /// <summary>The bit width that holds every value in [0, <paramref name="maxValue"/>], at least 1.</summary>
    public static int BitWidthFor(uint maxValue) => Math.Max(1, 32 - BitOperations.LeadingZeroCount(maxValue));

    /// <summary>
    /// Appends <paramref name="values"/> to <paramref name="output"/> with <paramref name="bitWidth"/> bits
    /// per value (1..32). Every value must fit the width (the caller's contract; wider bits are cut off).
    /// </summary>
    public static void Encode<T>(ReadOnlySpan<T> values, int bitWidth, ArrayBufferWriter<byte> output)
        where T : unmanaged, IBinaryInteger<T>
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bitWidth, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bitWidth, 32);
        var literalStart = 0;
        var i = 0;
        while (i < values.Length)
        {
            var value = values[i];
            var run = 1;
            while (i + run < values.Length && values[i + run] == value)
            {
                run++;
            }

            if (run >= MinRepeat)
            {
                // Pending literals must end on a group boundary, so borrow values from the run to fill the group.
                var pad = (MinRepeat - ((i - literalStart) % MinRepeat)) % MinRepeat;
                if (run - pad >= MinRepeat)
                {
                    WriteBitPacked(values[literalStart..(i + pad)], bitWidth, output);
                    WriteRle(uint.CreateTruncating(value) & (uint)((1UL << bitWidth) - 1), run - pad, bitWidth, output);
                    i += run;
                    literalStart = i;
                    continue;
                }
            }

            i += run;
        }

        WriteBitPacked(values[literalStart..], bitWidth, output);
    }

    private static void WriteRle(uint value, int count, int bitWidth, ArrayBufferWriter<byte> output)
    {
        WriteVarint((uint)count << 1, output);
        var byteCount = (bitWidth + 7) >> 3;
        var span = output.GetSpan(byteCount);
        for (var b = 0; b < byteCount; b++)
        {
            span[b] = (byte)(value >> (8 * b));
        }

        output.Advance(byteCount);
    }

    private static void WriteBitPacked<T>(ReadOnlySpan<T> values, int bitWidth, ArrayBufferWriter<byte> output)
        where T : unmanaged, IBinaryInteger<T>
    {
        while (!values.IsEmpty)
        {
            var take = Math.Min(values.Length, MaxGroupsPerRun * MinRepeat);
            var groups = (take + MinRepeat - 1) / MinRepeat;
            WriteVarint(((uint)groups << 1) | 1, output);
            var byteCount = groups * bitWidth;
            var span = output.GetSpan(byteCount)[..byteCount];
            var mask = (1UL << bitWidth) - 1;
            ulong accumulator = 0;
            var bits = 0;
            var position = 0;
            for (var v = 0; v < groups * MinRepeat; v++)
            {
                var value = v < take ? ulong.CreateTruncating(values[v]) & mask : 0UL;
                accumulator |= value << bits;
                bits += bitWidth;
                while (bits >= 8)
                {
                    span[position++] = (byte)accumulator;
                    accumulator >>= 8;
                    bits -= 8;
                }
            }

            output.Advance(byteCount);
            values = values[take..];
        }
    }

    private static void WriteVarint(uint value, ArrayBufferWriter<byte> output)
    {
        var span = output.GetSpan(5);
        var length = 0;
        while (value >= 0x80)
        {
            span[length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        span[length++] = (byte)value;
        output.Advance(length);
    }
}
