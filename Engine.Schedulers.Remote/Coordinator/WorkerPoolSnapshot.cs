namespace Engine.Schedulers.Remote.Coordinator;

/// <summary>The workers one query runs on, as <see cref="WorkerPool.ConnectAsync"/> found them; the lists are aligned by worker index.</summary>
/// <param name="Members">The workers, in affinity order.</param>
/// <param name="Connections">Each worker's connection, or <see langword="null"/> when connecting failed.</param>
/// <param name="ConnectFailures">Why connecting to each worker failed, where it did.</param>
/// <param name="NameProblems">Worker names that failed to resolve or resolved to no address, with why.</param>
internal sealed record WorkerPoolSnapshot(
    IReadOnlyList<WorkerEndpoint> Members,
    IReadOnlyList<WorkerConnection?> Connections,
    IReadOnlyList<string?> ConnectFailures,
    IReadOnlyList<string> NameProblems);
