using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Schedulers.Remote.Coordinator;

namespace Engine.Tests.Remote;

/// <summary>
/// Two real worker processes serving <see cref="RemoteSchedulerContractTests.ContractData"/>, a remote
/// scheduler over them, and the coordinator's own copy of the same data (registered from the same specs,
/// so partition ids and identities agree). A test class starts one in its one-time set-up and disposes it
/// in its tear-down; not thread-safe.
/// </summary>
internal sealed class ContractWorkers : IDisposable
{
    private readonly List<WorkerProcess> _workers;
    private readonly string _secretFile;

    private ContractWorkers(List<WorkerProcess> workers, string secretFile, InMemoryCatalog catalog)
    {
        _workers = workers;
        _secretFile = secretFile;
        Catalog = catalog;
        Scheduler = RemoteTestSupport.Scheduler(workers.Select(w => w.Address), RemoteTestSupport.SecretBytes);
    }

    /// <summary>The coordinator's copy of the workers' data.</summary>
    public InMemoryCatalog Catalog { get; }

    /// <summary>The remote scheduler over both workers.</summary>
    public RemoteQueryScheduler Scheduler { get; }

    /// <summary>Starts both workers (with two threads each) and waits until they listen.</summary>
    public static async Task<ContractWorkers> StartAsync()
    {
        var catalog = new InMemoryCatalog();
        foreach (var spec in RemoteSchedulerContractTests.ContractData)
        {
            GeneratedDataSpec.Register(catalog, spec);
        }

        var secretFile = RemoteTestSupport.WriteSecretFile();
        var starts = new[]
        {
            WorkerProcess.StartAsync(secretFile, 2, RemoteSchedulerContractTests.ContractData),
            WorkerProcess.StartAsync(secretFile, 2, RemoteSchedulerContractTests.ContractData),
        };
        var workers = new List<WorkerProcess>();
        foreach (var start in starts)
        {
            workers.Add(await start);
        }

        return new ContractWorkers(workers, secretFile, catalog);
    }

    /// <summary>An executor that plans against <see cref="Catalog"/> and runs on the workers.</summary>
    public QueryExecutor RemoteEngine() => RemoteTestSupport.Engine(Catalog, Scheduler);

    /// <summary>Stops the scheduler and both worker processes and deletes the secret file.</summary>
    public void Dispose()
    {
        Scheduler.Dispose();
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }

        File.Delete(_secretFile);
    }
}
