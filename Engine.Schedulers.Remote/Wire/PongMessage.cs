using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>Either side, the answer to a <see cref="PingMessage"/>, echoing its sequence number: <c>[1, 9, sequence]</c>.</summary>
/// <param name="Sequence">Matches a pong to its ping, so a late answer is not taken for a fresh one.</param>
internal sealed record PongMessage(long Sequence) : IProtocolMessage
{
    internal const int FieldCount = 1;

    /// <inheritdoc />
    public MessageType Type => MessageType.Pong;

    /// <summary>Reads the fields after <paramref name="header"/>; throws <see cref="ProtocolException"/> on bad fields.</summary>
    public static PongMessage Read(ref MessagePackReader reader, MessageHeader header)
    {
        MessageEnvelope.RequireFields(header, MessageType.Pong, FieldCount);
        try
        {
            var sequence = reader.ReadInt64();
            MessageEnvelope.FinishBody(ref reader, header, FieldCount);
            return new PongMessage(sequence);
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
        writer.WriteInt64(Sequence);
    }
}
