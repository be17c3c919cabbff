using System.Buffers.Binary;

namespace Engine.Schedulers.Remote.MessagePack;

/// <summary>
/// Span-only MessagePack encoding and decoding of single tokens, with no allocation and no exceptions for
/// bad input. Every <c>TryRead*</c> method reports how many bytes the token occupies (or, when the span is
/// too short, how many it needs) and returns a <see cref="MessagePackReadResult"/>; every <c>TryWrite*</c>
/// method returns <see langword="false"/> and writes nothing when the destination is too small.
/// Thread-safe: the methods are pure functions of their arguments.
/// </summary>
internal partial class MessagePackPrimitives
{
    /// <summary>Reads nil.</summary>
    public static MessagePackReadResult TryReadNil(ReadOnlySpan<byte> source, out int tokenSize)
    {
        if (source.IsEmpty)
        {
            tokenSize = 1;
            return MessagePackReadResult.InsufficientBuffer;
        }

        if (source[0] != MessagePackCode.Nil)
        {
            tokenSize = 0;
            return MessagePackReadResult.TokenMismatch;
        }

        tokenSize = 1;
        return MessagePackReadResult.Success;
    }

    /// <summary>Reads true or false.</summary>
    public static MessagePackReadResult TryReadBoolean(ReadOnlySpan<byte> source, out bool value, out int tokenSize)
    {
        value = false;
        if (source.IsEmpty)
        {
            tokenSize = 1;
            return MessagePackReadResult.InsufficientBuffer;
        }

        switch (source[0])
        {
            case MessagePackCode.True:
                value = true;
                tokenSize = 1;
                return MessagePackReadResult.Success;
            case MessagePackCode.False:
                tokenSize = 1;
                return MessagePackReadResult.Success;
            default:
                tokenSize = 0;
                return MessagePackReadResult.TokenMismatch;
        }
    }

    /// <summary>
    /// Reads an integer of any width (fixint, int8..int64, uint8..uint64) as int64; an uint64 above
    /// <see cref="long.MaxValue"/> gives <see cref="MessagePackReadResult.OutOfRange"/>.
    /// </summary>
    public static MessagePackReadResult TryReadInt64(ReadOnlySpan<byte> source, out long value, out int tokenSize)
    {
        var result = TryReadIntegerBits(source, out var bits, out var isSigned, out tokenSize);
        value = (long)bits;
        if (result == MessagePackReadResult.Success && !isSigned && bits > long.MaxValue)
        {
            value = 0;
            return MessagePackReadResult.OutOfRange;
        }

        return result;
    }

    /// <summary>
    /// Reads an integer of any width as uint64; a negative value gives <see cref="MessagePackReadResult.OutOfRange"/>.
    /// </summary>
    public static MessagePackReadResult TryReadUInt64(ReadOnlySpan<byte> source, out ulong value, out int tokenSize)
    {
        var result = TryReadIntegerBits(source, out value, out var isSigned, out tokenSize);
        if (result == MessagePackReadResult.Success && isSigned && (long)value < 0)
        {
            value = 0;
            return MessagePackReadResult.OutOfRange;
        }

        return result;
    }

    /// <summary>
    /// Reads an integer of any width as int32; a value outside the int32 range gives
    /// <see cref="MessagePackReadResult.OutOfRange"/>.
    /// </summary>
    public static MessagePackReadResult TryReadInt32(ReadOnlySpan<byte> source, out int value, out int tokenSize)
    {
        var result = TryReadInt64(source, out var wide, out tokenSize);
        value = (int)wide;
        if (result == MessagePackReadResult.Success && wide is < int.MinValue or > int.MaxValue)
        {
            value = 0;
            return MessagePackReadResult.OutOfRange;
        }

        return result;
    }

    /// <summary>Reads a float32 token; other numeric formats are a token mismatch (no silent narrowing).</summary>
    public static MessagePackReadResult TryReadSingle(ReadOnlySpan<byte> source, out float value, out int tokenSize)
    {
        value = 0;
        if (source.IsEmpty)
        {
            tokenSize = 1;
            return MessagePackReadResult.InsufficientBuffer;
        }

        if (source[0] != MessagePackCode.Float32)
        {
            tokenSize = 0;
            return MessagePackReadResult.TokenMismatch;
        }

        tokenSize = 5;
        if (source.Length < 5)
        {
            return MessagePackReadResult.InsufficientBuffer;
        }

        value = BinaryPrimitives.ReadSingleBigEndian(source[1..]);
        return MessagePackReadResult.Success;
    }

    /// <summary>
    /// Reads a float64, a float32 (widened exactly) or an integer of any width (converted to the nearest
    /// double), because peers such as JavaScript write integral doubles as integers.
    /// </summary>
    public static MessagePackReadResult TryReadDouble(ReadOnlySpan<byte> source, out double value, out int tokenSize)
    {
        value = 0;
        if (source.IsEmpty)
        {
            tokenSize = 1;
            return MessagePackReadResult.InsufficientBuffer;
        }

        switch (source[0])
        {
            case MessagePackCode.Float64:
                tokenSize = 9;
                if (source.Length < 9)
                {
                    return MessagePackReadResult.InsufficientBuffer;
                }

                value = BinaryPrimitives.ReadDoubleBigEndian(source[1..]);
                return MessagePackReadResult.Success;
            case MessagePackCode.Float32:
                tokenSize = 5;
                if (source.Length < 5)
                {
                    return MessagePackReadResult.InsufficientBuffer;
                }

                value = BinaryPrimitives.ReadSingleBigEndian(source[1..]);
                return MessagePackReadResult.Success;
            default:
                var result = TryReadIntegerBits(source, out var bits, out var isSigned, out tokenSize);
                if (result == MessagePackReadResult.Success)
                {
                    value = isSigned ? (long)bits : (double)bits;
                }

                return result;
        }
    }

    /// <summary>Reads a fixstr/str8/str16/str32 header; <paramref name="length"/> is the UTF-8 byte count that follows.</summary>
    public static MessagePackReadResult TryReadStringHeader(ReadOnlySpan<byte> source, out uint length, out int tokenSize)
    {
        if (source.IsEmpty)
        {
            length = 0;
            tokenSize = 1;
            return MessagePackReadResult.InsufficientBuffer;
        }

        var code = source[0];
        if (code is >= MessagePackCode.MinFixStr and <= MessagePackCode.MaxFixStr)
        {
            length = (uint)(code & 0x1F);
            tokenSize = 1;
            return MessagePackReadResult.Success;
        }

        return code switch
        {
            MessagePackCode.Str8 => TryReadLength8(source, out length, out tokenSize),
            MessagePackCode.Str16 => TryReadLength16(source, out length, out tokenSize),
            MessagePackCode.Str32 => TryReadLength32(source, out length, out tokenSize),
            _ => Mismatch(out length, out tokenSize),
        };
    }

    /// <summary>Reads a bin8/bin16/bin32 header; <paramref name="length"/> is the byte count that follows.</summary>
    public static MessagePackReadResult TryReadBinaryHeader(ReadOnlySpan<byte> source, out uint length, out int tokenSize)
    {
        if (source.IsEmpty)
        {
            length = 0;
            tokenSize = 1;
            return MessagePackReadResult.InsufficientBuffer;
        }

        return source[0] switch
        {
            MessagePackCode.Bin8 => TryReadLength8(source, out length, out tokenSize),
            MessagePackCode.Bin16 => TryReadLength16(source, out length, out tokenSize),
            MessagePackCode.Bin32 => TryReadLength32(source, out length, out tokenSize),
            _ => Mismatch(out length, out tokenSize),
        };
    }

    /// <summary>Reads a fixarray/array16/array32 header; <paramref name="count"/> is the number of elements that follow.</summary>
    public static MessagePackReadResult TryReadArrayHeader(ReadOnlySpan<byte> source, out uint count, out int tokenSize)
    {
        if (source.IsEmpty)
        {
            count = 0;
            tokenSize = 1;
            return MessagePackReadResult.InsufficientBuffer;
        }

        var code = source[0];
        if (code is >= MessagePackCode.MinFixArray and <= MessagePackCode.MaxFixArray)
        {
            count = (uint)(code & 0x0F);
            tokenSize = 1;
            return MessagePackReadResult.Success;
        }

        return code switch
        {
            MessagePackCode.Array16 => TryReadLength16(source, out count, out tokenSize),
            MessagePackCode.Array32 => TryReadLength32(source, out count, out tokenSize),
            _ => Mismatch(out count, out tokenSize),
        };
    }

    /// <summary>Reads a fixmap/map16/map32 header; <paramref name="count"/> is the number of key/value pairs that follow.</summary>
    public static MessagePackReadResult TryReadMapHeader(ReadOnlySpan<byte> source, out uint count, out int tokenSize)
    {
        if (source.IsEmpty)
        {
            count = 0;
            tokenSize = 1;
            return MessagePackReadResult.InsufficientBuffer;
        }

        var code = source[0];
        if (code is >= MessagePackCode.MinFixMap and <= MessagePackCode.MaxFixMap)
        {
            count = (uint)(code & 0x0F);
            tokenSize = 1;
            return MessagePackReadResult.Success;
        }

        return code switch
        {
            MessagePackCode.Map16 => TryReadLength16(source, out count, out tokenSize),
            MessagePackCode.Map32 => TryReadLength32(source, out count, out tokenSize),
            _ => Mismatch(out count, out tokenSize),
        };
    }

    /// <summary>Reads a fixext1..fixext16/ext8/ext16/ext32 header (type code and payload length).</summary>
    public static MessagePackReadResult TryReadExtensionHeader(ReadOnlySpan<byte> source, out MessagePackExtensionHeader header, out int tokenSize)
    {
        header = default;
        if (source.IsEmpty)
        {
            tokenSize = 1;
            return MessagePackReadResult.InsufficientBuffer;
        }

        uint length;
        switch (source[0])
        {
            case MessagePackCode.FixExt1:
                length = 1;
                tokenSize = 2;
                break;
            case MessagePackCode.FixExt2:
                length = 2;
                tokenSize = 2;
                break;
            case MessagePackCode.FixExt4:
                length = 4;
                tokenSize = 2;
                break;
            case MessagePackCode.FixExt8:
                length = 8;
                tokenSize = 2;
                break;
            case MessagePackCode.FixExt16:
                length = 16;
                tokenSize = 2;
                break;
            case MessagePackCode.Ext8:
                tokenSize = 3;
                if (source.Length < tokenSize)
                {
                    return MessagePackReadResult.InsufficientBuffer;
                }

                length = source[1];
                break;
            case MessagePackCode.Ext16:
                tokenSize = 4;
                if (source.Length < tokenSize)
                {
                    return MessagePackReadResult.InsufficientBuffer;
                }

                length = BinaryPrimitives.ReadUInt16BigEndian(source[1..]);
                break;
            case MessagePackCode.Ext32:
                tokenSize = 6;
                if (source.Length < tokenSize)
                {
                    return MessagePackReadResult.InsufficientBuffer;
                }

                length = BinaryPrimitives.ReadUInt32BigEndian(source[1..]);
                break;
            default:
                tokenSize = 0;
                return MessagePackReadResult.TokenMismatch;
        }

        if (source.Length < tokenSize)
        {
            return MessagePackReadResult.InsufficientBuffer;
        }

        header = new MessagePackExtensionHeader((sbyte)source[tokenSize - 1], length);
        return MessagePackReadResult.Success;
    }

    /// <summary>
    /// Reads a timestamp extension (type -1) in its 32-, 64- or 96-bit form. Another extension type or a
    /// payload length other than 4, 8 or 12 is a token mismatch; more than 999 999 999 nanoseconds is
    /// <see cref="MessagePackReadResult.OutOfRange"/>.
    /// </summary>
    public static MessagePackReadResult TryReadTimestamp(ReadOnlySpan<byte> source, out MessagePackTimestamp value, out int tokenSize)
    {
        value = default;
        var result = TryReadExtensionHeader(source, out var header, out var headerSize);
        if (result != MessagePackReadResult.Success)
        {
            tokenSize = headerSize;
            return result;
        }

        if (header.TypeCode != MessagePackCode.TimestampExtensionType || header.Length is not (4 or 8 or 12))
        {
            tokenSize = 0;
            return MessagePackReadResult.TokenMismatch;
        }

        tokenSize = headerSize + (int)header.Length;
        if (source.Length < tokenSize)
        {
            return MessagePackReadResult.InsufficientBuffer;
        }

        var payload = source.Slice(headerSize, (int)header.Length);
        long seconds;
        ulong nanoseconds;
        switch (header.Length)
        {
            case 4:
                seconds = BinaryPrimitives.ReadUInt32BigEndian(payload);
                nanoseconds = 0;
                break;
            case 8:
                var data64 = BinaryPrimitives.ReadUInt64BigEndian(payload);
                nanoseconds = data64 >> 34;
                seconds = (long)(data64 & 0x3_FFFF_FFFFUL);
                break;
            default:
                nanoseconds = BinaryPrimitives.ReadUInt32BigEndian(payload);
                seconds = BinaryPrimitives.ReadInt64BigEndian(payload[4..]);
                break;
        }

        if (nanoseconds > MessagePackTimestamp.MaxNanoseconds)
        {
            return MessagePackReadResult.OutOfRange;
        }

        value = new MessagePackTimestamp(seconds, (uint)nanoseconds);
        return MessagePackReadResult.Success;
    }

    /// <summary>
    /// Decodes any integer token into its 64 bits: sign-extended for the signed formats and negative
    /// fixint (<paramref name="isSigned"/> true), zero-extended for the unsigned formats and positive fixint.
    /// </summary>
    internal static MessagePackReadResult TryReadIntegerBits(ReadOnlySpan<byte> source, out ulong bits, out bool isSigned, out int tokenSize)
    {
        bits = 0;
        isSigned = false;
        if (source.IsEmpty)
        {
            tokenSize = 1;
            return MessagePackReadResult.InsufficientBuffer;
        }

        var code = source[0];
        if (code <= MessagePackCode.MaxPositiveFixInt)
        {
            bits = code;
            tokenSize = 1;
            return MessagePackReadResult.Success;
        }

        if (code >= MessagePackCode.MinNegativeFixInt)
        {
            bits = (ulong)(long)(sbyte)code;
            isSigned = true;
            tokenSize = 1;
            return MessagePackReadResult.Success;
        }

        tokenSize = code switch
        {
            MessagePackCode.UInt8 or MessagePackCode.Int8 => 2,
            MessagePackCode.UInt16 or MessagePackCode.Int16 => 3,
            MessagePackCode.UInt32 or MessagePackCode.Int32 => 5,
            MessagePackCode.UInt64 or MessagePackCode.Int64 => 9,
            _ => 0,
        };
        if (tokenSize == 0)
        {
            return MessagePackReadResult.TokenMismatch;
        }

        if (source.Length < tokenSize)
        {
            return MessagePackReadResult.InsufficientBuffer;
        }

        var payload = source[1..];
        switch (code)
        {
            case MessagePackCode.UInt8:
                bits = payload[0];
                break;
            case MessagePackCode.UInt16:
                bits = BinaryPrimitives.ReadUInt16BigEndian(payload);
                break;
            case MessagePackCode.UInt32:
                bits = BinaryPrimitives.ReadUInt32BigEndian(payload);
                break;
            case MessagePackCode.UInt64:
                bits = BinaryPrimitives.ReadUInt64BigEndian(payload);
                break;
            case MessagePackCode.Int8:
                bits = (ulong)(long)(sbyte)payload[0];
                isSigned = true;
                break;
            case MessagePackCode.Int16:
                bits = (ulong)(long)BinaryPrimitives.ReadInt16BigEndian(payload);
                isSigned = true;
                break;
            case MessagePackCode.Int32:
                bits = (ulong)(long)BinaryPrimitives.ReadInt32BigEndian(payload);
                isSigned = true;
                break;
            default:
                bits = (ulong)BinaryPrimitives.ReadInt64BigEndian(payload);
                isSigned = true;
                break;
        }

        return MessagePackReadResult.Success;
    }

    private static MessagePackReadResult TryReadLength8(ReadOnlySpan<byte> source, out uint length, out int tokenSize)
    {
        tokenSize = 2;
        length = source.Length < 2 ? 0u : source[1];
        return source.Length < 2 ? MessagePackReadResult.InsufficientBuffer : MessagePackReadResult.Success;
    }

    private static MessagePackReadResult TryReadLength16(ReadOnlySpan<byte> source, out uint length, out int tokenSize)
    {
        tokenSize = 3;
        length = source.Length < 3 ? 0u : BinaryPrimitives.ReadUInt16BigEndian(source[1..]);
        return source.Length < 3 ? MessagePackReadResult.InsufficientBuffer : MessagePackReadResult.Success;
    }

    private static MessagePackReadResult TryReadLength32(ReadOnlySpan<byte> source, out uint length, out int tokenSize)
    {
        tokenSize = 5;
        length = source.Length < 5 ? 0 : BinaryPrimitives.ReadUInt32BigEndian(source[1..]);
        return source.Length < 5 ? MessagePackReadResult.InsufficientBuffer : MessagePackReadResult.Success;
    }

    private static MessagePackReadResult Mismatch(out uint length, out int tokenSize)
    {
        length = 0;
        tokenSize = 0;
        return MessagePackReadResult.TokenMismatch;
    }
}
