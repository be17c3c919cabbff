using Engine.Core.Columns;
using Engine.Schedulers.Remote.MessagePack;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Schedulers.Remote.Codec;

/// <summary>Shared checks of the fragment and result codecs: enum tags in range, element counts as declared.</summary>
internal static class CodecChecks
{
    /// <summary>The deepest expression tree a peer may send; deeper trees are refused, not recursed into.</summary>
    public const int MaxExpressionDepth = 64;

    /// <summary>A protocol error that names the payload offset of the offending token.</summary>
    public static ProtocolException Error(long offset, string problem) =>
        new($"Bad payload at offset {offset}: {problem}.");

    /// <summary>Writes <paramref name="type"/> as its type tag (<see cref="TypeId"/>).</summary>
    public static void WriteDataType(MessagePackWriter writer, DataType type) => writer.WriteInt32((int)type.Id);

    /// <summary>Reads a type written by <see cref="WriteDataType"/>; an unknown tag is a <see cref="ProtocolException"/>.</summary>
    public static DataType ReadDataType(ref MessagePackReader reader)
    {
        var offset = reader.Consumed;
        var value = reader.ReadInt64();
        return value is >= byte.MinValue and <= byte.MaxValue && DataType.IsDefined((TypeId)value)
            ? DataType.FromId((TypeId)value)
            : throw Error(offset, $"unknown data type tag {value}");
    }

    /// <summary>Reads a byte-sized enum tag that must lie in [0, <paramref name="max"/>].</summary>
    public static int ReadTag(ref MessagePackReader reader, int max, string what)
    {
        var offset = reader.Consumed;
        var value = reader.ReadInt64();
        return value >= 0 && value <= max
            ? (int)value
            : throw Error(offset, $"unknown {what} tag {value} (known: 0..{max})");
    }

    /// <summary>Reads an array header that must have exactly <paramref name="expected"/> elements.</summary>
    public static void ReadArray(ref MessagePackReader reader, int expected, string what)
    {
        var offset = reader.Consumed;
        var count = reader.ReadArrayHeader();
        if (count != expected)
        {
            throw Error(offset, $"{what} is an array of {expected} elements, this one has {count}");
        }
    }

    /// <summary>Reads a non-negative int32.</summary>
    public static int ReadCount(ref MessagePackReader reader, string what)
    {
        var offset = reader.Consumed;
        var value = reader.ReadInt32();
        return value >= 0 ? value : throw Error(offset, $"{what} cannot be negative, got {value}");
    }
}
