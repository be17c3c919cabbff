using System.Buffers.Binary;

namespace Engine.Storage.Parquet.Encodings;

/// <summary>
/// Decodes Parquet's RLE / bit-packed hybrid encoding (definition levels, RLE booleans, dictionary
/// indices): a sequence of runs, each either one repeated value or groups of eight bit-packed values.
/// Decodes exactly as many values as asked; running out of data first is a corrupt page.
/// </summary>
internal static class RleBitPackedDecoder
{
    /// <summary>Fills <paramref name="output"/> from <paramref name="data"/> with values of <paramref name="bitWidth"/> (0..32) bits.</summary>
    public static void Decode(ReadOnlySpan<byte> data, int bitWidth, Span<int> output, PageContext context)
    {
        if (bitWidth is < 0 or > 32)
        {
            context.Fail($"RLE/bit-packed bit width {bitWidth} is outside 0..32");
        }

        var position = 0;
        var produced = 0;
        var valueBytes = (bitWidth + 7) / 8;
        while (produced < output.Length)
        {
            var runStart = position;
            if (!BitReader.TryReadVarint(data, ref position, out var header))
            {
                context.Fail($"RLE/bit-packed data ends after {produced} of {output.Length} values (run header at byte {runStart})");
            }

            if ((header & 1) == 1)
            {
                var groups = header >> 1;
                var available = (ulong)(data.Length - position);
                var count = (int)Math.Min((ulong)(output.Length - produced), groups * 8);
                var bitsNeeded = (long)count * bitWidth;
                if ((ulong)((bitsNeeded + 7) / 8) > available)
                {
                    context.Fail($"bit-packed run at byte {runStart} needs {(bitsNeeded + 7) / 8} bytes, only {available} remain");
                }

                var packed = data[position..];
                for (var i = 0; i < count; i++)
                {
                    output[produced + i] = (int)BitReader.Read(packed, (long)i * bitWidth, bitWidth);
                }

                produced += count;
                var runBytes = groups * (ulong)bitWidth;
                position = runBytes >= available ? data.Length : position + (int)runBytes;
            }
            else
            {
                var runLength = header >> 1;
                if (runLength == 0)
                {
                    context.Fail($"RLE run at byte {runStart} has length 0");
                }

                if (data.Length - position < valueBytes)
                {
                    context.Fail($"RLE run at byte {runStart} lacks its {valueBytes}-byte value");
                }

                var value = 0u;
                for (var i = 0; i < valueBytes; i++)
                {
                    value |= (uint)data[position + i] << (8 * i);
                }

                position += valueBytes;
                var count = (int)Math.Min((ulong)(output.Length - produced), runLength);
                output.Slice(produced, count).Fill((int)value);
                produced += count;
            }
        }
    }

    /// <summary>
    /// Splits a 4-byte little-endian length prefix off <paramref name="data"/> (V1 levels, RLE booleans) and
    /// returns the run data; <paramref name="consumed"/> is prefix plus run data.
    /// </summary>
    public static ReadOnlySpan<byte> SliceLengthPrefixed(ReadOnlySpan<byte> data, PageContext context, out int consumed)
    {
        if (data.Length < 4)
        {
            context.Fail($"a length-prefixed RLE section needs 4 bytes, only {data.Length} remain");
        }

        var length = BinaryPrimitives.ReadInt32LittleEndian(data);
        if (length < 0 || length > data.Length - 4)
        {
            context.Fail($"RLE section length {length} exceeds the {data.Length - 4} bytes that remain");
        }

        consumed = 4 + length;
        return data.Slice(4, length);
    }
}
