using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Text;

namespace Engine.Schedulers.Remote.MessagePack;

/// <summary>
/// Reads MessagePack tokens from a <see cref="ReadOnlySequence{T}"/> that holds complete input (one frame
/// payload). Tokens may straddle segment boundaries. The input is treated as hostile: every length is
/// checked against the bytes that remain before anything is allocated, integers are range-checked, and
/// <see cref="Skip"/> and <see cref="MessagePackValue.Read"/> stop at <see cref="MessagePackReaderOptions.MaxDepth"/>.
/// Every failure throws <see cref="MessagePackFormatException"/> with the offset of the offending token and
/// leaves the reader where that token starts. A mutable ref struct: pass it by <see langword="ref"/>; one
/// thread at a time. Sequences it returns (<see cref="ReadBytes"/>, <see cref="ReadRaw"/>) are slices of the
/// input and live as long as the input does.
/// </summary>
internal ref struct MessagePackReader
{
    internal const int ScratchSize = 16;

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly int _maxDepth;
    private SequenceReader<byte> _reader;
    private int _depth;

    /// <summary>Creates a reader over <paramref name="input"/> with the given limits (or the defaults).</summary>
    public MessagePackReader(ReadOnlySequence<byte> input, MessagePackReaderOptions? options = null)
    {
        _reader = new SequenceReader<byte>(input);
        _maxDepth = (options ?? MessagePackReaderOptions.Default).MaxDepth;
    }

    /// <summary>Creates a reader over one contiguous block of input.</summary>
    public MessagePackReader(ReadOnlyMemory<byte> input, MessagePackReaderOptions? options = null)
        : this(new ReadOnlySequence<byte>(input), options)
    {
    }

    /// <summary>Bytes read so far; also the offset that error messages report.</summary>
    public readonly long Consumed => _reader.Consumed;

    /// <summary>Bytes not read yet.</summary>
    public readonly long Remaining => _reader.Remaining;

    /// <summary>Whether every byte of the input has been read.</summary>
    public readonly bool End => _reader.End;

    /// <summary>The whole input the reader was created over.</summary>
    public readonly ReadOnlySequence<byte> Sequence => _reader.Sequence;

    /// <summary>The position of the next unread byte in <see cref="Sequence"/>.</summary>
    public readonly SequencePosition Position => _reader.Position;

    /// <summary>The nesting limit for <see cref="Skip"/> and dynamic reads.</summary>
    public readonly int MaxDepth => _maxDepth;

    /// <summary>The first byte of the next token, without consuming it; throws at the end of the input.</summary>
    public readonly byte NextCode
    {
        get
        {
            if (!_reader.TryPeek(out var code))
            {
                ThrowFormat(_reader.Consumed, "a MessagePack value", "the end of the input");
            }

            return code;
        }
    }

    /// <summary>The family of the next token, without consuming it; throws at the end of the input.</summary>
    public readonly MessagePackType NextType => MessagePackCode.ToMessagePackType(NextCode);

    /// <summary>Consumes a nil and returns <see langword="true"/>, or returns <see langword="false"/> and consumes nothing.</summary>
    public bool TryReadNil()
    {
        if (_reader.TryPeek(out var code) && code == MessagePackCode.Nil)
        {
            _reader.Advance(1);
            return true;
        }

        return false;
    }

    /// <summary>Reads nil.</summary>
    public void ReadNil()
    {
        var result = MessagePackPrimitives.TryReadNil(_reader.UnreadSpan, out var size);
        if (result != MessagePackReadResult.Success)
        {
            ThrowReadFailure(result, "nil", size);
        }

        _reader.Advance(size);
    }

    /// <summary>Reads true or false.</summary>
    public bool ReadBoolean()
    {
        var result = MessagePackPrimitives.TryReadBoolean(_reader.UnreadSpan, out var value, out var size);
        if (result != MessagePackReadResult.Success)
        {
            ThrowReadFailure(result, "a boolean", size);
        }

        _reader.Advance(size);
        return value;
    }

    /// <summary>Reads an integer of any width; an uint64 above <see cref="long.MaxValue"/> throws.</summary>
    public long ReadInt64()
    {
        var result = MessagePackPrimitives.TryReadInt64(_reader.UnreadSpan, out var value, out var size);
        if (result == MessagePackReadResult.InsufficientBuffer)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            result = MessagePackPrimitives.TryReadInt64(Contiguous(scratch), out value, out size);
        }

        if (result != MessagePackReadResult.Success)
        {
            ThrowReadFailure(result, "an integer in the int64 range", size);
        }

        _reader.Advance(size);
        return value;
    }

    /// <summary>Reads an integer of any width; a value outside the int32 range throws.</summary>
    public int ReadInt32()
    {
        var result = MessagePackPrimitives.TryReadInt32(_reader.UnreadSpan, out var value, out var size);
        if (result == MessagePackReadResult.InsufficientBuffer)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            result = MessagePackPrimitives.TryReadInt32(Contiguous(scratch), out value, out size);
        }

        if (result != MessagePackReadResult.Success)
        {
            ThrowReadFailure(result, "an integer in the int32 range", size);
        }

        _reader.Advance(size);
        return value;
    }

    /// <summary>Reads an integer of any width; a negative value throws.</summary>
    public ulong ReadUInt64()
    {
        var result = MessagePackPrimitives.TryReadUInt64(_reader.UnreadSpan, out var value, out var size);
        if (result == MessagePackReadResult.InsufficientBuffer)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            result = MessagePackPrimitives.TryReadUInt64(Contiguous(scratch), out value, out size);
        }

        if (result != MessagePackReadResult.Success)
        {
            ThrowReadFailure(result, "a non-negative integer", size);
        }

        _reader.Advance(size);
        return value;
    }

    /// <summary>Reads a float32 token (only float32: a float64 is not narrowed silently).</summary>
    public float ReadSingle()
    {
        var result = MessagePackPrimitives.TryReadSingle(_reader.UnreadSpan, out var value, out var size);
        if (result == MessagePackReadResult.InsufficientBuffer)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            result = MessagePackPrimitives.TryReadSingle(Contiguous(scratch), out value, out size);
        }

        if (result != MessagePackReadResult.Success)
        {
            ThrowReadFailure(result, "a float32", size);
        }

        _reader.Advance(size);
        return value;
    }

    /// <summary>Reads a float64, a float32 or an integer (peers may write integral doubles as integers).</summary>
    public double ReadDouble()
    {
        var result = MessagePackPrimitives.TryReadDouble(_reader.UnreadSpan, out var value, out var size);
        if (result == MessagePackReadResult.InsufficientBuffer)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            result = MessagePackPrimitives.TryReadDouble(Contiguous(scratch), out value, out size);
        }

        if (result != MessagePackReadResult.Success)
        {
            ThrowReadFailure(result, "a number", size);
        }

        _reader.Advance(size);
        return value;
    }

    /// <summary>Reads a timestamp extension (type -1) in any of its three forms.</summary>
    public MessagePackTimestamp ReadTimestamp()
    {
        var result = MessagePackPrimitives.TryReadTimestamp(_reader.UnreadSpan, out var value, out var size);
        if (result == MessagePackReadResult.InsufficientBuffer)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            result = MessagePackPrimitives.TryReadTimestamp(Contiguous(scratch), out value, out size);
        }

        if (result != MessagePackReadResult.Success)
        {
            ThrowReadFailure(result, "a timestamp (extension type -1 with 4, 8 or 12 bytes)", size);
        }

        _reader.Advance(size);
        return value;
    }

    /// <summary>
    /// Reads a string token and decodes its UTF-8 into a new string (the one allocation the caller asks
    /// for); invalid UTF-8 throws.
    /// </summary>
    public string ReadString()
    {
        var start = _reader.Consumed;
        var length = ReadLengthHeader(LengthKind.String);
        EnsurePayload(start, length, "string");
        var span = _reader.UnreadSpan;
        string value;
        try
        {
            value = span.Length >= length
                ? s_utf8.GetString(span[..(int)length])
                : s_utf8.GetString(_reader.Sequence.Slice(_reader.Position, length));
        }
        catch (DecoderFallbackException ex)
        {
            throw new MessagePackFormatException(start, "a string of valid UTF-8", "bytes that are not UTF-8", ex);
        }

        _reader.Advance(length);
        return value;
    }

    /// <summary>
    /// Reads a bin token and returns its bytes as a slice of the input (no copy); call
    /// <see cref="BuffersExtensions.ToArray{T}(in ReadOnlySequence{T})"/> to keep them beyond the input's life.
    /// </summary>
    public ReadOnlySequence<byte> ReadBytes()
    {
        var start = _reader.Consumed;
        var length = ReadLengthHeader(LengthKind.Binary);
        EnsurePayload(start, length, "binary");
        var value = _reader.Sequence.Slice(_reader.Position, length);
        _reader.Advance(length);
        return value;
    }

    /// <summary>
    /// Reads an array header and checks that the input can hold that many elements (each takes at least one
    /// byte), so a caller may size a collection by the count.
    /// </summary>
    public int ReadArrayHeader()
    {
        var start = _reader.Consumed;
        var count = ReadLengthHeader(LengthKind.Array);
        return CheckElementCount(start, count, 1, "array");
    }

    /// <summary>
    /// Reads an array header if the input holds all of it; returns <see langword="false"/> and consumes
    /// nothing when the input ends inside the header (more data may follow in a streaming caller). Unlike
    /// <see cref="ReadArrayHeader"/> the count is not checked against the remaining bytes. Throws when the
    /// next token is not an array.
    /// </summary>
    public bool TryReadArrayHeader(out int count) => TryReadCountHeader(LengthKind.Array, out count);

    /// <summary>
    /// Reads a map header and checks that the input can hold that many key/value pairs (each takes at least
    /// two bytes); the caller then reads the keys and values in turn.
    /// </summary>
    public int ReadMapHeader()
    {
        var start = _reader.Consumed;
        var count = ReadLengthHeader(LengthKind.Map);
        return CheckElementCount(start, count, 2, "map");
    }

    /// <summary>The map counterpart of <see cref="TryReadArrayHeader"/>.</summary>
    public bool TryReadMapHeader(out int count) => TryReadCountHeader(LengthKind.Map, out count);

    /// <summary>Reads an extension header and checks that its payload is within the input; the payload is next.</summary>
    public MessagePackExtensionHeader ReadExtensionHeader()
    {
        var start = _reader.Consumed;
        var result = MessagePackPrimitives.TryReadExtensionHeader(_reader.UnreadSpan, out var header, out var size);
        if (result == MessagePackReadResult.InsufficientBuffer)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            result = MessagePackPrimitives.TryReadExtensionHeader(Contiguous(scratch), out header, out size);
        }

        if (result != MessagePackReadResult.Success)
        {
            ThrowReadFailure(result, "an extension", size);
        }

        _reader.Advance(size);
        EnsurePayload(start, header.Length, $"extension type {header.TypeCode}");
        return header;
    }

    /// <summary>Reads a whole extension value; the payload is a slice of the input (no copy).</summary>
    public ReadOnlySequence<byte> ReadExtension(out sbyte typeCode)
    {
        var header = ReadExtensionHeader();
        typeCode = header.TypeCode;
        var value = _reader.Sequence.Slice(_reader.Position, header.Length);
        _reader.Advance(header.Length);
        return value;
    }

    /// <summary>
    /// Skips the next value, containers included, without allocating. Throws on truncated input, on the
    /// never-used byte 0xC1 and on nesting deeper than <see cref="MaxDepth"/>.
    /// </summary>
    public void Skip()
    {
        var start = _reader.Consumed;
        var code = NextCode;
        switch (MessagePackCode.ToMessagePackType(code))
        {
            case MessagePackType.Nil:
            case MessagePackType.Boolean:
            case MessagePackType.Integer:
            case MessagePackType.Float:
                var size = ScalarSize(code);
                if (_reader.Remaining < size)
                {
                    ThrowFormat(start, $"{MessagePackCode.GetFormatName(code)} of {size} bytes", $"{_reader.Remaining} bytes remaining");
                }

                _reader.Advance(size);
                break;
            case MessagePackType.String:
                SkipPayload(start, LengthKind.String, "string");
                break;
            case MessagePackType.Binary:
                SkipPayload(start, LengthKind.Binary, "binary");
                break;
            case MessagePackType.Extension:
                var header = ReadExtensionHeader();
                _reader.Advance(header.Length);
                break;
            case MessagePackType.Array:
                var count = ReadArrayHeader();
                EnterContainer(start);
                for (var i = 0; i < count; i++)
                {
                    Skip();
                }

                ExitContainer();
                break;
            case MessagePackType.Map:
                var pairs = ReadMapHeader();
                EnterContainer(start);
                for (var i = 0; i < pairs; i++)
                {
                    Skip();
                    Skip();
                }

                ExitContainer();
                break;
            default:
                ThrowFormat(start, "a MessagePack value", MessagePackCode.GetFormatName(code));
                break;
        }
    }

    /// <summary>Skips the next value and returns its encoded bytes as a slice of the input (no copy).</summary>
    public ReadOnlySequence<byte> ReadRaw()
    {
        var start = _reader.Position;
        Skip();
        return _reader.Sequence.Slice(start, _reader.Position);
    }

    /// <summary>Counts one more level of nesting; throws when that goes past <see cref="MaxDepth"/>.</summary>
    internal void EnterContainer(long offset)
    {
        _depth++;
        if (_depth > _maxDepth)
        {
            ThrowFormat(offset, $"at most {_maxDepth} levels of nested arrays and maps", $"a container at level {_depth}");
        }
    }

    /// <summary>Leaves a level entered with <see cref="EnterContainer"/>.</summary>
    internal void ExitContainer() => _depth--;

    private static int ScalarSize(byte code) => code switch
    {
        MessagePackCode.UInt8 or MessagePackCode.Int8 => 2,
        MessagePackCode.UInt16 or MessagePackCode.Int16 => 3,
        MessagePackCode.UInt32 or MessagePackCode.Int32 or MessagePackCode.Float32 => 5,
        MessagePackCode.UInt64 or MessagePackCode.Int64 or MessagePackCode.Float64 => 9,
        _ => 1,
    };

    [DoesNotReturn]
    private static void ThrowFormat(long offset, string expected, string found) =>
        throw new MessagePackFormatException(offset, expected, found);

    private void SkipPayload(long start, LengthKind kind, string what)
    {
        var length = ReadLengthHeader(kind);
        EnsurePayload(start, length, what);
        _reader.Advance(length);
    }

    private bool TryReadCountHeader(LengthKind kind, out int count)
    {
        var start = _reader.Consumed;
        var result = TryReadLength(kind, _reader.UnreadSpan, out var length, out var size);
        if (result == MessagePackReadResult.InsufficientBuffer)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            result = TryReadLength(kind, Contiguous(scratch), out length, out size);
        }

        if (result == MessagePackReadResult.InsufficientBuffer)
        {
            count = 0;
            return false;
        }

        if (result != MessagePackReadResult.Success)
        {
            ThrowReadFailure(result, KindName(kind), size);
        }

        if (length > int.MaxValue)
        {
            ThrowFormat(start, $"{KindName(kind)} with at most {int.MaxValue} entries", $"a count of {length}");
        }

        _reader.Advance(size);
        count = (int)length;
        return true;
    }

    private uint ReadLengthHeader(LengthKind kind)
    {
        var result = TryReadLength(kind, _reader.UnreadSpan, out var length, out var size);
        if (result == MessagePackReadResult.InsufficientBuffer)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            result = TryReadLength(kind, Contiguous(scratch), out length, out size);
        }

        if (result != MessagePackReadResult.Success)
        {
            ThrowReadFailure(result, KindName(kind), size);
        }

        _reader.Advance(size);
        return length;
    }

    private static MessagePackReadResult TryReadLength(LengthKind kind, ReadOnlySpan<byte> source, out uint length, out int size) => kind switch
    {
        LengthKind.String => MessagePackPrimitives.TryReadStringHeader(source, out length, out size),
        LengthKind.Binary => MessagePackPrimitives.TryReadBinaryHeader(source, out length, out size),
        LengthKind.Array => MessagePackPrimitives.TryReadArrayHeader(source, out length, out size),
        _ => MessagePackPrimitives.TryReadMapHeader(source, out length, out size),
    };

    private static string KindName(LengthKind kind) => kind switch
    {
        LengthKind.String => "a string",
        LengthKind.Binary => "binary data",
        LengthKind.Array => "an array",
        _ => "a map",
    };

    private readonly void EnsurePayload(long start, uint length, string what)
    {
        if (length > _reader.Remaining)
        {
            ThrowFormat(start, $"{what} payload of {length} bytes", $"only {_reader.Remaining} bytes remaining");
        }
    }

    private readonly int CheckElementCount(long start, uint count, int minBytesPerElement, string what)
    {
        if ((ulong)count * (ulong)minBytesPerElement > (ulong)_reader.Remaining || count > int.MaxValue)
        {
            ThrowFormat(start, $"{what} of {count} elements (at least {(ulong)count * (ulong)minBytesPerElement} bytes)", $"only {_reader.Remaining} bytes remaining");
        }

        return (int)count;
    }

    /// <summary>Copies the next bytes (as many as fit in <paramref name="scratch"/>) so a token that straddles segments can be decoded.</summary>
    private readonly ReadOnlySpan<byte> Contiguous(Span<byte> scratch)
    {
        var slice = scratch[..(int)Math.Min(_reader.Remaining, scratch.Length)];
        _reader.TryCopyTo(slice);
        return slice;
    }

    [DoesNotReturn]
    private readonly void ThrowReadFailure(MessagePackReadResult result, string expected, int size)
    {
        var offset = _reader.Consumed;
        var found = result switch
        {
            MessagePackReadResult.InsufficientBuffer =>
                $"the end of the input (the token needs {size} bytes, {_reader.Remaining} remain)",
            MessagePackReadResult.OutOfRange => DescribeNextToken(),
            _ => _reader.End ? "the end of the input" : MessagePackCode.GetFormatName(NextCode),
        };
        throw new MessagePackFormatException(offset, expected, found);
    }

    /// <summary>Names the next token and, for integers and timestamps, the value that was out of range.</summary>
    private readonly string DescribeNextToken()
    {
        Span<byte> scratch = stackalloc byte[ScratchSize];
        var bytes = Contiguous(scratch);
        var name = MessagePackCode.GetFormatName(bytes[0]);
        if (MessagePackPrimitives.TryReadIntegerBits(bytes, out var bits, out var isSigned, out _) == MessagePackReadResult.Success)
        {
            return isSigned ? $"{name} {(long)bits}" : $"{name} {bits}";
        }

        return $"{name} holding a value out of range";
    }

    private enum LengthKind
    {
        String,
        Binary,
        Array,
        Map,
    }
}
