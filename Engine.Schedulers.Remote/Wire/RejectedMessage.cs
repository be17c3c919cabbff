using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>Worker → coordinator, the session is refused and the connection will close: <c>[1, 3, reason]</c>.</summary>
/// <param name="Reason">Why, in words for the operator (never the secret or the proof).</param>
internal sealed record RejectedMessage(string Reason) : IProtocolMessage
{
    internal const int FieldCount = 1;

    /// <inheritdoc />
    public MessageType Type => MessageType.Rejected;

    /// <summary>Reads the fields after <paramref name="header"/>; throws <see cref="ProtocolException"/> on bad fields.</summary>
    public static RejectedMessage Read(ref MessagePackReader reader, MessageHeader header)
    {
        MessageEnvelope.RequireFields(header, MessageType.Rejected, FieldCount);
        try
        {
            var reason = reader.ReadString();
            MessageEnvelope.FinishBody(ref reader, header, FieldCount);
            return new RejectedMessage(reason);
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
        writer.WriteString(Reason);
    }
}
