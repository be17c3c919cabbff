namespace Engine.Core.Errors;

/// <summary>
/// Stored bytes do not follow their format: a truncated file, a length that points past the end, a bad
/// checksum. Names the object, the offset when known and what was wrong; nothing partial is returned.
/// </summary>
public sealed class CorruptDataException : EngineException
{
    /// <summary>Creates an error for <paramref name="objectName"/> at <paramref name="offset"/> (-1 when unknown).</summary>
    public CorruptDataException(string objectName, long offset, string problem, Exception? innerException = null)
        : base(offset >= 0
            ? $"Corrupt data in '{objectName}' at offset {offset}: {problem}"
            : $"Corrupt data in '{objectName}': {problem}", innerException)
    {
        ObjectName = objectName;
        Offset = offset;
        Problem = problem;
    }

    /// <summary>Creates an error that carries a message formatted on another node (a remote worker); object and offset are unknown.</summary>
    internal CorruptDataException(string message) : base(message)
    {
        ObjectName = string.Empty;
        Offset = -1;
        Problem = message;
    }

    /// <summary>The file or object key that holds the bad bytes.</summary>
    public string ObjectName { get; }

    /// <summary>The byte offset of the problem, or -1 when it is not known.</summary>
    public long Offset { get; }

    /// <summary>What was wrong.</summary>
    public string Problem { get; }
}
