namespace Engine.Schedulers.Remote.Coordinator;

/// <summary>
/// Turns a worker name from the configuration (<c>dns:NAME:PORT</c>) into the addresses of the workers it
/// stands for. The remote scheduler calls it at the start of a query when the last answer is older than
/// <see cref="RemoteSchedulerOptions.WorkerRefreshInterval"/>, never concurrently with itself for one
/// scheduler. The default is <see cref="DnsWorkerResolver"/>; tests and hosts with their own discovery inject
/// another through <see cref="RemoteSchedulerOptions.Resolver"/>.
/// </summary>
public interface IWorkerResolver
{
    /// <summary>
    /// Resolves <paramref name="name"/> (its <see cref="WorkerEndpoint.Host"/> is the name to look up, its
    /// <see cref="WorkerEndpoint.Port"/> the workers' port).
    /// </summary>
    /// <returns>The workers' endpoints, possibly none; the scheduler orders and de-duplicates them.</returns>
    /// <exception cref="WorkerResolutionException">The name cannot be resolved now; the scheduler keeps the workers of the last answer.</exception>
    ValueTask<IReadOnlyList<WorkerEndpoint>> ResolveAsync(WorkerEndpoint name, CancellationToken cancellationToken);
}
