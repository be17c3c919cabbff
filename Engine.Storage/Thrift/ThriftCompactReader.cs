using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Text;
using Engine.Core.Errors;

namespace Engine.Storage.Thrift;

/// <summary>
/// A forward-only reader of the Thrift compact protocol over bytes already in memory (a Parquet footer or
/// page header). It treats every byte as hostile: lengths and element counts are checked against the bytes
/// that remain before anything is allocated, varints are bounded, struct nesting is capped at
/// <see cref="MaxDepth"/>, and unknown fields can be skipped. Every problem is a
/// <see cref="CorruptDataException"/> naming the object and the absolute offset. Typed decoders of Parquet
/// structs sit on top (Engine.Storage.Parquet.Metadata); a compact-protocol writer can mirror this type
/// method for method (field header, varint, binary, list header).
/// </summary>
internal ref struct ThriftCompactReader
{
    /// <summary>The deepest struct/collection nesting accepted; Parquet metadata needs fewer than ten levels.</summary>
    public const int MaxDepth = 32;

    private readonly ReadOnlySpan<byte> _buffer;
    private readonly string _objectName;
    private readonly long _baseOffset;
    private int _position;
    private int _depth;
    private short _lastFieldId;

    /// <summary>Reads <paramref name="buffer"/>, which starts at <paramref name="baseOffset"/> of <paramref name="objectName"/> (for error messages).</summary>
    public ThriftCompactReader(ReadOnlySpan<byte> buffer, string objectName, long baseOffset)
    {
        _buffer = buffer;
        _objectName = objectName;
        _baseOffset = baseOffset;
        _position = 0;
        _depth = 0;
        _lastFieldId = 0;
    }

    /// <summary>Bytes consumed so far.</summary>
    public readonly int Position => _position;

    /// <summary>The object name errors are reported against.</summary>
    public readonly string ObjectName => _objectName;

    /// <summary>The absolute offset of the next byte, for error messages.</summary>
    public readonly long AbsolutePosition => _baseOffset + _position;

    /// <summary>Enters a struct: checks the depth cap and returns the state to hand back to <see cref="EndStruct"/>.</summary>
    public short BeginStruct()
    {
        if (++_depth > MaxDepth)
        {
            Fail($"Thrift nesting deeper than {MaxDepth} levels");
        }

        var saved = _lastFieldId;
        _lastFieldId = 0;
        return saved;
    }

    /// <summary>Leaves a struct after its STOP field, restoring the enclosing struct's field-id state.</summary>
    public void EndStruct(short saved)
    {
        _depth--;
        _lastFieldId = saved;
    }

    /// <summary>Reads the next field header; false at the struct's STOP byte.</summary>
    public bool ReadFieldHeader(out short fieldId, out ThriftType type)
    {
        var header = ReadRawByte();
        type = (ThriftType)(header & 0x0F);
        if (type == ThriftType.Stop)
        {
            fieldId = 0;
            return false;
        }

        if (type > ThriftType.Struct)
        {
            Fail($"unknown Thrift field type {(int)type}", -1);
        }

        var delta = header >> 4;
        fieldId = delta != 0 ? (short)(_lastFieldId + delta) : ReadI16();
        _lastFieldId = fieldId;
        return true;
    }

    /// <summary>Reads a boolean field whose value is carried by its header <paramref name="fieldType"/>.</summary>
    public static bool ReadBoolField(ThriftType fieldType) => fieldType == ThriftType.BooleanTrue;

    /// <summary>Reads a boolean list element (one byte, 1 = true).</summary>
    public bool ReadBoolElement() => ReadRawByte() == 1;

    /// <summary>Reads a raw signed byte.</summary>
    public sbyte ReadByte() => (sbyte)ReadRawByte();

    /// <summary>Reads a zigzag varint that must fit 16 bits.</summary>
    public short ReadI16()
    {
        var value = ReadI64();
        if (value is < short.MinValue or > short.MaxValue)
        {
            Fail($"i16 value {value} out of range");
        }

        return (short)value;
    }

    /// <summary>Reads a zigzag varint that must fit 32 bits.</summary>
    public int ReadI32()
    {
        var value = ReadI64();
        if (value is < int.MinValue or > int.MaxValue)
        {
            Fail($"i32 value {value} out of range");
        }

        return (int)value;
    }

    /// <summary>Reads a zigzag varint of up to 64 bits.</summary>
    public long ReadI64()
    {
        var raw = ReadVarint();
        return (long)(raw >> 1) ^ -(long)(raw & 1);
    }

    /// <summary>Reads an 8-byte little-endian double.</summary>
    public double ReadDouble()
    {
        Require(8);
        var value = BinaryPrimitives.ReadDoubleLittleEndian(_buffer.Slice(_position, 8));
        _position += 8;
        return value;
    }

    /// <summary>Reads length-prefixed bytes as a view into the buffer (valid while the buffer is).</summary>
    public ReadOnlySpan<byte> ReadBinary()
    {
        var start = _position;
        var length = ReadVarint();
        if (length > (ulong)(_buffer.Length - _position))
        {
            Fail($"binary length {length} exceeds the {_buffer.Length - _position} bytes that remain", start);
        }

        var value = _buffer.Slice(_position, (int)length);
        _position += (int)length;
        return value;
    }

    /// <summary>Reads length-prefixed UTF-8 text (invalid sequences become U+FFFD).</summary>
    public string ReadString() => Encoding.UTF8.GetString(ReadBinary());

    /// <summary>
    /// Reads a list or set header. The count is checked against the remaining bytes (every element takes at
    /// least one byte), so a caller may size a collection by it.
    /// </summary>
    public (ThriftType ElementType, int Count) ReadListHeader()
    {
        var start = _position;
        var header = ReadRawByte();
        var elementType = (ThriftType)(header & 0x0F);
        ulong count = (ulong)(header >> 4);
        if (count == 15)
        {
            count = ReadVarint();
        }

        if (elementType is ThriftType.Stop or > ThriftType.Struct)
        {
            Fail($"unknown Thrift list element type {(int)elementType}", start);
        }

        if (count > (ulong)(_buffer.Length - _position))
        {
            Fail($"list of {count} elements cannot fit in the {_buffer.Length - _position} bytes that remain", start);
        }

        return (elementType, (int)count);
    }

    /// <summary>Skips one value of <paramref name="type"/> (an unknown field, or one the caller does not need).</summary>
    public void Skip(ThriftType type)
    {
        switch (type)
        {
            case ThriftType.BooleanTrue or ThriftType.BooleanFalse:
                break;
            case ThriftType.Byte:
                ReadRawByte();
                break;
            case ThriftType.I16 or ThriftType.I32 or ThriftType.I64:
                ReadVarint();
                break;
            case ThriftType.Double:
                Require(8);
                _position += 8;
                break;
            case ThriftType.Binary:
                ReadBinary();
                break;
            case ThriftType.List or ThriftType.Set:
                SkipList();
                break;
            case ThriftType.Map:
                SkipMap();
                break;
            case ThriftType.Struct:
                SkipStruct();
                break;
            default:
                Fail($"cannot skip Thrift type {(int)type}");
                break;
        }
    }

    /// <summary>Throws the error for a field of <paramref name="actual"/> type where <paramref name="expected"/> was required.</summary>
    [DoesNotReturn]
    public readonly void FailType(string structName, short fieldId, ThriftType expected, ThriftType actual) =>
        Fail($"{structName} field {fieldId} has Thrift type {actual}, expected {expected}");

    /// <summary>Throws a <see cref="CorruptDataException"/> at the current position.</summary>
    [DoesNotReturn]
    public readonly void Fail(string problem) => Fail(problem, _position);

    /// <summary>Throws a <see cref="CorruptDataException"/> at <paramref name="position"/> (relative; -1 for the previous byte).</summary>
    [DoesNotReturn]
    public readonly void Fail(string problem, int position)
    {
        var at = position < 0 ? Math.Max(0, _position - 1) : position;
        throw new CorruptDataException(_objectName, _baseOffset + at, problem);
    }

    private void SkipList()
    {
        var (elementType, count) = ReadListHeader();
        Enter();
        for (var i = 0; i < count; i++)
        {
            if (elementType is ThriftType.BooleanTrue or ThriftType.BooleanFalse)
            {
                ReadRawByte();
            }
            else
            {
                Skip(elementType);
            }
        }

        _depth--;
    }

    private void SkipMap()
    {
        var start = _position;
        var count = ReadVarint();
        if (count == 0)
        {
            return;
        }

        var types = ReadRawByte();
        var keyType = (ThriftType)(types >> 4);
        var valueType = (ThriftType)(types & 0x0F);
        if (count > (ulong)(_buffer.Length - _position) || keyType is ThriftType.Stop or > ThriftType.Struct || valueType is ThriftType.Stop or > ThriftType.Struct)
        {
            Fail($"map header (count {count}, types {types:X2}) is invalid", start);
        }

        Enter();
        for (var i = 0UL; i < count; i++)
        {
            SkipElement(keyType);
            SkipElement(valueType);
        }

        _depth--;
    }

    private void SkipElement(ThriftType type)
    {
        if (type is ThriftType.BooleanTrue or ThriftType.BooleanFalse)
        {
            ReadRawByte();
        }
        else
        {
            Skip(type);
        }
    }

    private void SkipStruct()
    {
        var saved = BeginStruct();
        while (ReadFieldHeader(out _, out var type))
        {
            Skip(type);
        }

        EndStruct(saved);
    }

    private void Enter()
    {
        if (++_depth > MaxDepth)
        {
            Fail($"Thrift nesting deeper than {MaxDepth} levels");
        }
    }

    private ulong ReadVarint()
    {
        var start = _position;
        ulong result = 0;
        for (var shift = 0; shift < 70; shift += 7)
        {
            if (_position >= _buffer.Length)
            {
                Fail("varint runs past the end of the data", start);
            }

            var b = _buffer[_position++];
            if (shift == 63 && b > 1)
            {
                Fail("varint longer than 64 bits", start);
            }

            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0)
            {
                return result;
            }
        }

        Fail("varint longer than 64 bits", start);
        return 0;
    }

    private byte ReadRawByte()
    {
        Require(1);
        return _buffer[_position++];
    }

    private readonly void Require(int count)
    {
        if (_buffer.Length - _position < count)
        {
            Fail($"needs {count} more byte(s) but the data ends {_buffer.Length - _position} byte(s) later");
        }
    }
}
