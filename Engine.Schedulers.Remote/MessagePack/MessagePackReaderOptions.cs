namespace Engine.Schedulers.Remote.MessagePack;

/// <summary>Limits a <see cref="MessagePackReader"/> applies to untrusted input. Immutable; share freely.</summary>
internal sealed class MessagePackReaderOptions
{
    /// <summary>The default nesting limit: deep enough for any Engine message, shallow enough for the stack.</summary>
    public const int DefaultMaxDepth = 64;

    private readonly int _maxDepth = DefaultMaxDepth;

    /// <summary>The highest nesting limit allowed, so that a recursive walk always fits on the stack.</summary>
    public const int MaxAllowedDepth = 1024;

    /// <summary>The options used when none are given.</summary>
    public static MessagePackReaderOptions Default { get; } = new();

    /// <summary>
    /// How many arrays and maps may enclose a value that <see cref="MessagePackReader.Skip"/> or
    /// <see cref="MessagePackValue.Read"/> visits; deeper input is rejected with a
    /// <see cref="MessagePackFormatException"/> instead of exhausting the stack. 1..<see cref="MaxAllowedDepth"/>.
    /// </summary>
    public int MaxDepth
    {
        get => _maxDepth;
        init
        {
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, MaxAllowedDepth);
            _maxDepth = value;
        }
    }
}
