using Engine.Core.Errors;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>
/// A peer broke the wire protocol: a frame longer than the limit, a connection closed inside a frame, a
/// payload that is not a message envelope, an unknown protocol version or message type, a message with
/// missing or malformed fields. The connection that carried it must be dropped, never reused.
/// </summary>
internal sealed class ProtocolException : EngineException
{
    /// <summary>Creates an error whose message says what the peer sent and what was expected.</summary>
    public ProtocolException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
