namespace Engine.Core.Errors;

/// <summary>
/// A remote query could not complete because workers failed. The message names every worker involved and
/// why it failed.
/// </summary>
public sealed class RemoteWorkerException : EngineException
{
    /// <summary>Creates an error naming the failed workers.</summary>
    public RemoteWorkerException(string message, Exception? innerException = null) : base(message, innerException)
    {
    }
}
