using System.Buffers.Binary;

namespace Engine.Schedulers.Remote.MessagePack;

/// <summary>Span-only token writers; see the reader half of this type for the shared contract.</summary>
internal partial class MessagePackPrimitives
{
    /// <summary>The most bytes any header or scalar token takes (a float64, int64 or uint64).</summary>
    public const int MaxScalarSize = 9;

    /// <summary>The most bytes a timestamp token takes (timestamp 96: ext8 header, 12 payload bytes).</summary>
    public const int MaxTimestampSize = 15;

    /// <summary>Writes nil (1 byte).</summary>
    public static bool TryWriteNil(Span<byte> destination, out int bytesWritten) =>
        TryWriteCode(destination, MessagePackCode.Nil, out bytesWritten);

    /// <summary>Writes true or false (1 byte).</summary>
    public static bool TryWriteBoolean(Span<byte> destination, bool value, out int bytesWritten) =>
        TryWriteCode(destination, value ? MessagePackCode.True : MessagePackCode.False, out bytesWritten);

    /// <summary>Writes a positive fixint; <paramref name="value"/> must be 0..127.</summary>
    public static bool TryWritePositiveFixInt(Span<byte> destination, byte value, out int bytesWritten)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MessagePackCode.MaxPositiveFixInt);
        return TryWriteCode(destination, value, out bytesWritten);
    }

    /// <summary>Writes a negative fixint; <paramref name="value"/> must be -32..-1.</summary>
    public static bool TryWriteNegativeFixInt(Span<byte> destination, sbyte value, out int bytesWritten)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(value, (sbyte)-32);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(value, (sbyte)-1);
        return TryWriteCode(destination, (byte)value, out bytesWritten);
    }

    /// <summary>Writes the int8 format (2 bytes) whatever the value.</summary>
    public static bool TryWriteInt8(Span<byte> destination, sbyte value, out int bytesWritten)
    {
        if (!HasRoom(destination, 2, out bytesWritten))
        {
            return false;
        }

        destination[0] = MessagePackCode.Int8;
        destination[1] = (byte)value;
        return true;
    }

    /// <summary>Writes the int16 format (3 bytes) whatever the value.</summary>
    public static bool TryWriteInt16(Span<byte> destination, short value, out int bytesWritten)
    {
        if (!HasRoom(destination, 3, out bytesWritten))
        {
            return false;
        }

        destination[0] = MessagePackCode.Int16;
        BinaryPrimitives.WriteInt16BigEndian(destination[1..], value);
        return true;
    }

    /// <summary>Writes the int32 format (5 bytes) whatever the value.</summary>
    public static bool TryWriteInt32(Span<byte> destination, int value, out int bytesWritten)
    {
        if (!HasRoom(destination, 5, out bytesWritten))
        {
            return false;
        }

        destination[0] = MessagePackCode.Int32;
        BinaryPrimitives.WriteInt32BigEndian(destination[1..], value);
        return true;
    }

    /// <summary>Writes the int64 format (9 bytes) whatever the value.</summary>
    public static bool TryWriteInt64(Span<byte> destination, long value, out int bytesWritten)
    {
        if (!HasRoom(destination, 9, out bytesWritten))
        {
            return false;
        }

        destination[0] = MessagePackCode.Int64;
        BinaryPrimitives.WriteInt64BigEndian(destination[1..], value);
        return true;
    }

    /// <summary>Writes the uint8 format (2 bytes) whatever the value.</summary>
    public static bool TryWriteUInt8(Span<byte> destination, byte value, out int bytesWritten)
    {
        if (!HasRoom(destination, 2, out bytesWritten))
        {
            return false;
        }

        destination[0] = MessagePackCode.UInt8;
        destination[1] = value;
        return true;
    }

    /// <summary>Writes the uint16 format (3 bytes) whatever the value.</summary>
    public static bool TryWriteUInt16(Span<byte> destination, ushort value, out int bytesWritten)
    {
        if (!HasRoom(destination, 3, out bytesWritten))
        {
            return false;
        }

        destination[0] = MessagePackCode.UInt16;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], value);
        return true;
    }

    /// <summary>Writes the uint32 format (5 bytes) whatever the value.</summary>
    public static bool TryWriteUInt32(Span<byte> destination, uint value, out int bytesWritten)
    {
        if (!HasRoom(destination, 5, out bytesWritten))
        {
            return false;
        }

        destination[0] = MessagePackCode.UInt32;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], value);
        return true;
    }

    /// <summary>Writes the uint64 format (9 bytes) whatever the value.</summary>
    public static bool TryWriteUInt64(Span<byte> destination, ulong value, out int bytesWritten)
    {
        if (!HasRoom(destination, 9, out bytesWritten))
        {
            return false;
        }

        destination[0] = MessagePackCode.UInt64;
        BinaryPrimitives.WriteUInt64BigEndian(destination[1..], value);
        return true;
    }

    /// <summary>
    /// Writes a signed integer in the smallest format that holds it: non-negative values as a positive
    /// fixint or uint8..uint64, negative ones as a negative fixint or int8..int64.
    /// </summary>
    public static bool TryWriteInteger(Span<byte> destination, long value, out int bytesWritten)
    {
        if (value >= 0)
        {
            return TryWriteUnsignedInteger(destination, (ulong)value, out bytesWritten);
        }

        return value switch
        {
            >= -32 => TryWriteCode(destination, (byte)(sbyte)value, out bytesWritten),
            >= sbyte.MinValue => TryWriteInt8(destination, (sbyte)value, out bytesWritten),
            >= short.MinValue => TryWriteInt16(destination, (short)value, out bytesWritten),
            >= int.MinValue => TryWriteInt32(destination, (int)value, out bytesWritten),
            _ => TryWriteInt64(destination, value, out bytesWritten),
        };
    }

    /// <summary>Writes an unsigned integer in the smallest format that holds it (positive fixint or uint8..uint64).</summary>
    public static bool TryWriteUnsignedInteger(Span<byte> destination, ulong value, out int bytesWritten) => value switch
    {
        <= MessagePackCode.MaxPositiveFixInt => TryWriteCode(destination, (byte)value, out bytesWritten),
        <= byte.MaxValue => TryWriteUInt8(destination, (byte)value, out bytesWritten),
        <= ushort.MaxValue => TryWriteUInt16(destination, (ushort)value, out bytesWritten),
        <= uint.MaxValue => TryWriteUInt32(destination, (uint)value, out bytesWritten),
        _ => TryWriteUInt64(destination, value, out bytesWritten),
    };

    /// <summary>Writes a float32 (5 bytes).</summary>
    public static bool TryWriteSingle(Span<byte> destination, float value, out int bytesWritten)
    {
        if (!HasRoom(destination, 5, out bytesWritten))
        {
            return false;
        }

        destination[0] = MessagePackCode.Float32;
        BinaryPrimitives.WriteSingleBigEndian(destination[1..], value);
        return true;
    }

    /// <summary>Writes a float64 (9 bytes).</summary>
    public static bool TryWriteDouble(Span<byte> destination, double value, out int bytesWritten)
    {
        if (!HasRoom(destination, 9, out bytesWritten))
        {
            return false;
        }

        destination[0] = MessagePackCode.Float64;
        BinaryPrimitives.WriteDoubleBigEndian(destination[1..], value);
        return true;
    }

    /// <summary>Writes the smallest string header (fixstr, str8, str16, str32) for <paramref name="byteCount"/> UTF-8 bytes.</summary>
    public static bool TryWriteStringHeader(Span<byte> destination, uint byteCount, out int bytesWritten) => byteCount switch
    {
        < 32 => TryWriteCode(destination, (byte)(MessagePackCode.MinFixStr | byteCount), out bytesWritten),
        <= byte.MaxValue => TryWriteLength8(destination, MessagePackCode.Str8, byteCount, out bytesWritten),
        <= ushort.MaxValue => TryWriteLength16(destination, MessagePackCode.Str16, byteCount, out bytesWritten),
        _ => TryWriteLength32(destination, MessagePackCode.Str32, byteCount, out bytesWritten),
    };

    /// <summary>Writes the smallest binary header (bin8, bin16, bin32) for <paramref name="byteCount"/> bytes.</summary>
    public static bool TryWriteBinaryHeader(Span<byte> destination, uint byteCount, out int bytesWritten) => byteCount switch
    {
        <= byte.MaxValue => TryWriteLength8(destination, MessagePackCode.Bin8, byteCount, out bytesWritten),
        <= ushort.MaxValue => TryWriteLength16(destination, MessagePackCode.Bin16, byteCount, out bytesWritten),
        _ => TryWriteLength32(destination, MessagePackCode.Bin32, byteCount, out bytesWritten),
    };

    /// <summary>Writes the smallest array header (fixarray, array16, array32) for <paramref name="count"/> elements.</summary>
    public static bool TryWriteArrayHeader(Span<byte> destination, uint count, out int bytesWritten) => count switch
    {
        < 16 => TryWriteCode(destination, (byte)(MessagePackCode.MinFixArray | count), out bytesWritten),
        <= ushort.MaxValue => TryWriteLength16(destination, MessagePackCode.Array16, count, out bytesWritten),
        _ => TryWriteLength32(destination, MessagePackCode.Array32, count, out bytesWritten),
    };

    /// <summary>Writes the smallest map header (fixmap, map16, map32) for <paramref name="count"/> key/value pairs.</summary>
    public static bool TryWriteMapHeader(Span<byte> destination, uint count, out int bytesWritten) => count switch
    {
        < 16 => TryWriteCode(destination, (byte)(MessagePackCode.MinFixMap | count), out bytesWritten),
        <= ushort.MaxValue => TryWriteLength16(destination, MessagePackCode.Map16, count, out bytesWritten),
        _ => TryWriteLength32(destination, MessagePackCode.Map32, count, out bytesWritten),
    };

    /// <summary>
    /// Writes the smallest extension header: fixext1/2/4/8/16 when the length is one of those sizes,
    /// otherwise ext8, ext16 or ext32.
    /// </summary>
    public static bool TryWriteExtensionHeader(Span<byte> destination, MessagePackExtensionHeader header, out int bytesWritten)
    {
        var fixCode = header.Length switch
        {
            1 => MessagePackCode.FixExt1,
            2 => MessagePackCode.FixExt2,
            4 => MessagePackCode.FixExt4,
            8 => MessagePackCode.FixExt8,
            16 => MessagePackCode.FixExt16,
            _ => (byte)0,
        };
        if (fixCode != 0)
        {
            if (!HasRoom(destination, 2, out bytesWritten))
            {
                return false;
            }

            destination[0] = fixCode;
            destination[1] = (byte)header.TypeCode;
            return true;
        }

        var size = header.Length switch
        {
            <= byte.MaxValue => 3,
            <= ushort.MaxValue => 4,
            _ => 6,
        };
        if (!HasRoom(destination, size, out bytesWritten))
        {
            return false;
        }

        _ = size switch
        {
            3 => TryWriteLength8(destination, MessagePackCode.Ext8, header.Length, out _),
            4 => TryWriteLength16(destination, MessagePackCode.Ext16, header.Length, out _),
            _ => TryWriteLength32(destination, MessagePackCode.Ext32, header.Length, out _),
        };
        destination[size - 1] = (byte)header.TypeCode;
        return true;
    }

    /// <summary>
    /// Writes a timestamp in the smallest of the spec's forms: timestamp 32 when there are no nanoseconds and
    /// the seconds fit in uint32, timestamp 64 when the seconds fit in 34 unsigned bits, else timestamp 96.
    /// </summary>
    public static bool TryWriteTimestamp(Span<byte> destination, MessagePackTimestamp value, out int bytesWritten)
    {
        var seconds = value.Seconds;
        if ((ulong)seconds >> 34 == 0)
        {
            var data64 = ((ulong)value.Nanoseconds << 34) | (ulong)seconds;
            if ((data64 & 0xFFFF_FFFF_0000_0000UL) == 0)
            {
                if (!HasRoom(destination, 6, out bytesWritten))
                {
                    return false;
                }

                destination[0] = MessagePackCode.FixExt4;
                destination[1] = unchecked((byte)MessagePackCode.TimestampExtensionType);
                BinaryPrimitives.WriteUInt32BigEndian(destination[2..], (uint)data64);
                return true;
            }

            if (!HasRoom(destination, 10, out bytesWritten))
            {
                return false;
            }

            destination[0] = MessagePackCode.FixExt8;
            destination[1] = unchecked((byte)MessagePackCode.TimestampExtensionType);
            BinaryPrimitives.WriteUInt64BigEndian(destination[2..], data64);
            return true;
        }

        if (!HasRoom(destination, MaxTimestampSize, out bytesWritten))
        {
            return false;
        }

        destination[0] = MessagePackCode.Ext8;
        destination[1] = 12;
        destination[2] = unchecked((byte)MessagePackCode.TimestampExtensionType);
        BinaryPrimitives.WriteUInt32BigEndian(destination[3..], value.Nanoseconds);
        BinaryPrimitives.WriteInt64BigEndian(destination[7..], seconds);
        return true;
    }

    private static bool HasRoom(Span<byte> destination, int size, out int bytesWritten)
    {
        if (destination.Length < size)
        {
            bytesWritten = 0;
            return false;
        }

        bytesWritten = size;
        return true;
    }

    private static bool TryWriteCode(Span<byte> destination, byte code, out int bytesWritten)
    {
        if (!HasRoom(destination, 1, out bytesWritten))
        {
            return false;
        }

        destination[0] = code;
        return true;
    }

    private static bool TryWriteLength8(Span<byte> destination, byte code, uint length, out int bytesWritten)
    {
        if (!HasRoom(destination, 2, out bytesWritten))
        {
            return false;
        }

        destination[0] = code;
        destination[1] = (byte)length;
        return true;
    }

    private static bool TryWriteLength16(Span<byte> destination, byte code, uint length, out int bytesWritten)
    {
        if (!HasRoom(destination, 3, out bytesWritten))
        {
            return false;
        }

        destination[0] = code;
        BinaryPrimitives.WriteUInt16BigEndian(destination[1..], (ushort)length);
        return true;
    }

    private static bool TryWriteLength32(Span<byte> destination, byte code, uint length, out int bytesWritten)
    {
        if (!HasRoom(destination, 5, out bytesWritten))
        {
            return false;
        }

        destination[0] = code;
        BinaryPrimitives.WriteUInt32BigEndian(destination[1..], length);
        return true;
    }
}
