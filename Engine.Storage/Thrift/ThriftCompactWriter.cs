using System.Text;

namespace Engine.Storage.Thrift;

/// <summary>
/// A writer of the Thrift compact protocol into a growable in-memory buffer; the counterpart of
/// <see cref="ThriftCompactReader"/>, method for method. Field headers carry the id as a delta from the
/// previous field of the same struct when it is 1..15 and in long form otherwise; integers are zigzag
/// varints; a boolean field's value is its header type. Structs nest through <see cref="BeginStruct"/> and
/// <see cref="EndStruct"/>, which save and restore the enclosing struct's last field id. Used on cold paths
/// (page headers, the footer) by one thread at a time; <see cref="Reset"/> lets one instance be reused.
/// </summary>
internal sealed class ThriftCompactWriter
{
    private byte[] _buffer;
    private int _length;
    private short _lastFieldId;

    /// <summary>Creates a writer with room for <paramref name="initialCapacity"/> bytes before it grows.</summary>
    public ThriftCompactWriter(int initialCapacity = 256)
    {
        _buffer = new byte[Math.Max(16, initialCapacity)];
    }

    /// <summary>The bytes written so far; valid until the next write or <see cref="Reset"/>.</summary>
    public ReadOnlySpan<byte> WrittenSpan => _buffer.AsSpan(0, _length);

    /// <summary>The number of bytes written so far.</summary>
    public int Length => _length;

    /// <summary>Forgets everything written, keeping the buffer for reuse.</summary>
    public void Reset()
    {
        _length = 0;
        _lastFieldId = 0;
    }

    /// <summary>Starts a struct (the top-level one or a nested field's value) and returns the state to hand back to <see cref="EndStruct"/>.</summary>
    public short BeginStruct()
    {
        var saved = _lastFieldId;
        _lastFieldId = 0;
        return saved;
    }

    /// <summary>Writes the struct's STOP byte and restores the enclosing struct's field-id state.</summary>
    public void EndStruct(short saved)
    {
        WriteRawByte((byte)ThriftType.Stop);
        _lastFieldId = saved;
    }

    /// <summary>Writes a field header of <paramref name="type"/> (not for booleans; see <see cref="WriteBoolField"/>).</summary>
    public void WriteFieldHeader(short fieldId, ThriftType type)
    {
        var delta = fieldId - _lastFieldId;
        if (delta is > 0 and <= 15)
        {
            WriteRawByte((byte)((delta << 4) | (int)type));
        }
        else
        {
            WriteRawByte((byte)type);
            WriteI16(fieldId);
        }

        _lastFieldId = fieldId;
    }

    /// <summary>Writes a boolean field: the value travels in the header's type nibble.</summary>
    public void WriteBoolField(short fieldId, bool value) =>
        WriteFieldHeader(fieldId, value ? ThriftType.BooleanTrue : ThriftType.BooleanFalse);

    /// <summary>Writes an i32 field.</summary>
    public void WriteI32Field(short fieldId, int value)
    {
        WriteFieldHeader(fieldId, ThriftType.I32);
        WriteI32(value);
    }

    /// <summary>Writes an i64 field.</summary>
    public void WriteI64Field(short fieldId, long value)
    {
        WriteFieldHeader(fieldId, ThriftType.I64);
        WriteI64(value);
    }

    /// <summary>Writes an i16 field.</summary>
    public void WriteI16Field(short fieldId, short value)
    {
        WriteFieldHeader(fieldId, ThriftType.I16);
        WriteI16(value);
    }

    /// <summary>Writes a binary field.</summary>
    public void WriteBinaryField(short fieldId, ReadOnlySpan<byte> value)
    {
        WriteFieldHeader(fieldId, ThriftType.Binary);
        WriteBinary(value);
    }

    /// <summary>Writes a string field as UTF-8.</summary>
    public void WriteStringField(short fieldId, string value)
    {
        WriteFieldHeader(fieldId, ThriftType.Binary);
        WriteString(value);
    }

    /// <summary>Writes a list field's header; the caller then writes <paramref name="count"/> elements.</summary>
    public void WriteListField(short fieldId, ThriftType elementType, int count)
    {
        WriteFieldHeader(fieldId, ThriftType.List);
        WriteListHeader(elementType, count);
    }

    /// <summary>Writes a struct field's header and begins the nested struct; finish it with <see cref="EndStruct"/>.</summary>
    public short BeginStructField(short fieldId)
    {
        WriteFieldHeader(fieldId, ThriftType.Struct);
        return BeginStruct();
    }

    /// <summary>Writes a field whose value is an empty struct (Parquet's marker structs, e.g. StringType).</summary>
    public void WriteEmptyStructField(short fieldId)
    {
        var saved = BeginStructField(fieldId);
        EndStruct(saved);
    }

    /// <summary>Writes a list or set header: the count in the high nibble when below 15, else a varint after it.</summary>
    public void WriteListHeader(ThriftType elementType, int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (count < 15)
        {
            WriteRawByte((byte)((count << 4) | (int)elementType));
        }
        else
        {
            WriteRawByte((byte)(0xF0 | (int)elementType));
            WriteVarint((ulong)count);
        }
    }

    /// <summary>Writes one boolean element of a list (header element type <see cref="ThriftType.BooleanTrue"/>): 1 for true, 2 for false.</summary>
    public void WriteBoolElement(bool value) => WriteRawByte(value ? (byte)ThriftType.BooleanTrue : (byte)ThriftType.BooleanFalse);

    /// <summary>Writes a zigzag varint of 16 bits.</summary>
    public void WriteI16(short value) => WriteI64(value);

    /// <summary>Writes a zigzag varint of 32 bits.</summary>
    public void WriteI32(int value) => WriteI64(value);

    /// <summary>Writes a zigzag varint of 64 bits.</summary>
    public void WriteI64(long value) => WriteVarint((ulong)((value << 1) ^ (value >> 63)));

    /// <summary>Writes length-prefixed bytes.</summary>
    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        WriteVarint((ulong)value.Length);
        value.CopyTo(Grow(value.Length));
    }

    /// <summary>Writes length-prefixed UTF-8 text.</summary>
    public void WriteString(string value)
    {
        var byteCount = Encoding.UTF8.GetByteCount(value);
        WriteVarint((ulong)byteCount);
        Encoding.UTF8.GetBytes(value, Grow(byteCount));
    }

    private void WriteVarint(ulong value)
    {
        while (value >= 0x80)
        {
            WriteRawByte((byte)(value | 0x80));
            value >>= 7;
        }

        WriteRawByte((byte)value);
    }

    private void WriteRawByte(byte value)
    {
        if (_length == _buffer.Length)
        {
            Grow(1)[0] = value;
            return;
        }

        _buffer[_length++] = value;
    }

    private Span<byte> Grow(int count)
    {
        var required = checked(_length + count);
        if (required > _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Max(required, checked(_buffer.Length * 2)));
        }

        var span = _buffer.AsSpan(_length, count);
        _length = required;
        return span;
    }
}
