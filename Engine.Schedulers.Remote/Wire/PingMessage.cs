using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>Either side, a heartbeat that asks for a <see cref="PongMessage"/> with the same sequence number: <c>[1, 8, sequence]</c>.</summary>
/// <param name="Sequence">Matches a pong to its ping, so a late answer is not taken for a fresh one.</param>
internal sealed record PingMessage(long Sequence) : IProtocolMessage
{
    internal const int FieldCount = 1;

    /// <inheritdoc />
    public MessageType Type => MessageType.Ping;

    /// <summary>Reads the fields after <paramref name="header"/>; throws <see cref="ProtocolException"/> on bad fields.</summary>
    public static PingMessage Read(ref MessagePackReader reader, MessageHeader header)
    {
        MessageEnvelope.RequireFields(header, MessageType.Ping, FieldCount);
        try
        {
            var sequence = reader.ReadInt64();
            MessageEnvelope.FinishBody(ref reader, header, FieldCount);
            return new PingMessage(sequence);
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
