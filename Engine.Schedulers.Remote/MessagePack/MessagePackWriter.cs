using System.Buffers;
using System.Text;

namespace Engine.Schedulers.Remote.MessagePack;

/// <summary>
/// Writes MessagePack tokens to an <see cref="IBufferWriter{T}"/>, always in the smallest encoding the spec
/// allows for integers, lengths, extensions and timestamps. Nothing is allocated per value: each token is
/// encoded straight into the span the buffer writer hands out. One writer serves one thread; the caller
/// owns the buffer writer and decides when the bytes are flushed. Argument errors (a negative count, a
/// string with a lone surrogate) throw <see cref="ArgumentException"/>: they are bugs, not bad input.
/// </summary>
internal readonly struct MessagePackWriter
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly IBufferWriter<byte> _output;

    /// <summary>Creates a writer that appends to <paramref name="output"/>.</summary>
    public MessagePackWriter(IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
    }

    /// <summary>Writes nil.</summary>
    public void WriteNil()
    {
        var written = MessagePackPrimitives.TryWriteNil(_output.GetSpan(1), out var size);
        Commit(written, size);
    }

    /// <summary>Writes true or false.</summary>
    public void WriteBoolean(bool value)
    {
        var written = MessagePackPrimitives.TryWriteBoolean(_output.GetSpan(1), value, out var size);
        Commit(written, size);
    }

    /// <summary>Writes a signed integer in its smallest format.</summary>
    public void WriteInt64(long value)
    {
        var written = MessagePackPrimitives.TryWriteInteger(_output.GetSpan(MessagePackPrimitives.MaxScalarSize), value, out var size);
        Commit(written, size);
    }

    /// <summary>Writes a signed 32-bit integer in its smallest format.</summary>
    public void WriteInt32(int value) => WriteInt64(value);

    /// <summary>Writes an unsigned integer in its smallest format.</summary>
    public void WriteUInt64(ulong value)
    {
        var written = MessagePackPrimitives.TryWriteUnsignedInteger(_output.GetSpan(MessagePackPrimitives.MaxScalarSize), value, out var size);
        Commit(written, size);
    }

    /// <summary>Writes a float32.</summary>
    public void WriteSingle(float value)
    {
        var written = MessagePackPrimitives.TryWriteSingle(_output.GetSpan(5), value, out var size);
        Commit(written, size);
    }

    /// <summary>Writes a float64 (always 9 bytes, so the value round-trips bit for bit).</summary>
    public void WriteDouble(double value)
    {
        var written = MessagePackPrimitives.TryWriteDouble(_output.GetSpan(MessagePackPrimitives.MaxScalarSize), value, out var size);
        Commit(written, size);
    }

    /// <summary>Writes a string as UTF-8 with the smallest header, or nil when <paramref name="value"/> is null.</summary>
    public void WriteString(string? value)
    {
        if (value is null)
        {
            WriteNil();
            return;
        }

        WriteString(value.AsSpan());
    }

    /// <summary>Writes UTF-16 text as a UTF-8 string token; a lone surrogate throws <see cref="ArgumentException"/>.</summary>
    public void WriteString(ReadOnlySpan<char> value)
    {
        var byteCount = s_utf8.GetByteCount(value);
        WriteStringHeader((uint)byteCount);
        if (byteCount == 0)
        {
            return;
        }

        var encoded = s_utf8.GetBytes(value, _output.GetSpan(byteCount));
        _output.Advance(encoded);
    }

    /// <summary>Writes already-encoded UTF-8 bytes as a string token (the bytes are not validated).</summary>
    public void WriteStringUtf8(ReadOnlySpan<byte> utf8)
    {
        WriteStringHeader((uint)utf8.Length);
        WriteRaw(utf8);
    }

    /// <summary>Writes a string header for <paramref name="byteCount"/> UTF-8 bytes the caller writes next.</summary>
    public void WriteStringHeader(uint byteCount)
    {
        var written = MessagePackPrimitives.TryWriteStringHeader(_output.GetSpan(5), byteCount, out var size);
        Commit(written, size);
    }

    /// <summary>Writes a bin token holding <paramref name="value"/>.</summary>
    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        WriteBinaryHeader((uint)value.Length);
        WriteRaw(value);
    }

    /// <summary>Writes a bin header for <paramref name="byteCount"/> bytes the caller writes next with <see cref="WriteRaw"/>.</summary>
    public void WriteBinaryHeader(uint byteCount)
    {
        var written = MessagePackPrimitives.TryWriteBinaryHeader(_output.GetSpan(5), byteCount, out var size);
        Commit(written, size);
    }

    /// <summary>Writes an array header; the caller then writes <paramref name="count"/> values.</summary>
    public void WriteArrayHeader(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var written = MessagePackPrimitives.TryWriteArrayHeader(_output.GetSpan(5), (uint)count, out var size);
        Commit(written, size);
    }

    /// <summary>Writes a map header; the caller then writes <paramref name="count"/> key/value pairs.</summary>
    public void WriteMapHeader(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var written = MessagePackPrimitives.TryWriteMapHeader(_output.GetSpan(5), (uint)count, out var size);
        Commit(written, size);
    }

    /// <summary>Writes an extension header; the caller then writes <see cref="MessagePackExtensionHeader.Length"/> payload bytes.</summary>
    public void WriteExtensionHeader(MessagePackExtensionHeader header)
    {
        var written = MessagePackPrimitives.TryWriteExtensionHeader(_output.GetSpan(6), header, out var size);
        Commit(written, size);
    }

    /// <summary>Writes a whole extension value: the smallest header for the payload, then the payload.</summary>
    public void WriteExtension(sbyte typeCode, ReadOnlySpan<byte> data)
    {
        WriteExtensionHeader(new MessagePackExtensionHeader(typeCode, (uint)data.Length));
        WriteRaw(data);
    }

    /// <summary>Writes a timestamp extension in its smallest form.</summary>
    public void WriteTimestamp(MessagePackTimestamp value)
    {
        var written = MessagePackPrimitives.TryWriteTimestamp(_output.GetSpan(MessagePackPrimitives.MaxTimestampSize), value, out var size);
        Commit(written, size);
    }

    /// <summary>Copies bytes as they are: a payload after a header, or a value encoded elsewhere.</summary>
    public void WriteRaw(ReadOnlySpan<byte> bytes)
    {
        if (!bytes.IsEmpty)
        {
            _output.Write(bytes);
        }
    }

    private void Commit(bool written, int size)
    {
        if (!written)
        {
            throw new InvalidOperationException("The buffer writer returned a span shorter than the size it was asked for.");
        }

        _output.Advance(size);
    }
}
