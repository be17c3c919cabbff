using Engine.Core.Errors;

namespace Engine.Schedulers.Remote.Wire;

/// <summary>
/// A well-formed Execute message whose fragment this worker cannot run (it names a function the worker
/// does not have): the worker answers that fragment with an error instead of dropping the connection.
/// </summary>
internal sealed class RejectedFragmentException(Guid queryId, int fragmentId, EngineException reason)
    : Exception(reason.Message, reason)
{
    /// <summary>The query of the rejected fragment.</summary>
    public Guid QueryId { get; } = queryId;

    /// <summary>The rejected fragment.</summary>
    public int FragmentId { get; } = fragmentId;

    /// <summary>Why it cannot run.</summary>
    public EngineException Reason { get; } = reason;
}
