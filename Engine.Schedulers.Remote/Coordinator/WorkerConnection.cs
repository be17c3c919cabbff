using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using Engine.Core.Errors;
using Engine.Core.Planning;
using Engine.Schedulers.Remote.Security;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Schedulers.Remote.Coordinator;

/// <summary>
/// The coordinator's persistent, authenticated connection to one worker. A read loop matches Result and Error
/// messages to the fragments waiting for them; a heartbeat loop sends Pings and declares the worker lost when
/// nothing has been heard for the heartbeat timeout. Any failure (connection lost, protocol error, missed
/// heartbeat, fragment timeout) closes the connection for good: every waiting fragment fails with
/// <see cref="RemoteWorkerException"/> naming the worker and the cause, and the connection is never reused.
/// Thread-safe: many fragments of many queries may be in flight at once.
/// </summary>
internal sealed class WorkerConnection : IDisposable
{
    private readonly ProtocolConnection _connection;
    private readonly RemoteSchedulerOptions _options;
    private readonly ConcurrentDictionary<(string QueryId, int FragmentId), TaskCompletionSource<FragmentOutcome>> _pending = new();
    private readonly CancellationTokenSource _lifetime = new();
    private long _lastHeard = Stopwatch.GetTimestamp();
    private long _pingSequence;
    private string? _failure;

    private WorkerConnection(WorkerEndpoint endpoint, string name, int maxConcurrency, ProtocolConnection connection, RemoteSchedulerOptions options)
    {
        Endpoint = endpoint;
        Name = name;
        MaxConcurrency = maxConcurrency;
        _connection = connection;
        _options = options;
    }

    /// <summary>The configured address.</summary>
    public WorkerEndpoint Endpoint { get; }

    /// <summary>The worker's own name, from its HelloOk.</summary>
    public string Name { get; }

    /// <summary>How many fragments the worker runs at once.</summary>
    public int MaxConcurrency { get; }

    /// <summary>Whether the connection still works.</summary>
    public bool IsAlive => Volatile.Read(ref _failure) is null;

    /// <summary>Why the connection failed, once it has.</summary>
    public string? Failure => Volatile.Read(ref _failure);

    /// <summary>Connects, runs the handshake and starts the read and heartbeat loops; a failure throws <see cref="RemoteWorkerException"/>.</summary>
    public static async Task<WorkerConnection> ConnectAsync(WorkerEndpoint endpoint, RemoteSchedulerOptions options, Engine.Core.Functions.FunctionRegistry functions, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.ConnectTimeout);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp);
        ProtocolConnection? connection = null;
        try
        {
            await socket.ConnectAsync(endpoint.Host, endpoint.Port, timeout.Token).ConfigureAwait(false);
            connection = options.Tls
                ? new ProtocolConnection(socket, await AuthenticateTlsAsync(socket, endpoint, options, timeout.Token).ConfigureAwait(false), options.MaxFrameSize, functions)
                : new ProtocolConnection(socket, options.MaxFrameSize, functions);
            var (name, concurrency) = await HandshakeAsync(connection, endpoint, options, timeout.Token).ConfigureAwait(false);
            var worker = new WorkerConnection(endpoint, name, concurrency, connection, options);
            worker.Start();
            return worker;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Dispose(socket, connection);
            throw new RemoteWorkerException($"Worker {endpoint}: no connection and handshake within {options.ConnectTimeout.TotalSeconds:0.###} s.");
        }
        catch (Exception ex) when (ex is SocketException or IOException or ProtocolException)
        {
            Dispose(socket, connection);
            throw new RemoteWorkerException($"Worker {endpoint}: {ex.Message}", ex);
        }
        catch
        {
            Dispose(socket, connection);
            throw;
        }
    }

    /// <summary>
    /// Sends <paramref name="fragment"/> and waits for its answer. A fragment timeout or a lost connection
    /// marks the worker failed and throws <see cref="RemoteWorkerException"/>; <paramref name="cancellationToken"/>
    /// throws <see cref="OperationCanceledException"/> and leaves the connection usable (the caller sends Cancel).
    /// </summary>
    public async Task<FragmentOutcome> ExecuteAsync(QueryFragment fragment, CancellationToken cancellationToken)
    {
        var key = (ExecuteMessage.FormatQueryId(fragment.QueryId), fragment.FragmentId);
        var completion = new TaskCompletionSource<FragmentOutcome>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (!_pending.TryAdd(key, completion))
        {
            throw new InvalidOperationException($"Fragment {fragment.FragmentId} of query {key.Item1} is already in flight on {Endpoint}.");
        }

        try
        {
            ThrowIfFailed();
            try
            {
                await _connection.SendAsync(new ExecuteMessage(fragment), _lifetime.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is ProtocolException or IOException or SocketException or ObjectDisposedException or OperationCanceledException)
            {
                Fail($"sending fragment {fragment.FragmentId} failed: {ex.Message}");
                ThrowIfFailed();
            }

            try
            {
                return await completion.Task.WaitAsync(_options.FragmentTimeout, cancellationToken).ConfigureAwait(false);
            }
            catch (TimeoutException)
            {
                Fail($"no answer to fragment {fragment.FragmentId} within the fragment timeout of {_options.FragmentTimeout.TotalSeconds:0.###} s");
                throw Lost();
            }
        }
        finally
        {
            _pending.TryRemove(new KeyValuePair<(string, int), TaskCompletionSource<FragmentOutcome>>(key, completion));
        }
    }

    /// <summary>Tells the worker to stop every fragment of <paramref name="queryId"/>; best effort.</summary>
    public async Task CancelQueryAsync(Guid queryId)
    {
        if (!IsAlive)
        {
            return;
        }

        try
        {
            using var timeout = new CancellationTokenSource(_options.ConnectTimeout);
            await _connection.SendAsync(new CancelMessage(ExecuteMessage.FormatQueryId(queryId)), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ProtocolException or IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            Fail($"sending Cancel failed: {ex.Message}");
        }
    }

    /// <summary>Marks the worker failed with <paramref name="reason"/> (the first reason wins), closes the connection and fails every waiting fragment.</summary>
    public void Fail(string reason)
    {
        if (Interlocked.CompareExchange(ref _failure, reason, null) is not null)
        {
            return;
        }

        _connection.Close();
        try
        {
            _lifetime.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed concurrently; the connection is closed either way.
        }

        foreach (var pending in _pending.Values)
        {
            pending.TrySetException(Lost());
        }
    }

    /// <summary>Closes the connection.</summary>
    public void Dispose()
    {
        Fail("the scheduler was disposed");
        _lifetime.Dispose();
    }

    // The TLS handshake, before any protocol frame. The stream owns the socket from here on: a failure disposes
    // it, and the caller's cleanup of the socket is then a no-op.
    private static async Task<SslStream> AuthenticateTlsAsync(Socket socket, WorkerEndpoint endpoint, RemoteSchedulerOptions options, CancellationToken cancellationToken)
    {
        var validator = new WorkerCertificateValidator(options.TlsThumbprint, options.TlsCaCertificates);
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        try
        {
            var settings = new SslClientAuthenticationOptions
            {
                TargetHost = options.TlsServerName ?? endpoint.ServerName ?? endpoint.Host,
                RemoteCertificateValidationCallback = validator.Validate,
            };
            await tls.AuthenticateAsClientAsync(settings, cancellationToken).ConfigureAwait(false);
            return tls;
        }
        catch (AuthenticationException ex)
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw new RemoteWorkerException($"Worker {endpoint}: TLS handshake failed: {validator.Refusal ?? ex.Message}", ex);
        }
        catch
        {
            await tls.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private static async Task<(string Name, int Concurrency)> HandshakeAsync(
        ProtocolConnection connection, WorkerEndpoint endpoint, RemoteSchedulerOptions options, CancellationToken cancellationToken)
    {
        var first = await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        if (first is not ChallengeMessage challenge)
        {
            throw new ProtocolException(first is null ? "closed the connection before its Challenge" : $"sent {first.Type} instead of a Challenge");
        }

        var nonce = SessionAuthenticator.CreateNonce();
        var proof = options.Secret is { } secret
            ? SessionAuthenticator.CreateCoordinatorProof(secret, challenge.Nonce.Span, nonce)
            : [];
        await connection.SendAsync(new HelloMessage(options.NodeName, proof), cancellationToken).ConfigureAwait(false);
        var reply = await connection.ReceiveAsync(cancellationToken).ConfigureAwait(false);
        switch (reply)
        {
            case HelloOkMessage ok:
                if (options.Secret is { } key && !SessionAuthenticator.VerifyWorkerProof(key, challenge.Nonce.Span, nonce, ok.AuthProof.Span))
                {
                    throw new ProtocolException("the worker could not prove it knows the shared secret");
                }

                if (ok.MaxConcurrency < 1)
                {
                    throw new ProtocolException($"the worker announced a concurrency of {ok.MaxConcurrency}");
                }

                return (ok.NodeName.Length > 0 ? ok.NodeName : endpoint.ToString(), ok.MaxConcurrency);
            case RejectedMessage rejected:
                throw new ProtocolException($"rejected the connection: {rejected.Reason}");
            case null:
                throw new ProtocolException("closed the connection during the handshake");
            default:
                throw new ProtocolException($"sent {reply.Type} instead of HelloOk");
        }
    }

    private static void Dispose(Socket socket, ProtocolConnection? connection)
    {
        if (connection is not null)
        {
            connection.Close();
        }
        else
        {
            socket.Dispose();
        }
    }

    private void Start()
    {
        _ = ReadLoopAsync();
        _ = HeartbeatLoopAsync();
    }

    private async Task ReadLoopAsync()
    {
        try
        {
            while (await _connection.ReceiveAsync(_lifetime.Token).ConfigureAwait(false) is { } message)
            {
                Volatile.Write(ref _lastHeard, Stopwatch.GetTimestamp());
                switch (message)
                {
                    case ResultMessage result:
                        Complete(result.QueryId, result.FragmentId, new FragmentOutcome(result.Partial, null, null));
                        break;
                    case ErrorMessage error:
                        Complete(error.QueryId, error.FragmentId, new FragmentOutcome(null, error.Code, error.Message));
                        break;
                    case PingMessage ping:
                        await _connection.SendAsync(new PongMessage(ping.Sequence), _lifetime.Token).ConfigureAwait(false);
                        break;
                    case PongMessage:
                        break;
                    default:
                        throw new ProtocolException($"a worker may not send {message.Type} after the handshake");
                }
            }

            Fail("the worker closed the connection");
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Failed or disposed elsewhere; the reason is already recorded.
        }
        catch (Exception ex) when (ex is ProtocolException or IOException or SocketException or ObjectDisposedException)
        {
            Fail($"connection lost: {ex.Message}");
        }
    }

    private async Task HeartbeatLoopAsync()
    {
        var interval = _options.HeartbeatInterval;
        var timeout = _options.EffectiveHeartbeatTimeout;
        try
        {
            using var timer = new PeriodicTimer(interval);
            while (await timer.WaitForNextTickAsync(_lifetime.Token).ConfigureAwait(false))
            {
                var silent = Stopwatch.GetElapsedTime(Volatile.Read(ref _lastHeard));
                if (silent > timeout)
                {
                    Fail($"missed heartbeats: nothing heard for {silent.TotalSeconds:0.#} s (timeout {timeout.TotalSeconds:0.###} s)");
                    return;
                }

                await _connection.SendAsync(new PingMessage(Interlocked.Increment(ref _pingSequence)), _lifetime.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // The connection ended.
        }
        catch (Exception ex) when (ex is ProtocolException or IOException or SocketException or ObjectDisposedException)
        {
            Fail($"heartbeat failed: {ex.Message}");
        }
    }

    private void Complete(string queryId, int fragmentId, FragmentOutcome outcome)
    {
        // An answer for a fragment nobody waits for (cancelled, timed out) is dropped.
        if (_pending.TryRemove((queryId, fragmentId), out var completion))
        {
            completion.TrySetResult(outcome);
        }
    }

    private void ThrowIfFailed()
    {
        if (!IsAlive)
        {
            throw Lost();
        }
    }

    private RemoteWorkerException Lost() => new($"Worker {Name} ({Endpoint}) failed: {Failure}");
}
