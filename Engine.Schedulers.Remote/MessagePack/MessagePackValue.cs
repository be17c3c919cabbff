using System.Buffers;

namespace Engine.Schedulers.Remote.MessagePack;

/// <summary>
/// Reads any MessagePack value into a tree of plain CLR objects and writes such a tree back, for tests,
/// diagnostics and messages without a fixed shape. The protocol's hot paths use the typed reader and
/// writer instead; this path boxes and allocates per value, and its memory grows with the input (a container
/// may hold one reference per input byte), so bound the input (a frame limit) before reading it this way.
/// <para>
/// Mapping: nil ↔ <see langword="null"/>; boolean ↔ <see cref="bool"/>; integers ↔ <see cref="long"/>
/// (an uint64 above <see cref="long.MaxValue"/> ↔ <see cref="ulong"/>; writing also accepts the other
/// integer types); float32 ↔ <see cref="float"/>; float64 ↔ <see cref="double"/>; string ↔
/// <see cref="string"/>; bin ↔ <see cref="byte"/>[] (writing also accepts <see cref="ReadOnlyMemory{T}"/>);
/// array ↔ <see cref="object"/>?[] (writing accepts any <see cref="IReadOnlyList{T}"/> of objects); map ↔
/// <see cref="KeyValuePair{TKey, TValue}"/>[] in input order, keys of any type (writing accepts any
/// <see cref="IReadOnlyList{T}"/> of pairs); timestamp ↔ <see cref="MessagePackTimestamp"/>; other
/// extensions ↔ <see cref="MessagePackExtension"/>.
/// </para>
/// </summary>
internal static class MessagePackValue
{
    /// <summary>
    /// Reads the next value and everything inside it. Nesting deeper than the reader's
    /// <see cref="MessagePackReader.MaxDepth"/> and every other format error throw
    /// <see cref="MessagePackFormatException"/>; container sizes are checked against the remaining input
    /// before anything is allocated.
    /// </summary>
    public static object? Read(ref MessagePackReader reader)
    {
        var start = reader.Consumed;
        var code = reader.NextCode;
        switch (reader.NextType)
        {
            case MessagePackType.Nil:
                reader.ReadNil();
                return null;
            case MessagePackType.Boolean:
                return reader.ReadBoolean();
            case MessagePackType.Integer:
                if (code == MessagePackCode.UInt64)
                {
                    var unsigned = reader.ReadUInt64();
                    return unsigned > long.MaxValue ? unsigned : (long)unsigned;
                }

                return reader.ReadInt64();
            case MessagePackType.Float:
                return code == MessagePackCode.Float32 ? (object)reader.ReadSingle() : reader.ReadDouble();
            case MessagePackType.String:
                return reader.ReadString();
            case MessagePackType.Binary:
                return reader.ReadBytes().ToArray();
            case MessagePackType.Array:
                var count = reader.ReadArrayHeader();
                reader.EnterContainer(start);
                var items = new object?[count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Read(ref reader);
                }

                reader.ExitContainer();
                return items;
            case MessagePackType.Map:
                var pairs = reader.ReadMapHeader();
                reader.EnterContainer(start);
                var entries = new KeyValuePair<object?, object?>[pairs];
                for (var i = 0; i < entries.Length; i++)
                {
                    var key = Read(ref reader);
                    entries[i] = new KeyValuePair<object?, object?>(key, Read(ref reader));
                }

                reader.ExitContainer();
                return entries;
            case MessagePackType.Extension:
                if (IsTimestamp(ref reader))
                {
                    return reader.ReadTimestamp();
                }

                var data = reader.ReadExtension(out var typeCode);
                return new MessagePackExtension(typeCode, data.ToArray());
            default:
                throw new MessagePackFormatException(start, "a MessagePack value", MessagePackCode.GetFormatName(code));
        }
    }

    /// <summary>
    /// Writes <paramref name="value"/> (see the type's mapping). A type outside the mapping, or a tree nested
    /// deeper than <paramref name="maxDepth"/> (a cycle, for instance), throws <see cref="ArgumentException"/>.
    /// </summary>
    public static void Write(MessagePackWriter writer, object? value, int maxDepth = MessagePackReaderOptions.DefaultMaxDepth) =>
        Write(writer, value, maxDepth, 0);

    private static void Write(MessagePackWriter writer, object? value, int maxDepth, int depth)
    {
        switch (value)
        {
            case null:
                writer.WriteNil();
                break;
            case bool b:
                writer.WriteBoolean(b);
                break;
            case long l:
                writer.WriteInt64(l);
                break;
            case int i:
                writer.WriteInt64(i);
                break;
            case short s:
                writer.WriteInt64(s);
                break;
            case sbyte sb:
                writer.WriteInt64(sb);
                break;
            case ulong ul:
                writer.WriteUInt64(ul);
                break;
            case uint ui:
                writer.WriteUInt64(ui);
                break;
            case ushort us:
                writer.WriteUInt64(us);
                break;
            case byte by:
                writer.WriteUInt64(by);
                break;
            case float f:
                writer.WriteSingle(f);
                break;
            case double d:
                writer.WriteDouble(d);
                break;
            case string str:
                writer.WriteString(str);
                break;
            case byte[] bytes:
                writer.WriteBinary(bytes);
                break;
            case ReadOnlyMemory<byte> memory:
                writer.WriteBinary(memory.Span);
                break;
            case MessagePackTimestamp timestamp:
                writer.WriteTimestamp(timestamp);
                break;
            case MessagePackExtension extension:
                writer.WriteExtension(extension.TypeCode, extension.Data.Span);
                break;
            case IReadOnlyList<KeyValuePair<object?, object?>> map:
                CheckDepth(depth, maxDepth);
                writer.WriteMapHeader(map.Count);
                for (var i = 0; i < map.Count; i++)
                {
                    Write(writer, map[i].Key, maxDepth, depth + 1);
                    Write(writer, map[i].Value, maxDepth, depth + 1);
                }

                break;
            case IReadOnlyList<object?> array:
                CheckDepth(depth, maxDepth);
                writer.WriteArrayHeader(array.Count);
                for (var i = 0; i < array.Count; i++)
                {
                    Write(writer, array[i], maxDepth, depth + 1);
                }

                break;
            default:
                throw new ArgumentException($"A {value.GetType()} has no MessagePack mapping.", nameof(value));
        }
    }

    private static void CheckDepth(int depth, int maxDepth)
    {
        if (depth >= maxDepth)
        {
            throw new ArgumentException($"The value nests deeper than {maxDepth} arrays and maps (a cycle?).", nameof(maxDepth));
        }
    }

    private static bool IsTimestamp(ref MessagePackReader reader)
    {
        // Peek the extension header on a copy so the real reader does not move.
        var peek = reader;
        return peek.ReadExtensionHeader().TypeCode == MessagePackCode.TimestampExtensionType;
    }
}
