using Engine.Core.Errors;

namespace Engine.Schedulers.Remote.Coordinator;

/// <summary>A worker name (<c>dns:NAME:PORT</c>) could not be resolved; thrown by an <see cref="IWorkerResolver"/>.</summary>
public sealed class WorkerResolutionException : EngineException
{
    /// <summary>Creates the error for <paramref name="name"/> with the resolver's reason.</summary>
    public WorkerResolutionException(WorkerEndpoint name, string reason, Exception? inner = null)
        : base($"Worker name dns:{name} could not be resolved: {reason}", inner)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>The name that failed to resolve.</summary>
    public WorkerEndpoint Name { get; }
}
