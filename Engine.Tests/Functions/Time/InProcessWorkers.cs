using System.Net;
using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Schedulers.Remote.Worker;
using Engine.Tests.Remote;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Functions.Time;

/// <summary>In-process remote workers on loopback, each holding the same generated data; stopped and disposed together.</summary>
internal sealed class InProcessWorkers : IAsyncDisposable
{
    private readonly List<(WorkerServer Server, Task Running)> _workers = [];
    private readonly CancellationTokenSource _stop = new();

    private InProcessWorkers()
    {
    }

    /// <summary>The workers' addresses, host:port.</summary>
    public List<string> Addresses { get; } = [];

    /// <summary>Starts <paramref name="count"/> workers over the generated data set <paramref name="data"/> (a <c>gen:</c> spec).</summary>
    public static InProcessWorkers Start(int count, string data)
    {
        var workers = new InProcessWorkers();
        for (var w = 0; w < count; w++)
        {
            var catalog = new InMemoryCatalog();
            GeneratedDataSpec.Register(catalog, data);
            var server = new WorkerServer(
                new WorkerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Secret = RemoteTestSupport.SecretBytes, Threads = 2, ShutdownGrace = TimeSpan.FromSeconds(5) },
                catalog, catalog, NullLogger.Instance);
            workers.Addresses.Add(server.Start().ToString());
            workers._workers.Add((server, server.RunAsync(workers._stop.Token)));
        }

        return workers;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        foreach (var (server, running) in _workers)
        {
            await running;
            await server.DisposeAsync();
        }

        _stop.Dispose();
    }
}
