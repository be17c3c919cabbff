namespace Engine.Core.Errors;

/// <summary>
/// A request exceeds a configured limit before any work is done: more literals in an IN list, more group
/// keys or more partition scans than a worker accepts. Names the limit, the value asked for and the maximum.
/// </summary>
public sealed class ResourceLimitException : EngineException
{
    /// <summary>Creates an error for <paramref name="limit"/>, asked <paramref name="requested"/>, allowed <paramref name="maximum"/>.</summary>
    public ResourceLimitException(string limit, long requested, long maximum)
        : base($"Resource limit exceeded: {limit} is {requested}, at most {maximum} allowed")
    {
        Limit = limit;
        Requested = requested;
        Maximum = maximum;
    }

    /// <summary>Creates an error that carries a message formatted on another node.</summary>
    internal ResourceLimitException(string message) : base(message)
    {
        Limit = message;
    }

    /// <summary>The limit, e.g. <c>values in an IN list</c>.</summary>
    public string Limit { get; }

    /// <summary>What was asked for, or 0 when the message came from another node.</summary>
    public long Requested { get; }

    /// <summary>The configured maximum, or 0 when the message came from another node.</summary>
    public long Maximum { get; }
}
