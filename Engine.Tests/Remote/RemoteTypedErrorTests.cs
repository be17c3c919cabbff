using System.Net;
using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Engine.Cli;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Schedulers.Remote.Security;
using Engine.Schedulers.Remote.Wire;
using Engine.Schedulers.Remote.Worker;
using Engine.Tests.Support;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Engine.Tests.Remote;

/// <summary>
/// Worker errors travel as an enumerated code: the coordinator throws the type the local scheduler throws,
/// re-sends only what another worker may fix, and a peer of another protocol version is told so.
/// </summary>
[NonParallelizable]
public sealed class RemoteTypedErrorTests
{
    private const string Data = "gen:trades:rows=4000:symbols=2";

    private string _secretFile = string.Empty;

    [OneTimeSetUp]
    public void WriteSecret() => _secretFile = RemoteTestSupport.WriteSecretFile();

    [OneTimeTearDown]
    public void DeleteSecret() => File.Delete(_secretFile);

    [TestCase("SELECT sum(volume * 9223372036854775807) FROM trades", "Overflow in BIGINT arithmetic: ", TestName = "ArithmeticOverflow_OnAWorker_IsTheLocalQueryExecutionException")]
    [TestCase("SELECT sum(CAST(symbol AS BIGINT)) FROM trades", "Could not convert string 'S000", TestName = "FailedCast_OnAWorker_IsTheLocalQueryExecutionException")]
    public async Task ExecutionError_OnARealWorker_IsTheSameExceptionAsLocally(string sql, string message)
    {
        var catalog = Catalog(Data);
        using var worker = await WorkerProcess.StartAsync(_secretFile, 2, Data);
        using var scheduler = RemoteTestSupport.Scheduler([worker.Address], RemoteTestSupport.SecretBytes);
        var local = Assert.ThrowsAsync<QueryExecutionException>(() => TestEngines.Local(catalog).QueryAsync(sql));

        var remote = Assert.ThrowsAsync<QueryExecutionException>(() => RemoteTestSupport.Engine(catalog, scheduler).QueryAsync(sql));

        Assert.That(new[] { local!.Message, remote!.Message }, Has.All.StartsWith(message));
    }

    [Test]
    public async Task InternalErrorOnAWorker_IsNotRetriedAndTheWorkerLogsTheStackTrace()
    {
        var catalog = Catalog(Data);
        var logger = new RecordingLogger();
        var server = new WorkerServer(
            new WorkerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Secret = RemoteTestSupport.SecretBytes, Threads = 1 },
            catalog, new BrokenReader(), logger);
        var address = server.Start().ToString();
        using var stop = new CancellationTokenSource();
        var running = server.RunAsync(stop.Token);
        using var scheduler = RemoteTestSupport.Scheduler([address], RemoteTestSupport.SecretBytes, maxAttempts: 3);

        var error = Assert.ThrowsAsync<RemoteWorkerException>(() =>
            RemoteTestSupport.Engine(catalog, scheduler).QueryAsync("SELECT count(*) FROM trades WHERE symbol = 'S0001'"));

        Assert.That(error!.Message, Does.Contain("with an internal error: InvalidOperationException: the reader is broken (the worker logged the stack trace)")
            .And.Not.Contain(" at "));
        Assert.That(server.FragmentsReceived, Is.EqualTo(1), "an internal error is not re-sent");
        Assert.That(logger.Entries, Has.Some.Matches<(LogLevel Level, string Text, Exception? Exception)>(
            e => e.Level == LogLevel.Error && e.Exception is InvalidOperationException && e.Exception.StackTrace is not null));
        await stop.CancelAsync();
        await running;
        await server.DisposeAsync();
    }

    [Test]
    public void ErrorMessage_WithACodeThisVersionDoesNotKnow_ReadsAsInternal()
    {
        var payload = MessagePackTestHelpers.Encode(new object?[] { (long)MessageEnvelope.ProtocolVersion, (long)MessageType.Error, "q", 3L, 99L, "from the future" });

        Assert.That(ProtocolMessages.Read(payload), Is.EqualTo(new ErrorMessage("q", 3, ErrorCode.Internal, "from the future")));
    }

    [Test]
    public async Task CoordinatorMeetingAWorkerOfTheOldVersion_FailsNamingBothVersions()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var address = listener.LocalEndpoint.ToString()!;
        var oldWorker = Task.Run(async () =>
        {
            using var socket = await listener.AcceptSocketAsync();
            var challenge = MessagePackTestHelpers.Encode(new object?[] { 1L, (long)MessageType.Challenge, "old-worker", new byte[32] });
            await socket.SendAsync(Frame(challenge));
            var buffer = new byte[256];
            while (await socket.ReceiveAsync(buffer) > 0)
            {
                // Wait for the coordinator to hang up.
            }
        });
        using var scheduler = RemoteTestSupport.Scheduler([address], RemoteTestSupport.SecretBytes);

        var error = Assert.ThrowsAsync<RemoteWorkerException>(() => RemoteTestSupport.Engine(Catalog(Data), scheduler).QueryAsync("SELECT count(*) FROM trades"));

        Assert.That(error!.Message, Does.Contain("Unsupported protocol version 1; this node speaks version 2"));
        scheduler.Dispose();
        await oldWorker.WaitAsync(TimeSpan.FromMinutes(1));
    }

    [Test]
    public async Task WorkerMeetingACoordinatorOfTheOldVersion_RejectsItNamingBothVersions()
    {
        var catalog = Catalog(Data);
        var server = new WorkerServer(
            new WorkerOptions { Listen = new IPEndPoint(IPAddress.Loopback, 0), Secret = RemoteTestSupport.SecretBytes, Threads = 1 },
            catalog, catalog, NullLogger.Instance);
        var address = server.Start();
        using var stop = new CancellationTokenSource();
        var running = server.RunAsync(stop.Token);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(address);
        using var peer = new ProtocolConnection(socket);
        var challenge = (ChallengeMessage)(await peer.ReceiveAsync())!;
        var proof = SessionAuthenticator.CreateCoordinatorProof(RemoteTestSupport.SecretBytes, challenge.Nonce.Span, SessionAuthenticator.CreateNonce());
        await socket.SendAsync(Frame(MessagePackTestHelpers.Encode(new object?[] { 1L, (long)MessageType.Hello, "old-coordinator", proof })));

        var answer = await peer.ReceiveAsync();

        Assert.That(answer, Is.TypeOf<RejectedMessage>());
        Assert.That(((RejectedMessage)answer!).Reason, Does.Contain("Unsupported protocol version 1; this node speaks version 2"));
        await stop.CancelAsync();
        await running;
        await server.DisposeAsync();
    }

    private static byte[] Frame(byte[] payload)
    {
        var frame = new byte[4 + payload.Length];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(frame, (uint)payload.Length);
        payload.CopyTo(frame, 4);
        return frame;
    }

    private static InMemoryCatalog Catalog(string spec)
    {
        var catalog = new InMemoryCatalog();
        GeneratedDataSpec.Register(catalog, spec);
        return catalog;
    }

    /// <summary>A partition reader with a defect: every read throws an untyped exception.</summary>
    private sealed class BrokenReader : IPartitionReader
    {
        public async IAsyncEnumerable<ColumnBatch> ReadAsync(PartitionScan scan, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            await Task.Yield();
            yield return Fail();
        }

        private static ColumnBatch Fail() => throw new InvalidOperationException("the reader is broken");
    }
}
