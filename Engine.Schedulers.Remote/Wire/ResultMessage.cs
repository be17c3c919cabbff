using Engine.Core.Execution;
using Engine.Core.Functions;
using Engine.Schedulers.Remote.Codec;
using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>
/// Worker → coordinator, a fragment's partial result: <c>[1, 5, queryId, fragmentId, partial, [elapsedMicros]]</c>.
/// The partial is encoded column by column by <see cref="PartialResultCodec"/>; the last field is an array
/// of statistics (today the worker-side execution time) that may grow.
/// </summary>
/// <param name="QueryId">The query, as <see cref="ExecuteMessage.FormatQueryId"/> writes it.</param>
/// <param name="FragmentId">The fragment this partial answers.</param>
/// <param name="Partial">The fragment's partial aggregate or rows.</param>
/// <param name="ElapsedMicros">How long the worker spent on the fragment, in microseconds.</param>
internal sealed record ResultMessage(string QueryId, int FragmentId, PartialResult Partial, long ElapsedMicros) : IProtocolMessage
{
    internal const int FieldCount = 4;

    /// <inheritdoc />
    public MessageType Type => MessageType.Result;

    /// <summary>
    /// Reads the fields after <paramref name="header"/>; throws <see cref="ProtocolException"/> on bad fields,
    /// also on a partial whose aggregates <paramref name="functions"/> cannot bind.
    /// </summary>
    public static ResultMessage Read(ref MessagePackReader reader, MessageHeader header, FunctionRegistry functions)
    {
        MessageEnvelope.RequireFields(header, MessageType.Result, FieldCount);
        try
        {
            var queryId = reader.ReadString();
            var fragmentId = reader.ReadInt32();
            var partial = PartialResultCodec.Read(ref reader, functions);
            var statsOffset = reader.Consumed;
            var stats = reader.ReadArrayHeader();
            if (stats < 1)
            {
                throw new ProtocolException($"Bad payload at offset {statsOffset}: the statistics of a Result need at least 1 element, got {stats}.");
            }

            var elapsed = reader.ReadInt64();
            for (var i = 1; i < stats; i++)
            {
                reader.Skip();
            }

            MessageEnvelope.FinishBody(ref reader, header, FieldCount);
            return new ResultMessage(queryId, fragmentId, partial, elapsed);
        }
        catch (MessagePackFormatException ex)
        {
            throw MessageEnvelope.Malformed(header.Type, ex);
        }
        catch (Core.Errors.EngineException ex) when (ex is Core.Errors.UnsupportedFeatureException or Core.Errors.QueryBindException)
        {
            // An aggregate this coordinator lacks or binds otherwise: the peers disagree on their functions,
            // so the connection fails (and its fragments go elsewhere) instead of leaving them unanswered.
            throw new ProtocolException($"A Result this coordinator cannot read: {ex.Message}", ex);
        }
    }

    /// <inheritdoc />
    public void Write(MessagePackWriter writer)
    {
        MessageEnvelope.WriteHeader(writer, Type, FieldCount);
        writer.WriteString(QueryId);
        writer.WriteInt32(FragmentId);
        PartialResultCodec.Write(writer, Partial);
        writer.WriteArrayHeader(1);
        writer.WriteInt64(ElapsedMicros);
    }
}
