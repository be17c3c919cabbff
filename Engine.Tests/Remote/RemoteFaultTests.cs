using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Tests.Support;

namespace Engine.Tests.Remote;

/// <summary>Worker failures during a query: the answer stays right while a worker is left, and the error names every worker when none is.</summary>
[NonParallelizable]
public sealed class RemoteFaultTests
{
    private const string Data = "gen:trades:rows=40000:symbols=6:batch=5000";
    private const string Query = "SELECT symbol, count(*), sum(volume), avg(price), count(DISTINCT volume) FROM trades GROUP BY symbol";

    private static readonly Lazy<InMemoryCatalog> s_catalog = new(() => Catalog(Data));

    private string _secretFile = string.Empty;

    [OneTimeSetUp]
    public void WriteSecret() => _secretFile = RemoteTestSupport.WriteSecretFile();

    [OneTimeTearDown]
    public void DeleteSecret() => File.Delete(_secretFile);

    [Test]
    public async Task WorkerKilledMidQuery_TheOtherWorkerFinishesWithTheRightAnswer()
    {
        const string big = "gen:trades:rows=600000:symbols=4";
        const string sql = "SELECT symbol, count(*), count(DISTINCT price), stddev_pop(price) FROM trades GROUP BY symbol";
        var starting = new[] { WorkerProcess.StartAsync(_secretFile, 1, big), WorkerProcess.StartAsync(_secretFile, 1, big) };
        var catalog = Catalog(big);
        using var victim = await starting[0];
        using var survivor = await starting[1];
        using var scheduler = RemoteTestSupport.Scheduler([victim.Address, survivor.Address], RemoteTestSupport.SecretBytes);

        var query = RemoteTestSupport.Engine(catalog, scheduler).QueryAsync(sql);
        await victim.WaitForLogAsync("started");
        victim.Kill();
        var result = await query;

        var expected = await TestEngines.Local(catalog).QueryAsync(sql);
        ResultAssert.Equivalent(expected, result, ordered: false, sql);
        Assert.That(victim.HasExited, Is.True);
    }

    [Test]
    public async Task WorkerCrashingWithAFragmentInFlight_FragmentIsResentAndTheAnswerIsRight()
    {
        await using var crashing = new FakeWorker(FakeWorkerBehaviour.CrashOnExecute, RemoteTestSupport.SecretBytes);
        using var real = await WorkerProcess.StartAsync(_secretFile, 2, Data);
        using var scheduler = RemoteTestSupport.Scheduler([crashing.Address, real.Address], RemoteTestSupport.SecretBytes);

        var result = await RemoteTestSupport.Engine(s_catalog.Value, scheduler).QueryAsync(Query);

        await AssertSameAsLocal(result);
        Assert.That(crashing.ExecutesReceived, Is.EqualTo(1), "the fake crashed on the first fragment it was sent");
    }

    [Test]
    public async Task StalledWorker_FragmentTimesOutAndIsResent()
    {
        await using var stalled = new FakeWorker(FakeWorkerBehaviour.StallExecutes, RemoteTestSupport.SecretBytes);
        using var real = await WorkerProcess.StartAsync(_secretFile, 2, Data);
        using var scheduler = RemoteTestSupport.Scheduler([stalled.Address, real.Address], RemoteTestSupport.SecretBytes, fragmentTimeout: TimeSpan.FromSeconds(1));

        var result = await RemoteTestSupport.Engine(s_catalog.Value, scheduler).QueryAsync(Query);

        await AssertSameAsLocal(result);
        Assert.That(stalled.ExecutesReceived, Is.GreaterThanOrEqualTo(1), "the stalled worker was sent work before it timed out");
    }

    [Test]
    public async Task WorkerSilentDuringTheHandshake_IsSkippedAndTheAnswerIsRight()
    {
        await using var silent = new FakeWorker(FakeWorkerBehaviour.SilentAtHandshake, RemoteTestSupport.SecretBytes);
        using var real = await WorkerProcess.StartAsync(_secretFile, 2, Data);
        using var scheduler = RemoteTestSupport.Scheduler([silent.Address, real.Address], RemoteTestSupport.SecretBytes);

        var result = await RemoteTestSupport.Engine(s_catalog.Value, scheduler).QueryAsync(Query);

        await AssertSameAsLocal(result);
        Assert.That(result.Statistics.ModeReason, Does.Contain("on 1 of 2 worker(s)"));
    }

    [Test]
    public async Task AllWorkersDead_ErrorNamesEveryWorkerAndWhy()
    {
        await using var crashing = new FakeWorker(FakeWorkerBehaviour.CrashOnExecute, RemoteTestSupport.SecretBytes);
        var closed = RemoteTestSupport.ClosedAddress();
        using var scheduler = RemoteTestSupport.Scheduler([crashing.Address, closed], RemoteTestSupport.SecretBytes);

        var error = Assert.ThrowsAsync<RemoteWorkerException>(() => RemoteTestSupport.Engine(s_catalog.Value, scheduler).QueryAsync(Query));

        Assert.That(error!.Message, Does.StartWith("No live worker is left")
            .And.Contain($"worker {crashing.Address}: the worker closed the connection")
            .And.Contain($"worker {closed}: "));
    }

    [Test]
    public async Task WorkerRestartedDuringARun_RejoinsAndTakesFragmentsAgain()
    {
        var first = await WorkerProcess.StartAsync(_secretFile, 2, Data);
        using var second = await WorkerProcess.StartAsync(_secretFile, 2, Data);
        var address = first.Address;
        using var scheduler = RemoteTestSupport.Scheduler([address, second.Address], RemoteTestSupport.SecretBytes);
        var engine = RemoteTestSupport.Engine(s_catalog.Value, scheduler);
        await engine.QueryAsync(Query);

        first.Kill();
        first.Dispose();
        var whileDown = await engine.QueryAsync(Query);
        var ranOnIt = $@"^fragment \d+: \S+ \({System.Text.RegularExpressions.Regex.Escape(address)}\),";
        Assert.That(whileDown.Statistics.Details, Has.None.Match(ranOnIt), "the stopped worker completes nothing");

        using var restarted = await WorkerProcess.StartOnAsync(address, [], _secretFile, 2, Data);
        var afterRestart = await engine.QueryAsync(Query);

        await AssertSameAsLocal(afterRestart);
        Assert.That(afterRestart.Statistics.Details, Has.Some.Match(ranOnIt), "the restarted worker takes its fragments again");
    }

    [Test]
    public async Task WorkerKilledBetweenQueries_NextQueryRunsOnTheRest()
    {
        using var first = await WorkerProcess.StartAsync(_secretFile, 2, Data);
        using var second = await WorkerProcess.StartAsync(_secretFile, 2, Data);
        using var scheduler = RemoteTestSupport.Scheduler([first.Address, second.Address], RemoteTestSupport.SecretBytes);
        var engine = RemoteTestSupport.Engine(s_catalog.Value, scheduler);
        await engine.QueryAsync(Query);

        first.Kill();
        var result = await engine.QueryAsync(Query);

        await AssertSameAsLocal(result);
    }

    [Test]
    public async Task CancelledQuery_ThrowsAndSendsCancelToTheWorker()
    {
        await using var stalled = new FakeWorker(FakeWorkerBehaviour.StallExecutes, RemoteTestSupport.SecretBytes);
        using var scheduler = RemoteTestSupport.Scheduler([stalled.Address], RemoteTestSupport.SecretBytes);
        using var cancellation = new CancellationTokenSource();

        var query = RemoteTestSupport.Engine(s_catalog.Value, scheduler).QueryAsync(Query, cancellation.Token);
        await stalled.FirstExecute.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await cancellation.CancelAsync();

        Assert.That(async () => await query, Throws.InstanceOf<OperationCanceledException>());
        await stalled.FirstCancel.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.That(stalled.CancelledQueries, Has.Count.EqualTo(1));
    }

    private static InMemoryCatalog Catalog(string spec)
    {
        var catalog = new InMemoryCatalog();
        GeneratedDataSpec.Register(catalog, spec);
        return catalog;
    }

    private static async Task AssertSameAsLocal(Core.Execution.QueryResult actual)
    {
        var expected = await TestEngines.Local(s_catalog.Value).QueryAsync(Query);
        ResultAssert.Equivalent(expected, actual, ordered: false, Query);
    }
}
