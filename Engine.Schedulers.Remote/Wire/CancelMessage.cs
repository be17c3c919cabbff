using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>Coordinator → worker, stop every fragment of a query: <c>[1, 7, queryId]</c>.</summary>
/// <param name="QueryId">The query whose fragments stop.</param>
internal sealed record CancelMessage(string QueryId) : IProtocolMessage
{
    internal const int FieldCount = 1;

    /// <inheritdoc />
    public MessageType Type => MessageType.Cancel;

    /// <summary>Reads the fields after <paramref name="header"/>; throws <see cref="ProtocolException"/> on bad fields.</summary>
    public static CancelMessage Read(ref MessagePackReader reader, MessageHeader header)
    {
        MessageEnvelope.RequireFields(header, MessageType.Cancel, FieldCount);
        try
        {
            var queryId = reader.ReadString();
            MessageEnvelope.FinishBody(ref reader, header, FieldCount);
            return new CancelMessage(queryId);
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
        writer.WriteString(QueryId);
    }
}
