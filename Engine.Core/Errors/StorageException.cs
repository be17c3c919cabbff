namespace Engine.Core.Errors;

/// <summary>
/// An object store operation failed for good: a missing object, a denied request, or a transient failure
/// that outlived its retries. Names the key and how many attempts were made.
/// </summary>
public sealed class StorageException : EngineException
{
    /// <summary>Creates an error for <paramref name="key"/> after <paramref name="attempts"/> attempts.</summary>
    public StorageException(string key, int attempts, string problem, Exception? innerException = null)
        : base($"Storage error for '{key}' after {attempts} attempt(s): {problem}", innerException)
    {
        Key = key;
        Attempts = attempts;
    }

    /// <summary>Creates an error that carries a message formatted on another node (a remote worker); key and attempts are unknown.</summary>
    internal StorageException(string message) : base(message)
    {
        Key = string.Empty;
    }

    /// <summary>The object key or path.</summary>
    public string Key { get; }

    /// <summary>How many attempts were made before giving up.</summary>
    public int Attempts { get; }
}
