using Engine.Storage.Thrift;

namespace Engine.Tests.Storage;

/// <summary>
/// Finds the integer and binary fields of a Thrift compact struct in a file's bytes, by path of field ids
/// (<c>4[1].3</c> is field 3 of element 1 of list field 4), so tests can edit one stored value in place. An integer
/// edit keeps the varint's byte length (padding with continuation bytes, which the protocol allows), so no other
/// offset in the file moves.
/// </summary>
internal static class ThriftFields
{
    /// <summary>One field: its path, where its varint (or a binary field's bytes) lies, and an integer's value.</summary>
    public readonly record struct Location(string Path, int Offset, int Length, long Value, bool IsBinary = false);

    /// <summary>Every integer and binary field and list element of the struct that starts at <paramref name="offset"/>.</summary>
    public static List<Location> Find(byte[] file, int offset, int length)
    {
        var found = new List<Location>();
        var reader = new ThriftCompactReader(file.AsSpan(offset, length), "file", offset);
        WalkStruct(ref reader, offset, string.Empty, found);
        return found;
    }

    /// <summary>The byte length of the struct that starts at <paramref name="offset"/>.</summary>
    public static int StructLength(byte[] file, int offset)
    {
        var reader = new ThriftCompactReader(file.AsSpan(offset), "file", offset);
        reader.Skip(ThriftType.Struct);
        return reader.Position;
    }

    /// <summary>
    /// A copy of <paramref name="file"/> with the integer at <paramref name="location"/> set to <paramref name="value"/>
    /// (zigzag varint of the same byte length), or null when the value needs more bytes than the field has.
    /// </summary>
    public static byte[]? With(byte[] file, Location location, long value)
    {
        if (location.IsBinary)
        {
            throw new ArgumentException($"Field {location.Path} is binary, not an integer.", nameof(location));
        }

        var raw = (ulong)((value << 1) ^ (value >> 63));
        if (location.Length < 10 && raw >> (7 * location.Length) != 0)
        {
            return null;
        }

        var copy = (byte[])file.Clone();
        for (var i = 0; i < location.Length; i++)
        {
            var last = i == location.Length - 1;
            copy[location.Offset + i] = (byte)((raw & 0x7F) | (last ? 0UL : 0x80UL));
            raw >>= 7;
        }

        return copy;
    }

    private static void WalkStruct(ref ThriftCompactReader reader, int baseOffset, string path, List<Location> found)
    {
        var saved = reader.BeginStruct();
        while (reader.ReadFieldHeader(out var id, out var type))
        {
            var fieldPath = path.Length == 0 ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : $"{path}.{id}";
            WalkValue(ref reader, baseOffset, fieldPath, type, found);
        }

        reader.EndStruct(saved);
    }

    private static void WalkValue(ref ThriftCompactReader reader, int baseOffset, string path, ThriftType type, List<Location> found)
    {
        switch (type)
        {
            case ThriftType.I16 or ThriftType.I32 or ThriftType.I64:
                var start = reader.Position;
                var value = reader.ReadI64();
                found.Add(new Location(path, baseOffset + start, reader.Position - start, value));
                break;
            case ThriftType.Binary:
                var bytes = reader.ReadBinary().Length;
                found.Add(new Location(path, baseOffset + reader.Position - bytes, bytes, 0, IsBinary: true));
                break;
            case ThriftType.Struct:
                WalkStruct(ref reader, baseOffset, path, found);
                break;
            case ThriftType.List or ThriftType.Set:
                var (elementType, count) = reader.ReadListHeader();
                for (var i = 0; i < count; i++)
                {
                    if (elementType is ThriftType.BooleanTrue or ThriftType.BooleanFalse)
                    {
                        reader.ReadBoolElement();
                        continue;
                    }

                    WalkValue(ref reader, baseOffset, $"{path}[{i}]", elementType, found);
                }

                break;
            default:
                reader.Skip(type);
                break;
        }
    }
}
