using System.Buffers;
using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Engine.Core.Columns;
using Engine.Schedulers.Remote.MessagePack;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Schedulers.Remote.Codec;

/// <summary>
/// Encodes one <see cref="Column"/> as a MessagePack array <c>[type, length, validity, ...data]</c> with the
/// values as typed buffers, never one MessagePack value per row: BIGINT, TIMESTAMP and INTERVAL as a bin of
/// little-endian int64, DOUBLE as a bin of little-endian IEEE-754 doubles, BOOLEAN as a bin bitmap (LSB first),
/// VARCHAR as an array of dictionary strings plus a bin of little-endian int32 codes. The validity is nil
/// (no NULLs) or a bin bitmap, bit set = valid. A slice is written from its offset, so the receiver gets a
/// column that starts at row 0 and a VARCHAR dictionary holding only the strings the rows use.
/// Reading treats every byte as hostile: each buffer's byte count must equal what the declared length needs
/// (checked arithmetic) before anything is allocated, codes must index the dictionary, and every mismatch
/// throws <see cref="ProtocolException"/> with the payload offset. Stateless and thread-safe.
/// </summary>
internal static class ColumnCodec
{
    /// <summary>The number of elements of an encoded column array.</summary>
    internal const int ArrayLength = 4;

    /// <summary>The number of elements of an encoded VARCHAR column array (dictionary and codes).</summary>
    internal const int StringArrayLength = 5;

    /// <summary>Writes <paramref name="column"/> (any offset and length).</summary>
    public static void Write(MessagePackWriter writer, Column column)
    {
        ArgumentNullException.ThrowIfNull(column);
        writer.WriteArrayHeader(column.Type == DataType.String ? StringArrayLength : ArrayLength);
        writer.WriteInt32((int)column.Type.Id);
        writer.WriteInt32(column.Length);
        WriteBitmap(writer, column.HasNulls ? column.Validity : null, column.Offset, column.Length);
        switch (column)
        {
            case Int64Column ints:
                WriteLittleEndian(writer, ints.Values);
                break;
            case DoubleColumn doubles:
                WriteLittleEndian(writer, doubles.Values);
                break;
            case BoolColumn bools:
                WriteBools(writer, bools);
                break;
            case StringColumn strings:
                WriteStrings(writer, strings);
                break;
            default:
                throw new ArgumentException($"A {column.GetType().Name} cannot be encoded.", nameof(column));
        }
    }

    /// <summary>Reads a column written by <see cref="Write"/>; throws <see cref="ProtocolException"/> on anything else.</summary>
    public static Column Read(ref MessagePackReader reader)
    {
        var start = reader.Consumed;
        var count = reader.ReadArrayHeader();
        var type = CodecChecks.ReadDataType(ref reader);
        var expected = type == DataType.String ? StringArrayLength : ArrayLength;
        if (count != expected)
        {
            throw CodecChecks.Error(start, $"a {type.SqlName()} column is an array of {expected} elements, this one has {count}");
        }

        var lengthOffset = reader.Consumed;
        var length = reader.ReadInt32();
        if (length < 0)
        {
            throw CodecChecks.Error(lengthOffset, $"a column length cannot be negative, got {length}");
        }

        var validity = ReadBitmap(ref reader, length, "validity", allowNil: true);
        return type.Physical switch
        {
            PhysicalKind.Int64 => new Int64Column(ReadLittleEndianInt64(ref reader, length), validity, type),
            PhysicalKind.Double => new DoubleColumn(ReadLittleEndianDouble(ref reader, length), validity),
            PhysicalKind.Bool => new BoolColumn(ReadBitmap(ref reader, length, "value", allowNil: false)!, length, validity),
            _ => ReadStrings(ref reader, length, validity),
        };
    }

    private static void WriteBitmap(MessagePackWriter writer, byte[]? bits, int offset, int length)
    {
        if (bits is null)
        {
            writer.WriteNil();
            return;
        }

        var byteCount = ValidityBitmap.ByteCount(length);
        if ((offset & 7) == 0)
        {
            writer.WriteBinary(bits.AsSpan(offset >> 3, byteCount));
            return;
        }

        var aligned = ArrayPool<byte>.Shared.Rent(byteCount);
        try
        {
            var span = aligned.AsSpan(0, byteCount);
            span.Clear();
            for (var i = 0; i < length; i++)
            {
                if (ValidityBitmap.Get(bits, offset + i))
                {
                    ValidityBitmap.Set(span, i, true);
                }
            }

            writer.WriteBinary(span);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(aligned);
        }
    }

    private static void WriteBools(MessagePackWriter writer, BoolColumn column)
    {
        var bits = new byte[ValidityBitmap.ByteCount(column.Length)];
        for (var i = 0; i < column.Length; i++)
        {
            if (column.GetValue(i))
            {
                ValidityBitmap.Set(bits, i, true);
            }
        }

        writer.WriteBinary(bits);
    }

    private static void WriteStrings(MessagePackWriter writer, StringColumn column)
    {
        // Send only the dictionary entries the rows use, renumbered densely: a slice of a large dictionary
        // costs what its rows need. NULL rows carry code 0.
        var codes = column.Codes;
        var remap = new int[column.Dictionary.Count];
        var used = new List<string>();
        var encoded = new int[codes.Length];
        for (var i = 0; i < codes.Length; i++)
        {
            if (column.IsNull(i))
            {
                continue;
            }

            var code = codes[i];
            if (remap[code] == 0)
            {
                used.Add(column.Dictionary[code]);
                remap[code] = used.Count;
            }

            encoded[i] = remap[code] - 1;
        }

        writer.WriteArrayHeader(used.Count);
        foreach (var value in used)
        {
            writer.WriteString(value);
        }

        WriteLittleEndian(writer, (ReadOnlySpan<int>)encoded);
    }

    private static void WriteLittleEndian<T>(MessagePackWriter writer, ReadOnlySpan<T> values)
        where T : unmanaged
    {
        var bytes = MemoryMarshal.AsBytes(values);
        if (BitConverter.IsLittleEndian)
        {
            writer.WriteBinary(bytes);
            return;
        }

        var swapped = bytes.ToArray();
        ReverseEndianness<T>(swapped);
        writer.WriteBinary(swapped);
    }

    private static byte[]? ReadBitmap(ref MessagePackReader reader, int length, string what, bool allowNil)
    {
        var offset = reader.Consumed;
        if (allowNil && reader.TryReadNil())
        {
            return null;
        }

        var bytes = reader.ReadBytes();
        var expected = ValidityBitmap.ByteCount(length);
        if (bytes.Length != expected)
        {
            throw CodecChecks.Error(offset, $"the {what} bitmap of a column of {length} rows needs {expected} bytes, got {bytes.Length}");
        }

        return bytes.ToArray();
    }

    private static long[] ReadLittleEndianInt64(ref MessagePackReader reader, int length)
    {
        var values = new long[ReadBufferLength(ref reader, length, sizeof(long), out var bytes)];
        bytes.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(values, values);
        }

        return values;
    }

    private static double[] ReadLittleEndianDouble(ref MessagePackReader reader, int length)
    {
        var values = new double[ReadBufferLength(ref reader, length, sizeof(double), out var bytes)];
        var target = MemoryMarshal.AsBytes(values.AsSpan());
        bytes.CopyTo(target);
        if (!BitConverter.IsLittleEndian)
        {
            ReverseEndianness<double>(target);
        }

        return values;
    }

    private static int[] ReadLittleEndianInt32(ref MessagePackReader reader, int length)
    {
        var values = new int[ReadBufferLength(ref reader, length, sizeof(int), out var bytes)];
        bytes.CopyTo(MemoryMarshal.AsBytes(values.AsSpan()));
        if (!BitConverter.IsLittleEndian)
        {
            BinaryPrimitives.ReverseEndianness(values, values);
        }

        return values;
    }

    /// <summary>Reads a bin and checks, before the caller allocates, that it holds exactly <paramref name="length"/> values.</summary>
    private static int ReadBufferLength(ref MessagePackReader reader, int length, int width, out ReadOnlySequence<byte> bytes)
    {
        var offset = reader.Consumed;
        bytes = reader.ReadBytes();
        var expected = checked((long)length * width);
        if (bytes.Length != expected)
        {
            throw CodecChecks.Error(offset, $"a column of {length} rows needs a buffer of {expected} bytes ({width} per value), got {bytes.Length}");
        }

        return length;
    }

    private static StringColumn ReadStrings(ref MessagePackReader reader, int length, byte[]? validity)
    {
        var dictionaryCount = reader.ReadArrayHeader();
        var dictionary = new string[dictionaryCount];
        for (var i = 0; i < dictionaryCount; i++)
        {
            dictionary[i] = reader.ReadString();
        }

        var codesOffset = reader.Consumed;
        var codes = ReadLittleEndianInt32(ref reader, length);
        for (var i = 0; i < codes.Length; i++)
        {
            if (validity is not null && !ValidityBitmap.Get(validity, i))
            {
                codes[i] = 0;
                continue;
            }

            if ((uint)codes[i] >= (uint)dictionaryCount)
            {
                throw CodecChecks.Error(codesOffset, $"row {i} has dictionary code {codes[i]}, the dictionary has {dictionaryCount} entries");
            }
        }

        return new StringColumn(codes, dictionary, validity);
    }

    private static void ReverseEndianness<T>(Span<byte> bytes)
        where T : unmanaged
    {
        var width = Marshal.SizeOf<T>();
        for (var i = 0; i < bytes.Length; i += width)
        {
            bytes.Slice(i, width).Reverse();
        }
    }
}
