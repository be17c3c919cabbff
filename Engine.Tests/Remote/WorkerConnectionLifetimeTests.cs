using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Schedulers.Remote.Wire;
using Engine.Schedulers.Remote.Worker;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Remote;

/// <summary>
/// A real worker bounds what one connection can hold: a logged-in connection that sends no frame is closed
/// after the idle timeout, and closing a connection stops its fragments while other connections are answered.
/// </summary>
[NonParallelizable]
public sealed class WorkerConnectionLifetimeTests
{
    private const string Data = "gen:trades:rows=200000:symbols=1";

    private string _secretFile = string.Empty;

    [OneTimeSetUp]
    public void WriteSecret() => _secretFile = RemoteTestSupport.WriteSecretFile();

    [OneTimeTearDown]
    public void DeleteSecret() => File.Delete(_secretFile);

    [Test]
    public async Task AuthenticatedConnectionSendingNothing_IsClosedAfterTheIdleTimeout()
    {
        using var worker = await WorkerProcess.StartAsync(["--idle-timeout", "1"], _secretFile, 1, Data);
        using var peer = await AuthenticatedPeer.ConnectAsync(worker.Endpoint);

        var closed = await ReceiveUntilClosedAsync(peer).WaitAsync(TimeSpan.FromMinutes(1));
        await worker.WaitForLogAsync("no complete frame within the idle timeout of 1 s");

        Assert.That(closed, Is.True, "the worker closed the idle connection");
    }

    [Test]
    public async Task ConnectionClosedMidFragment_StopsTheFragmentAndOtherConnectionsAreAnswered()
    {
        using var worker = await WorkerProcess.StartAsync(_secretFile, 1, Data);
        var catalog = Catalog();
        var fragment = AuthenticatedPeer.Fragment(catalog, "SELECT count(DISTINCT price), stddev_pop(price) FROM trades");
        var endless = fragment with { Scans = [.. Enumerable.Repeat(fragment.Scans[0], 5000)] };
        var closing = await AuthenticatedPeer.ConnectAsync(worker.Endpoint);
        await closing.SendAsync(new ExecuteMessage(endless));
        await worker.WaitForLogAsync($"fragment {endless.FragmentId} of query {ExecuteMessage.FormatQueryId(endless.QueryId)} started");

        closing.Dispose();
        await worker.WaitForLogAsync($"fragment {endless.FragmentId} of query {ExecuteMessage.FormatQueryId(endless.QueryId)} cancelled");
        using var scheduler = RemoteTestSupport.Scheduler([worker.Address], RemoteTestSupport.SecretBytes);
        var result = await RemoteTestSupport.Engine(catalog, scheduler).QueryAsync("SELECT count(*) FROM trades");

        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(200_000), "the worker's only slot was released for the next connection");
    }

    [Test]
    public void IdleTimeoutThatIsNotPositive_IsRefusedWhenTheWorkerIsCreated()
    {
        var catalog = Catalog();
        var options = new WorkerOptions { IdleTimeout = TimeSpan.Zero };

        Assert.That(() => new WorkerServer(options, catalog, catalog, NullLogger.Instance), Throws.TypeOf<ArgumentOutOfRangeException>());
    }

    private static async Task<bool> ReceiveUntilClosedAsync(ProtocolConnection connection)
    {
        try
        {
            while (await connection.ReceiveAsync() is not null)
            {
                // Heartbeats would be fine; the worker sends none on its own.
            }

            return true;
        }
        catch (IOException)
        {
            return true;
        }
    }

    private static InMemoryCatalog Catalog()
    {
        var catalog = new InMemoryCatalog();
        GeneratedDataSpec.Register(catalog, Data);
        return catalog;
    }
}
