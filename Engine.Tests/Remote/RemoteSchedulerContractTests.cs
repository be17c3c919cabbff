using Engine.Core.Catalog;
using Engine.Core.Execution;
using Engine.Schedulers.Remote.Coordinator;
using Engine.Tests.Schedulers;

namespace Engine.Tests.Remote;

/// <summary>The scheduler contract against two real worker processes holding the contract tables.</summary>
[NonParallelizable]
public sealed class RemoteSchedulerContractTests : SchedulerContractTests
{
    /// <summary>The generator specs of the contract catalog (same seed, sizes and batches, so the same partition ids).</summary>
    internal static readonly string[] ContractData = ["gen:trades:rows=60000:symbols=3:batch=7000", "gen:cpu:hosts=4:hours=48:batch=5000"];

    private readonly List<WorkerProcess> _workers = [];
    private string _secretFile = string.Empty;
    private RemoteQueryScheduler? _scheduler;

    protected override string ExpectedMode => RemoteQueryScheduler.Mode;

    [OneTimeSetUp]
    public async Task StartWorkers()
    {
        _secretFile = RemoteTestSupport.WriteSecretFile();
        var starts = new[] { WorkerProcess.StartAsync(_secretFile, 2, ContractData), WorkerProcess.StartAsync(_secretFile, 2, ContractData) };
        foreach (var start in starts)
        {
            _workers.Add(await start);
        }

        _scheduler = RemoteTestSupport.Scheduler(_workers.Select(w => w.Address), RemoteTestSupport.SecretBytes);
    }

    [OneTimeTearDown]
    public void StopWorkers()
    {
        _scheduler?.Dispose();
        foreach (var worker in _workers)
        {
            worker.Dispose();
        }

        File.Delete(_secretFile);
    }

    protected override QueryExecutor CreateEngine(InMemoryCatalog catalog) => RemoteTestSupport.Engine(catalog, _scheduler!);
}
