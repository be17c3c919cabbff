using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>Worker → coordinator, a fragment failed: <c>[1, 6, queryId, fragmentId, code, message]</c>.</summary>
/// <param name="QueryId">The query the fragment belongs to.</param>
/// <param name="FragmentId">The fragment that failed.</param>
/// <param name="Code">What kind of failure it is, an int on the wire; a code this version does not know reads as <see cref="ErrorCode.Internal"/>.</param>
/// <param name="Message">The error text for the user: short, no stack trace.</param>
internal sealed record ErrorMessage(string QueryId, int FragmentId, ErrorCode Code, string Message) : IProtocolMessage
{
    internal const int FieldCount = 4;

    /// <inheritdoc />
    public MessageType Type => MessageType.Error;

    /// <summary>Reads the fields after <paramref name="header"/>; throws <see cref="ProtocolException"/> on bad fields.</summary>
    public static ErrorMessage Read(ref MessagePackReader reader, MessageHeader header)
    {
        MessageEnvelope.RequireFields(header, MessageType.Error, FieldCount);
        try
        {
            var queryId = reader.ReadString();
            var fragmentId = reader.ReadInt32();
            var value = reader.ReadInt64();
            var code = value is >= (long)ErrorCode.Syntax and <= (long)ErrorCodes.Highest ? (ErrorCode)value : ErrorCode.Internal;
            var message = reader.ReadString();
            MessageEnvelope.FinishBody(ref reader, header, FieldCount);
            return new ErrorMessage(queryId, fragmentId, code, message);
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
        writer.WriteInt32(FragmentId);
        writer.WriteInt32((int)Code);
        writer.WriteString(Message);
    }
}
