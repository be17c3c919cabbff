using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Engine.Schedulers.Remote.Security;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Tests.Remote;

/// <summary>
/// An in-process worker on loopback that speaks the handshake and then misbehaves as told: stays silent,
/// stalls every fragment, or crashes when a fragment arrives. Records what it received.
/// </summary>
internal sealed class FakeWorker : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly FakeWorkerBehaviour _behaviour;
    private readonly byte[]? _secret;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentBag<Socket> _sockets = [];
    private readonly Task _accepting;
    private int _executes;

    public FakeWorker(FakeWorkerBehaviour behaviour, byte[]? secret)
    {
        _behaviour = behaviour;
        _secret = secret;
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public string Address => _listener.LocalEndpoint.ToString()!;

    public int ExecutesReceived => Volatile.Read(ref _executes);

    public TaskCompletionSource FirstExecute { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<string> CancelledQueries { get; } = new();

    public TaskCompletionSource FirstCancel { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        foreach (var socket in _sockets)
        {
            socket.Dispose();
        }

        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _sockets.Add(socket);
            if (_behaviour != FakeWorkerBehaviour.SilentAtHandshake)
            {
                _ = ServeAsync(new ProtocolConnection(socket));
            }
        }
    }

    private async Task ServeAsync(ProtocolConnection connection)
    {
        try
        {
            var nonce = SessionAuthenticator.CreateNonce();
            await connection.SendAsync(new ChallengeMessage("fake", nonce), _stop.Token);
            var hello = (HelloMessage)(await connection.ReceiveAsync(_stop.Token))!;
            byte[] proof = [];
            if (_secret is not null && SessionAuthenticator.TryVerifyCoordinatorProof(_secret, nonce, hello.AuthProof.Span, out var coordinatorNonce))
            {
                proof = SessionAuthenticator.CreateWorkerProof(_secret, nonce, coordinatorNonce);
            }

            if (_behaviour == FakeWorkerBehaviour.WrongProof)
            {
                proof = new byte[32];
            }

            await connection.SendAsync(new HelloOkMessage("fake", 2, proof), _stop.Token);
            while (await connection.ReceiveAsync(_stop.Token) is { } message)
            {
                switch (message)
                {
                    case ExecuteMessage:
                        Interlocked.Increment(ref _executes);
                        FirstExecute.TrySetResult();
                        if (_behaviour == FakeWorkerBehaviour.CrashOnExecute)
                        {
                            connection.Close();
                            return;
                        }

                        break;
                    case PingMessage ping:
                        await connection.SendAsync(new PongMessage(ping.Sequence), _stop.Token);
                        break;
                    case CancelMessage cancel:
                        CancelledQueries.Enqueue(cancel.QueryId);
                        FirstCancel.TrySetResult();
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is ProtocolException or IOException or SocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The coordinator went away or the fake was stopped.
        }
        finally
        {
            connection.Close();
        }
    }
}
