using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>
/// A message of the remote protocol. Each message type also has a static <c>Read(ref MessagePackReader,
/// MessageHeader)</c> that reads the fields after <see cref="MessageEnvelope.ReadHeader"/>.
/// </summary>
internal interface IProtocolMessage
{
    /// <summary>The message type written in the envelope.</summary>
    MessageType Type { get; }

    /// <summary>Writes the whole envelope: <c>[version, type, ...fields]</c>.</summary>
    void Write(MessagePackWriter writer);
}
