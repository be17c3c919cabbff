using System.Buffers.Binary;

namespace Engine.Storage.Parquet.Encodings;

/// <summary>
/// Decodes BYTE_ARRAY and FIXED_LEN_BYTE_ARRAY values in the PLAIN, DELTA_LENGTH_BYTE_ARRAY and
/// DELTA_BYTE_ARRAY encodings into <see cref="ByteArrayValues"/>. Every length is checked against the bytes
/// that remain; DELTA_BYTE_ARRAY output is capped so prefix reuse cannot blow up memory.
/// </summary>
internal static class ByteArrayDecoder
{
    /// <summary>The most bytes DELTA_BYTE_ARRAY may expand one page into.</summary>
    public const int MaxExpandedBytes = 1 << 30;

    /// <summary>PLAIN BYTE_ARRAY: a 4-byte little-endian length before each value.</summary>
    public static ByteArrayValues DecodePlain(ArraySegment<byte> page, int count, PageContext context)
    {
        var starts = new int[count];
        var ends = new int[count];
        var data = page.AsSpan();
        var position = 0;
        for (var i = 0; i < count; i++)
        {
            if (data.Length - position < 4)
            {
                context.Fail($"PLAIN BYTE_ARRAY data ends after {i} of {count} values");
            }

            var length = BinaryPrimitives.ReadInt32LittleEndian(data[position..]);
            position += 4;
            if (length < 0 || length > data.Length - position)
            {
                context.Fail($"PLAIN BYTE_ARRAY value {i} has length {length} but only {data.Length - position} bytes remain");
            }

            starts[i] = page.Offset + position;
            position += length;
            ends[i] = page.Offset + position;
        }

        return new ByteArrayValues(page.Array!, starts, ends, count);
    }

    /// <summary>PLAIN FIXED_LEN_BYTE_ARRAY: values of <paramref name="width"/> bytes back to back.</summary>
    public static ByteArrayValues DecodeFixed(ArraySegment<byte> page, int count, int width, PageContext context)
    {
        if ((long)count * width > page.Count)
        {
            context.Fail($"{count} FIXED_LEN_BYTE_ARRAY({width}) values need {(long)count * width} bytes, the page has {page.Count}");
        }

        var starts = new int[count];
        var ends = new int[count];
        for (var i = 0; i < count; i++)
        {
            starts[i] = page.Offset + (i * width);
            ends[i] = starts[i] + width;
        }

        return new ByteArrayValues(page.Array!, starts, ends, count);
    }

    /// <summary>DELTA_LENGTH_BYTE_ARRAY: DELTA_BINARY_PACKED lengths, then the values back to back.</summary>
    public static ByteArrayValues DecodeDeltaLength(ArraySegment<byte> page, int count, PageContext context)
    {
        var lengths = new long[count];
        var position = DeltaBinaryPackedDecoder.Decode(page.AsSpan(), lengths, context);
        var starts = new int[count];
        var ends = new int[count];
        for (var i = 0; i < count; i++)
        {
            if (lengths[i] < 0 || lengths[i] > page.Count - position)
            {
                context.Fail($"DELTA_LENGTH_BYTE_ARRAY value {i} has length {lengths[i]} but only {page.Count - position} bytes remain");
            }

            starts[i] = page.Offset + position;
            position += (int)lengths[i];
            ends[i] = page.Offset + position;
        }

        return new ByteArrayValues(page.Array!, starts, ends, count);
    }

    /// <summary>DELTA_BYTE_ARRAY: prefix lengths, then a DELTA_LENGTH_BYTE_ARRAY of suffixes; value = previous[..prefix] + suffix.</summary>
    public static ByteArrayValues DecodeDelta(ArraySegment<byte> page, int count, PageContext context)
    {
        var prefixes = new long[count];
        var consumed = DeltaBinaryPackedDecoder.Decode(page.AsSpan(), prefixes, context);
        var suffixes = DecodeDeltaLength(page[consumed..], count, context);
        var starts = new int[count];
        var ends = new int[count];
        var buffer = new byte[Math.Max(16, page.Count * 2)];
        var size = 0;
        var previousStart = 0;
        var previousLength = 0;
        for (var i = 0; i < count; i++)
        {
            var prefix = prefixes[i];
            if (prefix < 0 || prefix > previousLength)
            {
                context.Fail($"DELTA_BYTE_ARRAY value {i} reuses {prefix} bytes of a {previousLength}-byte previous value");
            }

            var suffix = suffixes[i];
            var length = (long)prefix + suffix.Length;
            if (size + length > MaxExpandedBytes)
            {
                context.Fail($"DELTA_BYTE_ARRAY page expands beyond {MaxExpandedBytes} bytes");
            }

            if (size + length > buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(MaxExpandedBytes, Math.Max(size + length, (long)buffer.Length * 2)));
            }

            buffer.AsSpan(previousStart, (int)prefix).CopyTo(buffer.AsSpan(size));
            suffix.CopyTo(buffer.AsSpan(size + (int)prefix));
            starts[i] = size;
            previousStart = size;
            previousLength = (int)length;
            size += (int)length;
            ends[i] = size;
        }

        return new ByteArrayValues(buffer, starts, ends, count);
    }

    /// <summary>BYTE_STREAM_SPLIT: gathers byte k of value i from stream k, producing the PLAIN layout.</summary>
    public static byte[] Unsplit(ReadOnlySpan<byte> data, int width, int count, PageContext context)
    {
        if (width <= 0 || data.Length % width != 0 || data.Length / width < count)
        {
            context.Fail($"BYTE_STREAM_SPLIT data of {data.Length} bytes does not hold {count} values of {width} bytes");
        }

        var streamLength = data.Length / width;
        var plain = new byte[count * width];
        for (var k = 0; k < width; k++)
        {
            var stream = data.Slice(k * streamLength, count);
            for (var i = 0; i < count; i++)
            {
                plain[(i * width) + k] = stream[i];
            }
        }

        return plain;
    }
}
