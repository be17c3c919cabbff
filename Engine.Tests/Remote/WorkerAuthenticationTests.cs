using System.Net;
using System.Net.Sockets;
using System.Text;
using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Core.Errors;
using Engine.Core.Planning;
using Engine.Core.Sql;
using Engine.Schedulers.Remote.Security;
using Engine.Schedulers.Remote.Wire;
using Engine.Schedulers.Remote.Worker;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Remote;

/// <summary>
/// The handshake against a real <see cref="WorkerServer"/> on loopback: only a peer that proves it knows the
/// secret gets to run anything, and the worker's counters show that nothing else was read or executed.
/// </summary>
public sealed class WorkerAuthenticationTests
{
    private const string Data = "gen:trades:rows=2000:symbols=2";
    private InMemoryCatalog _catalog = null!;
    private WorkerServer _server = null!;
    private CancellationTokenSource _stop = null!;
    private Task _running = null!;
    private string _address = string.Empty;

    [SetUp]
    public void StartWorker()
    {
        _catalog = new InMemoryCatalog();
        GeneratedDataSpec.Register(_catalog, Data);
        _server = new WorkerServer(
            new WorkerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), NodeName = "w", Secret = RemoteTestSupport.SecretBytes, Threads = 2 },
            _catalog, _catalog, NullLogger.Instance);
        _address = _server.Start().ToString();
        _stop = new CancellationTokenSource();
        _running = _server.RunAsync(_stop.Token);
    }

    [TearDown]
    public async Task StopWorker()
    {
        await _stop.CancelAsync();
        await _running;
        await _server.DisposeAsync();
        _stop.Dispose();
    }

    [Test]
    public async Task RightSecret_QueryRunsOnTheWorker()
    {
        using var scheduler = RemoteTestSupport.Scheduler([_address], RemoteTestSupport.SecretBytes);

        var result = await RemoteTestSupport.Engine(_catalog, scheduler).QueryAsync("SELECT count(*) FROM trades");

        Assert.That(result.GetValue(0, 0).Int64Value, Is.EqualTo(2000));
        Assert.That(_server.FragmentsReceived, Is.EqualTo(2));
    }

    [Test]
    public void WrongSecret_IsRejectedAndNothingRuns()
    {
        using var scheduler = RemoteTestSupport.Scheduler([_address], Encoding.UTF8.GetBytes("a-different-secret-of-enough-length"));

        var error = Assert.ThrowsAsync<RemoteWorkerException>(() => RemoteTestSupport.Engine(_catalog, scheduler).QueryAsync("SELECT count(*) FROM trades"));

        Assert.That(error!.Message, Does.Contain("rejected the connection: authentication failed for node 'test-coordinator'"));
        Assert.That(_server.PeersRejected, Is.EqualTo(1));
        Assert.That(_server.FragmentsReceived, Is.Zero);
    }

    [Test]
    public void NoSecret_IsRejectedAndNothingRuns()
    {
        using var scheduler = RemoteTestSupport.Scheduler([_address], secret: null);

        Assert.ThrowsAsync<RemoteWorkerException>(() => RemoteTestSupport.Engine(_catalog, scheduler).QueryAsync("SELECT count(*) FROM trades"));

        Assert.That(_server.PeersRejected, Is.EqualTo(1));
        Assert.That(_server.FragmentsReceived, Is.Zero);
    }

    [Test]
    public async Task ReplayedHello_IsRejectedAndTheFollowingExecuteIsNeverRead()
    {
        HelloMessage recorded;
        using (var first = await ConnectAsync())
        {
            var challenge = (ChallengeMessage)(await first.ReceiveAsync())!;
            var proof = SessionAuthenticator.CreateCoordinatorProof(RemoteTestSupport.SecretBytes, challenge.Nonce.Span, SessionAuthenticator.CreateNonce());
            recorded = new HelloMessage("eavesdropped", proof);
            await first.SendAsync(recorded);
            Assert.That(await first.ReceiveAsync(), Is.TypeOf<HelloOkMessage>(), "the original handshake succeeds");
        }

        using var replay = await ConnectAsync();
        await replay.ReceiveAsync();
        await replay.SendAsync(recorded);
        await replay.SendAsync(new ExecuteMessage(Fragment()));

        var answer = await replay.ReceiveAsync();
        Assert.That(answer, Is.EqualTo(new RejectedMessage("authentication failed for node 'eavesdropped'")));
        Assert.That(await ReceiveUntilClosedAsync(replay), Is.Null, "the worker closes the connection");
        Assert.That(_server.PeersRejected, Is.EqualTo(1));
        Assert.That(_server.FragmentsReceived, Is.Zero);
    }

    [Test]
    public async Task ExecuteInsteadOfHello_IsRejectedAndNotExecuted()
    {
        using var peer = await ConnectAsync();
        await peer.ReceiveAsync();

        await peer.SendAsync(new ExecuteMessage(Fragment()));

        Assert.That(await peer.ReceiveAsync(), Is.EqualTo(new RejectedMessage("expected Hello, got Execute")));
        Assert.That(_server.FragmentsReceived, Is.Zero);
    }

    [Test]
    public async Task AuthenticatedPeer_PingIsAnsweredWithPong()
    {
        using var peer = await ConnectAsync();
        var challenge = (ChallengeMessage)(await peer.ReceiveAsync())!;
        var nonce = SessionAuthenticator.CreateNonce();
        await peer.SendAsync(new HelloMessage("c", SessionAuthenticator.CreateCoordinatorProof(RemoteTestSupport.SecretBytes, challenge.Nonce.Span, nonce)));
        var ok = (HelloOkMessage)(await peer.ReceiveAsync())!;
        Assert.That(SessionAuthenticator.VerifyWorkerProof(RemoteTestSupport.SecretBytes, challenge.Nonce.Span, nonce, ok.AuthProof.Span), Is.True);

        await peer.SendAsync(new PingMessage(77));

        Assert.That(await peer.ReceiveAsync(), Is.EqualTo(new PongMessage(77)));
    }

    [Test]
    public async Task WorkerThatCannotProveTheSecret_IsRefusedByTheCoordinator()
    {
        await using var impostor = new FakeWorker(FakeWorkerBehaviour.WrongProof, RemoteTestSupport.SecretBytes);
        using var scheduler = RemoteTestSupport.Scheduler([impostor.Address], RemoteTestSupport.SecretBytes);

        var error = Assert.ThrowsAsync<RemoteWorkerException>(() => RemoteTestSupport.Engine(_catalog, scheduler).QueryAsync("SELECT count(*) FROM trades"));

        Assert.That(error!.Message, Does.Contain("the worker could not prove it knows the shared secret"));
        Assert.That(impostor.ExecutesReceived, Is.Zero);
    }

    private async Task<ProtocolConnection> ConnectAsync()
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(IPEndPoint.Parse(_address));
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

    private QueryFragment Fragment()
    {
        const string sql = "SELECT count(*) FROM trades";
        return QueryPlanner.Plan(Binder.Bind(sql, SqlParser.Parse(sql), _catalog), Guid.NewGuid()).Fragments[0];
    }
}
