using System.Buffers;
using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>
/// Coordinator → worker, the first message on a connection: <c>[1, 1, nodeName, authProof]</c>. The proof is
/// opaque here (the HMAC challenge/response is the session layer's business). Equality compares the proof bytes.
/// </summary>
/// <param name="NodeName">The coordinator's name, for the worker's logs and errors.</param>
/// <param name="AuthProof">The authentication proof bytes.</param>
internal sealed record HelloMessage(string NodeName, ReadOnlyMemory<byte> AuthProof) : IProtocolMessage
{
    internal const int FieldCount = 2;

    /// <inheritdoc />
    public MessageType Type => MessageType.Hello;

    /// <summary>Reads the fields after <paramref name="header"/>; throws <see cref="ProtocolException"/> on bad fields.</summary>
    public static HelloMessage Read(ref MessagePackReader reader, MessageHeader header)
    {
        MessageEnvelope.RequireFields(header, MessageType.Hello, FieldCount);
        try
        {
            var nodeName = reader.ReadString();
            var proof = reader.ReadBytes().ToArray();
            MessageEnvelope.FinishBody(ref reader, header, FieldCount);
            return new HelloMessage(nodeName, proof);
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
        writer.WriteBinary(AuthProof.Span);
    }

    /// <summary>Compares the node name and the proof bytes.</summary>
    public bool Equals(HelloMessage? other) =>
        other is not null && NodeName == other.NodeName && AuthProof.Span.SequenceEqual(other.AuthProof.Span);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(NodeName);
        hash.AddBytes(AuthProof.Span);
        return hash.ToHashCode();
    }
}
