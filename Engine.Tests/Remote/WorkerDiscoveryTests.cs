using System.Net;
using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Schedulers.Remote.Coordinator;
using Engine.Schedulers.Remote.Worker;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Remote;

/// <summary>Workers named by DNS (<c>dns:NAME:PORT</c>): the pool follows the name's answers without a restart, through an injected resolver.</summary>
public sealed class WorkerDiscoveryTests
{
    private const string Data = "gen:trades:rows=20000:symbols=4:batch=5000";
    private const string Sql = "SELECT symbol, count(*), sum(volume) FROM trades GROUP BY symbol ORDER BY symbol";
    private static readonly WorkerEndpoint s_name = new("workers.engine.svc", 7400);

    [Test]
    public async Task NameThatGainsAWorker_NextQueryRunsOnBoth()
    {
        await using var first = StartWorker();
        await using var second = StartWorker();
        var resolver = new ScriptedResolver(first.Endpoint);
        using var scheduler = Scheduler(resolver, TimeSpan.Zero);
        var engine = RemoteTestSupport.Engine(Catalog(), scheduler);

        var before = await engine.QueryAsync(Sql);
        resolver.Answer(first.Endpoint, second.Endpoint);
        var after = await engine.QueryAsync(Sql);

        Assert.That(before.Statistics.ModeReason, Does.Contain("of 1 worker(s)"));
        Assert.That(after.Statistics.ModeReason, Does.Contain("on 2 of 2 worker(s)"));
        await AssertSameAsLocal(after);
    }

    [Test]
    public async Task NameThatLosesAWorker_NextQueryRunsOnTheRestOnly()
    {
        await using var first = StartWorker();
        await using var second = StartWorker();
        var resolver = new ScriptedResolver(first.Endpoint, second.Endpoint);
        using var scheduler = Scheduler(resolver, TimeSpan.Zero);
        var engine = RemoteTestSupport.Engine(Catalog(), scheduler);

        await engine.QueryAsync(Sql);
        var sentToFirst = first.Server.FragmentsReceived;
        resolver.Answer(second.Endpoint);
        var after = await engine.QueryAsync(Sql);

        Assert.That(after.Statistics.ModeReason, Does.Contain("on 1 of 1 worker(s)"));
        Assert.That(first.Server.FragmentsReceived, Is.EqualTo(sentToFirst));
        Assert.That(after.Statistics.Details, Has.All.Contain(second.Endpoint.ToString()));
        await AssertSameAsLocal(after);
    }

    [Test]
    public async Task AnswerYoungerThanTheRefreshInterval_IsNotAskedAgain()
    {
        await using var worker = StartWorker();
        var resolver = new ScriptedResolver(worker.Endpoint);
        using var scheduler = Scheduler(resolver, TimeSpan.FromHours(1));
        var engine = RemoteTestSupport.Engine(Catalog(), scheduler);

        await engine.QueryAsync(Sql);
        await engine.QueryAsync(Sql);

        Assert.That(resolver.Calls, Is.EqualTo(1));
    }

    [Test]
    public async Task NameThatStopsResolving_KeepsTheWorkersOfItsLastAnswer()
    {
        await using var worker = StartWorker();
        var resolver = new ScriptedResolver(worker.Endpoint);
        using var scheduler = Scheduler(resolver, TimeSpan.Zero);
        var engine = RemoteTestSupport.Engine(Catalog(), scheduler);

        await engine.QueryAsync(Sql);
        resolver.Fail("server failure");
        var after = await engine.QueryAsync(Sql);

        Assert.That(resolver.Calls, Is.EqualTo(2));
        await AssertSameAsLocal(after);
    }

    [Test]
    public void NameThatNeverResolves_FailsTheQueryNamingItAndWhy()
    {
        var resolver = new ScriptedResolver();
        resolver.Fail("no such host");
        using var scheduler = Scheduler(resolver, TimeSpan.Zero);

        var error = Assert.ThrowsAsync<RemoteWorkerException>(() => RemoteTestSupport.Engine(Catalog(), scheduler).QueryAsync(Sql));

        Assert.That(error!.Message, Does.Contain("dns:workers.engine.svc:7400 could not be resolved: no such host"));
    }

    [Test]
    public void NameWithNoAddress_FailsTheQuerySayingSo()
    {
        using var scheduler = Scheduler(new ScriptedResolver(), TimeSpan.Zero);

        var error = Assert.ThrowsAsync<RemoteWorkerException>(() => RemoteTestSupport.Engine(Catalog(), scheduler).QueryAsync(Sql));

        Assert.That(error!.Message, Does.Contain("dns:workers.engine.svc:7400 resolved to no address"));
    }

    [Test]
    public async Task QueryThatFoundNoLiveWorker_MakesTheNextOneResolveAtOnce()
    {
        await using var worker = StartWorker();
        var resolver = new ScriptedResolver(WorkerEndpoint.Parse(RemoteTestSupport.ClosedAddress(), "test"));
        using var scheduler = Scheduler(resolver, TimeSpan.FromHours(1));
        var engine = RemoteTestSupport.Engine(Catalog(), scheduler);

        Assert.ThrowsAsync<RemoteWorkerException>(() => engine.QueryAsync(Sql));
        resolver.Answer(worker.Endpoint);
        var after = await engine.QueryAsync(Sql);

        Assert.That(resolver.Calls, Is.EqualTo(2));
        await AssertSameAsLocal(after);
    }

    [Test]
    public async Task ConfiguredWorkerAlsoInTheAnswer_IsOneWorker()
    {
        await using var worker = StartWorker();
        var resolver = new ScriptedResolver(worker.Endpoint);
        using var scheduler = new RemoteQueryScheduler(Options(resolver, TimeSpan.Zero, [worker.Endpoint]));

        var result = await RemoteTestSupport.Engine(Catalog(), scheduler).QueryAsync(Sql);

        Assert.That(result.Statistics.ModeReason, Does.Contain("on 1 of 1 worker(s)"));
    }

    [Test]
    public async Task DnsResolver_ResolvesLocalhostToLoopbackKeepingTheNameForTls()
    {
        var endpoints = await DnsWorkerResolver.Instance.ResolveAsync(new WorkerEndpoint("localhost", 7400), CancellationToken.None);

        Assert.That(endpoints, Has.Some.EqualTo(new WorkerEndpoint("127.0.0.1", 7400) { ServerName = "localhost" }));
    }

    private static RemoteQueryScheduler Scheduler(IWorkerResolver resolver, TimeSpan refresh) => new(Options(resolver, refresh));

    private static RemoteSchedulerOptions Options(IWorkerResolver resolver, TimeSpan refresh, WorkerEndpoint[]? workers = null) => new()
    {
        Workers = workers ?? [],
        WorkerNames = [s_name],
        WorkerRefreshInterval = refresh,
        Resolver = resolver,
        Secret = RemoteTestSupport.SecretBytes,
        HeartbeatInterval = TimeSpan.FromMilliseconds(500),
        ConnectTimeout = TimeSpan.FromSeconds(2),
        NodeName = "test-coordinator",
    };

    private static InMemoryCatalog Catalog()
    {
        var catalog = new InMemoryCatalog();
        GeneratedDataSpec.Register(catalog, Data);
        return catalog;
    }

    private static async Task AssertSameAsLocal(QueryResult result)
    {
        var expected = await Support.TestEngines.Local(Catalog()).QueryAsync(Sql);
        Support.ResultAssert.Equivalent(expected, result, ordered: true, Sql);
    }

    private static RunningWorker StartWorker()
    {
        var catalog = Catalog();
        var server = new WorkerServer(
            new WorkerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Secret = RemoteTestSupport.SecretBytes, Threads = 2, ShutdownGrace = TimeSpan.FromSeconds(5) },
            catalog, catalog, NullLogger.Instance);
        var address = server.Start();
        var stop = new CancellationTokenSource();
        return new RunningWorker(server, server.RunAsync(stop.Token), stop, new WorkerEndpoint(address.Address.ToString(), address.Port));
    }

    private sealed record RunningWorker(WorkerServer Server, Task Running, CancellationTokenSource Stop, WorkerEndpoint Endpoint) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await Stop.CancelAsync();
            await Running;
            await Server.DisposeAsync();
            Stop.Dispose();
        }
    }

    /// <summary>A resolver whose answer the test sets; counts how often it is asked.</summary>
    private sealed class ScriptedResolver(params WorkerEndpoint[] answer) : IWorkerResolver
    {
        private WorkerEndpoint[] _answer = answer;
        private string? _failure;
        private int _calls;

        public int Calls => Volatile.Read(ref _calls);

        public void Answer(params WorkerEndpoint[] answer)
        {
            _answer = answer;
            _failure = null;
        }

        public void Fail(string reason) => _failure = reason;

        public ValueTask<IReadOnlyList<WorkerEndpoint>> ResolveAsync(WorkerEndpoint name, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref _calls);
            return _failure is { } reason
                ? throw new WorkerResolutionException(name, reason)
                : ValueTask.FromResult<IReadOnlyList<WorkerEndpoint>>(_answer);
        }
    }
}
