namespace Engine.Storage.Parquet.Encodings;

/// <summary>
/// Decodes DELTA_BINARY_PACKED integers: a header (block size, miniblocks per block, value count, first
/// value), then blocks of a minimum delta and bit-packed miniblocks of deltas. Arithmetic wraps as the
/// format requires (INT32 callers truncate the results to 32 bits).
/// </summary>
internal static class DeltaBinaryPackedDecoder
{
    /// <summary>
    /// Decodes all values into <paramref name="output"/> (whose length must equal the header's count) and
    /// returns the bytes consumed.
    /// </summary>
    public static int Decode(ReadOnlySpan<byte> data, Span<long> output, PageContext context)
    {
        var position = 0;
        var blockSize = ReadVarint(data, ref position, context);
        var miniblocks = ReadVarint(data, ref position, context);
        var total = ReadVarint(data, ref position, context);
        var firstRaw = ReadVarint(data, ref position, context);

        if (blockSize == 0 || blockSize % 128 != 0 || blockSize > 1 << 20 || miniblocks == 0 || blockSize % miniblocks != 0 || (blockSize / miniblocks) % 32 != 0)
        {
            context.Fail($"DELTA_BINARY_PACKED header has block size {blockSize} with {miniblocks} miniblocks");
        }

        if (total != (ulong)output.Length)
        {
            context.Fail($"DELTA_BINARY_PACKED holds {total} values where {output.Length} were expected");
        }

        if (total == 0)
        {
            return position;
        }

        var valuesPerMiniblock = (int)(blockSize / miniblocks);
        var value = (long)(firstRaw >> 1) ^ -(long)(firstRaw & 1);
        output[0] = value;
        var produced = 1;
        Span<byte> widths = stackalloc byte[256];
        if (miniblocks > 256)
        {
            context.Fail($"DELTA_BINARY_PACKED has {miniblocks} miniblocks per block (at most 256 supported)");
        }

        while (produced < output.Length)
        {
            var minDeltaRaw = ReadVarint(data, ref position, context);
            var minDelta = (long)(minDeltaRaw >> 1) ^ -(long)(minDeltaRaw & 1);
            if (data.Length - position < (int)miniblocks)
            {
                context.Fail($"DELTA_BINARY_PACKED block lacks its {miniblocks} bit widths");
            }

            data.Slice(position, (int)miniblocks).CopyTo(widths);
            position += (int)miniblocks;
            for (var m = 0; m < (int)miniblocks && produced < output.Length; m++)
            {
                int width = widths[m];
                if (width > 64)
                {
                    context.Fail($"DELTA_BINARY_PACKED miniblock bit width {width} exceeds 64");
                }

                var count = Math.Min(valuesPerMiniblock, output.Length - produced);
                var fullBytes = valuesPerMiniblock * width / 8;
                var neededBytes = (int)(((long)count * width + 7) / 8);
                if (data.Length - position < neededBytes)
                {
                    context.Fail($"DELTA_BINARY_PACKED miniblock needs {neededBytes} bytes, only {data.Length - position} remain");
                }

                var packed = data[position..];
                for (var i = 0; i < count; i++)
                {
                    var delta = unchecked(minDelta + (long)BitReader.Read(packed, (long)i * width, width));
                    value = unchecked(value + delta);
                    output[produced + i] = value;
                }

                produced += count;
                position = Math.Min(data.Length, position + fullBytes);
            }
        }

        return position;
    }

    private static ulong ReadVarint(ReadOnlySpan<byte> data, ref int position, PageContext context)
    {
        if (!BitReader.TryReadVarint(data, ref position, out var value))
        {
            context.Fail($"DELTA_BINARY_PACKED varint at byte {position} is truncated or too long");
        }

        return value;
    }
}
