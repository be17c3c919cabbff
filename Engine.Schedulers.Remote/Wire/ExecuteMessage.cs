using Engine.Core.Functions;
using Engine.Core.Planning;
using Engine.Schedulers.Remote.Codec;
using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>
/// Coordinator → worker, run one fragment: <c>[1, 4, queryId, fragment]</c>. The query id is the fragment's
/// query id as text (the form <see cref="CancelMessage"/> uses), so a worker can index running fragments by
/// it; the fragment is encoded by <see cref="FragmentCodec"/> and must carry the same query id.
/// </summary>
/// <param name="Fragment">The fragment to run.</param>
internal sealed record ExecuteMessage(QueryFragment Fragment) : IProtocolMessage
{
    internal const int FieldCount = 2;

    /// <inheritdoc />
    public MessageType Type => MessageType.Execute;

    /// <summary>The query id as it travels in <see cref="ExecuteMessage"/>, <see cref="ResultMessage"/>, <see cref="ErrorMessage"/> and <see cref="CancelMessage"/>.</summary>
    public static string FormatQueryId(Guid queryId) => queryId.ToString("D");

    /// <summary>Reads the fields after <paramref name="header"/>; throws <see cref="ProtocolException"/> on bad fields.</summary>
    public static ExecuteMessage Read(ref MessagePackReader reader, MessageHeader header, FunctionRegistry functions)
    {
        MessageEnvelope.RequireFields(header, MessageType.Execute, FieldCount);
        try
        {
            var queryId = reader.ReadString();
            var fragment = FragmentCodec.Read(ref reader, functions);
            if (queryId != FormatQueryId(fragment.QueryId))
            {
                throw new ProtocolException($"An Execute message names query '{queryId}' but carries a fragment of query {FormatQueryId(fragment.QueryId)}.");
            }

            MessageEnvelope.FinishBody(ref reader, header, FieldCount);
            return new ExecuteMessage(fragment);
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
        writer.WriteString(FormatQueryId(Fragment.QueryId));
        FragmentCodec.Write(writer, Fragment);
    }
}
