namespace Engine.Schedulers.Remote.Wire;

/// <summary>What <see cref="MessageEnvelope.ReadHeader"/> learned: the message type and how many fields follow.</summary>
/// <param name="Type">The message type (already checked to be known).</param>
/// <param name="FieldCount">The number of envelope elements after the version and the type.</param>
internal readonly record struct MessageHeader(MessageType Type, int FieldCount);
