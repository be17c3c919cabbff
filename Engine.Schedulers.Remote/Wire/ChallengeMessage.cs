using System.Buffers;
using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>
/// Worker → coordinator, the first message on a connection: <c>[1, 10, nodeName, nonce]</c>. The nonce is
/// fresh random bytes the coordinator's <see cref="HelloMessage"/> proof must cover, so a recorded proof is
/// worthless on another connection. Equality compares the nonce bytes.
/// </summary>
/// <param name="NodeName">The worker's name.</param>
/// <param name="Nonce">The worker's random challenge (32 bytes from this implementation).</param>
internal sealed record ChallengeMessage(string NodeName, ReadOnlyMemory<byte> Nonce) : IProtocolMessage
{
    internal const int FieldCount = 2;

    /// <inheritdoc />
    public MessageType Type => MessageType.Challenge;

    /// <summary>Reads the fields after <paramref name="header"/>; throws <see cref="ProtocolException"/> on bad fields.</summary>
    public static ChallengeMessage Read(ref MessagePackReader reader, MessageHeader header)
    {
        MessageEnvelope.RequireFields(header, MessageType.Challenge, FieldCount);
        try
        {
            var nodeName = reader.ReadString();
            var nonce = reader.ReadBytes().ToArray();
            MessageEnvelope.FinishBody(ref reader, header, FieldCount);
            return new ChallengeMessage(nodeName, nonce);
        }
        catch (MessagePackFormatException ex)
        {
            throw MessageEnvelope.Malformed(header.Type, ex);
        }
    }

    /// <inheritdoc />
    public void Write(MessagePackWriter writer)
    {
        MessageEnvelope.WriteHeader(writer, Type, FieldCount);
        writer.WriteString(NodeName);
        writer.WriteBinary(Nonce.Span);
    }

    /// <summary>Compares the node name and the nonce bytes.</summary>
    public bool Equals(ChallengeMessage? other) =>
        other is not null && NodeName == other.NodeName && Nonce.Span.SequenceEqual(other.Nonce.Span);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(NodeName);
        hash.AddBytes(Nonce.Span);
        return hash.ToHashCode();
    }
}
