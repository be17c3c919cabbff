using Engine.Core.Errors;

namespace Engine.Schedulers.Remote.MessagePack;

/// <summary>
/// MessagePack input does not hold what the reader was asked for: a wrong token, a truncated value, a
/// length that claims more bytes than remain, an integer that does not fit, invalid UTF-8 or nesting
/// deeper than allowed. The message names what was expected, what was found and the byte offset.
/// </summary>
internal sealed class MessagePackFormatException : EngineException
{
    /// <summary>Creates an error at <paramref name="offset"/> of the input the reader was given.</summary>
    public MessagePackFormatException(long offset, string expected, string found, Exception? innerException = null)
        : base($"Invalid MessagePack at offset {offset}: expected {expected}, found {found}.", innerException)
    {
        Offset = offset;
        Expected = expected;
        Found = found;
    }

    /// <summary>The offset, from the start of the reader's input, of the token that was wrong.</summary>
    public long Offset { get; }

    /// <summary>What the reader was asked for.</summary>
    public string Expected { get; }

    /// <summary>What the input held instead.</summary>
    public string Found { get; }
}
