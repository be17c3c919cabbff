using System.Buffers;
using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>
/// Worker → coordinator, the session is accepted: <c>[1, 2, nodeName, maxConcurrency, authProof]</c>. The
/// proof shows the coordinator that the worker knows the shared secret too (empty when the worker runs
/// without one). Equality compares the proof bytes.
/// </summary>
/// <param name="NodeName">The worker's name, used in errors that name a failed worker.</param>
/// <param name="MaxConcurrency">How many fragments the worker runs at once; the coordinator keeps at most that many in flight.</param>
/// <param name="AuthProof">The worker's half of the mutual authentication.</param>
internal sealed record HelloOkMessage(string NodeName, int MaxConcurrency, ReadOnlyMemory<byte> AuthProof) : IProtocolMessage
{
    internal const int FieldCount = 3;

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
            var proof = reader.ReadBytes().ToArray();
            MessageEnvelope.FinishBody(ref reader, header, FieldCount);
            return new HelloOkMessage(nodeName, maxConcurrency, proof);
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
        writer.WriteBinary(AuthProof.Span);
    }

    /// <summary>Compares the node name, the concurrency and the proof bytes.</summary>
    public bool Equals(HelloOkMessage? other) =>
        other is not null && NodeName == other.NodeName && MaxConcurrency == other.MaxConcurrency && AuthProof.Span.SequenceEqual(other.AuthProof.Span);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(NodeName);
        hash.Add(MaxConcurrency);
        hash.AddBytes(AuthProof.Span);
        return hash.ToHashCode();
    }
}
