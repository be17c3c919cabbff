using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>Worker → coordinator, the session is accepted: <c>[1, 2, nodeName, maxConcurrency]</c>.</summary>
/// <param name="NodeName">The worker's name, used in errors that name a failed worker.</param>
/// <param name="MaxConcurrency">How many fragments the worker runs at once; the coordinator keeps at most that many in flight.</param>
public sealed record HelloOkMessage(string NodeName, int MaxConcurrency) : IProtocolMessage
{
    internal const int FieldCount = 2;

    /// <inheritdoc />
    public MessageType Type => MessageType.HelloOk;

    /// <summary>Reads the fields after <paramref name="header"/>; throws <see cref="ProtocolException"/> on bad fields.</summary>
    public static HelloOkMessage Read(ref MessagePackReader reader, MessageHeader header)
    {
        MessageEnvelope.RequireFields(header, MessageType.HelloOk, FieldCount);
        try
        {
            var nodeName = reader.ReadString();
            var maxConcurrency = reader.ReadInt32();
            MessageEnvelope.FinishBody(ref reader, header, FieldCount);
            return new HelloOkMessage(nodeName, maxConcurrency);
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
        writer.WriteInt32(MaxConcurrency);
    }
}
