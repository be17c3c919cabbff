using System.Net;
using System.Net.Sockets;
using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Core.Functions;
using Engine.Schedulers.Remote.Security;
using Engine.Schedulers.Remote.Wire;
using Engine.Schedulers.Remote.Worker;
using Engine.Tests.Functions;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Remote;

/// <summary>A <see cref="WorkerServer"/> in-process: it survives bad peers, reports fragment errors, and stops cleanly.</summary>
public sealed class WorkerServerTests
{
    private static (WorkerServer Server, string Address, InMemoryCatalog Catalog) StartWorker(string data)
    {
        var catalog = new InMemoryCatalog();
        GeneratedDataSpec.Register(catalog, data);
        var server = new WorkerServer(
            new WorkerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Secret = RemoteTestSupport.SecretBytes, Threads = 2, ShutdownGrace = TimeSpan.FromSeconds(5) },
            catalog, catalog, NullLogger.Instance);
        return (server, server.Start().ToString(), catalog);
    }

    private static async Task<ProtocolConnection> ConnectAsync(string address)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPEndPoint.Parse(address));
        return new ProtocolConnection(socket);
    }

    private static async Task<IProtocolMessage?> ReceiveUntilClosedAsync(ProtocolConnection connection)
    {
        try
        {
            return await connection.ReceiveAsync();
        }
        catch (IOException)
        {
            return null;
        }
    }

    [Test]
    public async Task GarbageFromOnePeer_DropsThatPeerAndServesTheNext()
    {
        var (server, address, catalog) = StartWorker("gen:trades:rows=1000:symbols=2");
        using var stop = new CancellationTokenSource();
        var running = server.RunAsync(stop.Token);
        using (var socket = new Socket(SocketType.Stream, ProtocolType.Tcp))
        {
            await socket.ConnectAsync(IPEndPoint.Parse(address));
            await socket.SendAsync(new byte[] { 0, 0, 0, 3, 0xC1, 0xC1, 0xC1 });
            var buffer = new byte[4096];
            while (await socket.ReceiveAsync(buffer) > 0)
            {
                // Drain the Challenge and the Rejected until the worker closes.
            }
        }

        using var scheduler = RemoteTestSupport.Scheduler([address], RemoteTestSupport.SecretBytes);
        var result = await RemoteTestSupport.Engine(catalog, scheduler).QueryAsync("SELECT count(*) FROM trades");

        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(1000));
        Assert.That(server.PeersRejected, Is.EqualTo(1));
        await stop.CancelAsync();
        await running;
        await server.DisposeAsync();
    }

    [Test]
    public async Task PartitionTheWorkerDoesNotHave_FailsTheQueryAfterEveryAttemptWithTheWorkersError()
    {
        var (server, address, _) = StartWorker("gen:trades:rows=1000:symbols=2");
        using var stop = new CancellationTokenSource();
        var running = server.RunAsync(stop.Token);
        var coordinatorCatalog = new InMemoryCatalog();
        GeneratedDataSpec.Register(coordinatorCatalog, "gen:trades:rows=1000:symbols=4");
        using var scheduler = RemoteTestSupport.Scheduler([address], RemoteTestSupport.SecretBytes, maxAttempts: 2);

        var error = Assert.ThrowsAsync<RemoteWorkerException>(() =>
            RemoteTestSupport.Engine(coordinatorCatalog, scheduler).QueryAsync("SELECT count(*) FROM trades WHERE symbol = 'S0004'"));

        Assert.That(error!.Message, Does.Contain("failed on all 2 attempts").And.Contain("StorageException").And.Contain("mem://trades/3"));
        Assert.That(server.FragmentsFailed, Is.EqualTo(2));
        await stop.CancelAsync();
        await running;
        await server.DisposeAsync();
    }

    [Test]
    public async Task FragmentCallingAFunctionTheWorkerLacks_FailsTheQueryNamingTheFunction()
    {
        var (server, address, catalog) = StartWorker("gen:trades:rows=1000:symbols=2");
        using var stop = new CancellationTokenSource();
        var running = server.RunAsync(stop.Token);
        var functions = new FunctionRegistry([new ClampToFunction()], []);
        using var scheduler = RemoteTestSupport.Scheduler([address], RemoteTestSupport.SecretBytes);
        var engine = new QueryExecutor(catalog, catalog, scheduler, functions);

        var error = Assert.ThrowsAsync(Is.InstanceOf<EngineException>(), () => engine.QueryAsync("SELECT clamp_to(price, 1, 2) FROM trades"));

        Assert.That(error!.Message, Does.Contain("scalar function 'clamp_to'").And.Contain("this worker does not have it"));
        Assert.That(server.FragmentsFailed, Is.GreaterThanOrEqualTo(1));
        var healthy = await RemoteTestSupport.Engine(catalog, scheduler).QueryAsync("SELECT count(*) FROM trades");
        Assert.That(healthy.GetValue(0, 0).Int64Value, Is.EqualTo(1000), "the connection survives the rejected fragment");
        await stop.CancelAsync();
        await running;
        await server.DisposeAsync();
    }

    [Test]
    public async Task Stopping_ClosesAuthenticatedSessionsAndReturns()
    {
        var (server, address, _) = StartWorker("gen:trades:rows=1000:symbols=2");
        using var stop = new CancellationTokenSource();
        var running = server.RunAsync(stop.Token);
        using var peer = await ConnectAsync(address);
        var challenge = (ChallengeMessage)(await peer.ReceiveAsync())!;
        await peer.SendAsync(new HelloMessage("c", SessionAuthenticator.CreateCoordinatorProof(RemoteTestSupport.SecretBytes, challenge.Nonce.Span, SessionAuthenticator.CreateNonce())));
        Assert.That(await peer.ReceiveAsync(), Is.TypeOf<HelloOkMessage>());

        await stop.CancelAsync();
        await running;

        Assert.That(await ReceiveUntilClosedAsync(peer), Is.Null, "the worker closed the session");
        await server.DisposeAsync();
    }
}
