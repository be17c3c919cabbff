using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>
/// The payload of every frame: a MessagePack array <c>[version, messageType, ...fields]</c>. A reader
/// accepts more fields than it knows (a newer peer may append some) and skips them; fewer fields than
/// required, trailing bytes after the array, an unknown version or message type are protocol errors.
/// </summary>
internal static class MessageEnvelope
{
    /// <summary>The protocol version this build speaks; a peer with another version is refused.</summary>
    public const int ProtocolVersion = 2;

    /// <summary>Writes the envelope start for a message with <paramref name="fieldCount"/> fields; the caller writes the fields next.</summary>
    public static void WriteHeader(MessagePackWriter writer, MessageType type, int fieldCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(fieldCount);
        writer.WriteArrayHeader(2 + fieldCount);
        writer.WriteInt32(ProtocolVersion);
        writer.WriteInt32((int)type);
    }

    /// <summary>
    /// Reads the envelope start. Throws <see cref="ProtocolException"/> when the payload is not an array of
    /// at least two elements, the version is not <see cref="ProtocolVersion"/> or the type is unknown.
    /// </summary>
    public static MessageHeader ReadHeader(ref MessagePackReader reader)
    {
        try
        {
            var count = reader.ReadArrayHeader();
            if (count < 2)
            {
                throw new ProtocolException($"A message envelope needs at least 2 elements (version, message type); this one has {count}.");
            }

            var version = reader.ReadInt64();
            if (version != ProtocolVersion)
            {
                throw new ProtocolException($"Unsupported protocol version {version}; this node speaks version {ProtocolVersion} (coordinator and workers must run the same protocol version: upgrade the older side).");
            }

            var type = reader.ReadInt64();
            if (type is < (long)MessageType.Hello or > (long)MessageType.Challenge)
            {
                throw new ProtocolException($"Unknown message type {type} (protocol version {ProtocolVersion} knows 1..{(int)MessageType.Challenge}).");
            }

            return new MessageHeader((MessageType)type, count - 2);
        }
        catch (MessagePackFormatException ex)
        {
            throw new ProtocolException($"The payload is not a message envelope: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Checks, before a body is read, that <paramref name="header"/> is of <paramref name="expected"/> type
    /// (else <see cref="ArgumentException"/>: a dispatch bug) and carries at least <paramref name="requiredFields"/>
    /// fields (else <see cref="ProtocolException"/>).
    /// </summary>
    public static void RequireFields(MessageHeader header, MessageType expected, int requiredFields)
    {
        if (header.Type != expected)
        {
            throw new ArgumentException($"A {header.Type} header was passed to the {expected} reader.", nameof(header));
        }

        if (header.FieldCount < requiredFields)
        {
            throw new ProtocolException($"A {expected} message needs {requiredFields} fields; this one has {header.FieldCount}.");
        }
    }

    /// <summary>
    /// Skips the fields after the <paramref name="knownFields"/> a reader understood and checks that nothing
    /// follows the envelope; trailing bytes throw <see cref="ProtocolException"/>.
    /// </summary>
    public static void FinishBody(ref MessagePackReader reader, MessageHeader header, int knownFields)
    {
        for (var i = knownFields; i < header.FieldCount; i++)
        {
            reader.Skip();
        }

        if (!reader.End)
        {
            throw new ProtocolException($"{reader.Remaining} unexpected bytes follow the {header.Type} message at payload offset {reader.Consumed}.");
        }
    }

    /// <summary>Wraps a field-level format error into the protocol error a body reader throws.</summary>
    public static ProtocolException Malformed(MessageType type, MessagePackFormatException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return new ProtocolException($"Malformed {type} message: {exception.Message}", exception);
    }
}
