using Engine.Core.Functions;
using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>Decodes one frame payload into its message, dispatching on the envelope's type.</summary>
internal static class ProtocolMessages
{
    /// <summary>
    /// Reads the envelope and the body of <paramref name="payload"/>, binding the function calls of fragments
    /// and partials with <paramref name="functions"/> (the built-ins when null). Throws
    /// <see cref="ProtocolException"/> for anything that is not exactly one well-formed message. The result
    /// does not reference the payload.
    /// </summary>
    public static IProtocolMessage Read(ReadOnlyMemory<byte> payload, FunctionRegistry? functions = null)
    {
        functions ??= FunctionRegistry.BuiltIn;
        var reader = new MessagePackReader(payload);
        var header = MessageEnvelope.ReadHeader(ref reader);
        return header.Type switch
        {
            MessageType.Hello => HelloMessage.Read(ref reader, header),
            MessageType.HelloOk => HelloOkMessage.Read(ref reader, header),
            MessageType.Rejected => RejectedMessage.Read(ref reader, header),
            MessageType.Execute => ExecuteMessage.Read(ref reader, header, functions),
            MessageType.Result => ResultMessage.Read(ref reader, header, functions),
            MessageType.Error => ErrorMessage.Read(ref reader, header),
            MessageType.Cancel => CancelMessage.Read(ref reader, header),
            MessageType.Ping => PingMessage.Read(ref reader, header),
            MessageType.Pong => PongMessage.Read(ref reader, header),
            _ => ChallengeMessage.Read(ref reader, header),
        };
    }
}
