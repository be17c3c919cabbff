using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Sockets;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Core.Planning;
using Engine.Core.Scheduling;
using Engine.Schedulers.Remote.Security;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Schedulers.Remote.Worker;

/// <summary>
/// One coordinator connection on a worker: the handshake, then a read loop that starts a task per Execute,
/// cancels on Cancel and answers Ping. Nothing but the Hello is read before the peer has proved it knows the
/// secret. Fragment tasks send their own Result or Error; the connection's writer serializes them.
/// </summary>
internal sealed class WorkerSession : IDisposable
{
    private readonly WorkerServer _server;
    private readonly ProtocolConnection _connection;
    private readonly ConcurrentDictionary<(string QueryId, int FragmentId), FragmentRun> _running = new();
    private readonly ConcurrentDictionary<Task, byte> _tasks = new();
    private readonly CancellationTokenSource _stopReading = new();

    public WorkerSession(WorkerServer server, ProtocolConnection connection)
    {
        _server = server;
        _connection = connection;
    }

    public int RunningFragments => _tasks.Count;

    public async Task RunAsync(CancellationToken shutdownToken)
    {
        var reason = "peer closed the connection";
        using var readToken = CancellationTokenSource.CreateLinkedTokenSource(shutdownToken, _stopReading.Token);
        try
        {
            if (!await HandshakeAsync(shutdownToken).ConfigureAwait(false))
            {
                reason = "handshake refused";
                return;
            }

            await ReadLoopAsync(readToken.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (readToken.IsCancellationRequested)
        {
            reason = "worker stopping";
        }
        catch (ProtocolException ex)
        {
            reason = ex.Message;
        }
        catch (IOException ex)
        {
            reason = ex.Message;
        }
        catch (SocketException ex)
        {
            reason = ex.Message;
        }
        finally
        {
            if (_stopReading.IsCancellationRequested && !shutdownToken.IsCancellationRequested)
            {
                // Graceful stop: let the running fragments answer before the connection closes.
                try
                {
                    await WhenFragmentsDoneAsync().WaitAsync(shutdownToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    reason = "worker stopped before its fragments finished";
                }
            }

            Close();
            await WhenFragmentsDoneAsync().ConfigureAwait(false);
            WorkerLog.Closed(_server.Logger, _connection.RemoteEndPoint, reason);
            Dispose();
        }
    }

    /// <summary>Releases the read-loop cancellation; called once the session has ended.</summary>
    public void Dispose() => _stopReading.Dispose();

    /// <summary>Stops reading new messages; running fragments still answer.</summary>
    public void StopReading()
    {
        try
        {
            _stopReading.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The session already ended.
        }
    }

    /// <summary>Closes the connection and cancels every running fragment.</summary>
    public void Close()
    {
        _connection.Close();
        foreach (var run in _running.Values)
        {
            run.Cancel();
        }
    }

    /// <summary>Completes when every fragment task started so far has answered (or given up).</summary>
    public Task WhenFragmentsDoneAsync() => Task.WhenAll(_tasks.Keys);

    private async Task<bool> HandshakeAsync(CancellationToken shutdownToken)
    {
        var options = _server.Options;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(shutdownToken);
        timeout.CancelAfter(options.HandshakeTimeout);
        var nonce = SessionAuthenticator.CreateNonce();
        IProtocolMessage? first;
        try
        {
            await _connection.SendAsync(new ChallengeMessage(options.NodeName, nonce), timeout.Token).ConfigureAwait(false);
            first = await _connection.ReceiveAsync(timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested && !shutdownToken.IsCancellationRequested)
        {
            return await RejectAsync($"no Hello within {options.HandshakeTimeout.TotalSeconds:0.#} s").ConfigureAwait(false);
        }
        catch (ProtocolException ex)
        {
            return await RejectAsync(ex.Message).ConfigureAwait(false);
        }

        if (first is not HelloMessage hello)
        {
            return await RejectAsync(first is null ? "closed before Hello" : $"expected Hello, got {first.Type}").ConfigureAwait(false);
        }

        byte[] workerProof = [];
        if (options.Secret is { } secret)
        {
            if (!SessionAuthenticator.TryVerifyCoordinatorProof(secret, nonce, hello.AuthProof.Span, out var coordinatorNonce))
            {
                return await RejectAsync($"authentication failed for node '{hello.NodeName}'").ConfigureAwait(false);
            }

            workerProof = SessionAuthenticator.CreateWorkerProof(secret, nonce, coordinatorNonce);
        }

        await _connection.SendAsync(new HelloOkMessage(options.NodeName, options.EffectiveThreads, workerProof), shutdownToken).ConfigureAwait(false);
        WorkerLog.Accepted(_server.Logger, hello.NodeName, _connection.RemoteEndPoint);
        return true;
    }

    private async Task<bool> RejectAsync(string reason)
    {
        _server.CountRejected();
        WorkerLog.Rejected(_server.Logger, _connection.RemoteEndPoint, reason);
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(1));
            await _connection.SendAsync(new RejectedMessage(reason), timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is ProtocolException or IOException or SocketException or OperationCanceledException)
        {
            // The peer is being dropped anyway; telling it why is a courtesy.
        }

        _connection.Close();
        return false;
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        var idleTimeout = _server.Options.IdleTimeout;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            IProtocolMessage? message;
            try
            {
                // The clock covers a whole frame, so a peer dripping a byte now and then is still idle.
                idle.CancelAfter(idleTimeout);
                message = await _connection.ReceiveAsync(idle.Token).ConfigureAwait(false);
                idle.CancelAfter(Timeout.InfiniteTimeSpan);
            }
            catch (OperationCanceledException) when (idle.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new ProtocolException($"no complete frame within the idle timeout of {idleTimeout.TotalSeconds:0.###} s");
            }
            catch (RejectedFragmentException rejected)
            {
                // A well-formed fragment this worker cannot run (a function it lacks): answer it, keep the connection.
                _server.CountReceived();
                var key = (ExecuteMessage.FormatQueryId(rejected.QueryId), rejected.FragmentId);
                await SendQuietlyAsync(Failed(key, rejected.Reason)).ConfigureAwait(false);
                continue;
            }

            if (message is null)
            {
                return;
            }

            switch (message)
            {
                case ExecuteMessage execute:
                    _server.CountReceived();
                    StartFragment(execute.Fragment);
                    break;
                case CancelMessage cancel:
                    foreach (var (key, run) in _running)
                    {
                        if (key.QueryId == cancel.QueryId)
                        {
                            run.Cancel();
                        }
                    }

                    break;
                case PingMessage ping:
                    await _connection.SendAsync(new PongMessage(ping.Sequence), cancellationToken).ConfigureAwait(false);
                    break;
                case PongMessage:
                    break;
                default:
                    throw new ProtocolException($"A coordinator may not send {message.Type} after the handshake.");
            }
        }
    }

    private void StartFragment(QueryFragment fragment)
    {
        var key = (ExecuteMessage.FormatQueryId(fragment.QueryId), fragment.FragmentId);
        var run = new FragmentRun(_server.ShutdownToken);
        if (!_running.TryAdd(key, run))
        {
            run.Dispose();
            _ = SendQuietlyAsync(new ErrorMessage(key.Item1, fragment.FragmentId, ErrorCode.Internal,
                $"Fragment {fragment.FragmentId} of query {key.Item1} is already running on this connection."));
            return;
        }

        var task = Task.Run(() => ExecuteAsync(key, fragment, run), CancellationToken.None);
        _tasks.TryAdd(task, 0);
        _ = task.ContinueWith(done => _tasks.TryRemove(done, out _), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }

    private async Task ExecuteAsync((string QueryId, int FragmentId) key, QueryFragment fragment, FragmentRun run)
    {
        var token = run.Token;
        var slotTaken = false;
        IProtocolMessage? answer = null;
        try
        {
            await _server.Validator.ValidateAsync(fragment, token).ConfigureAwait(false);
            await _server.Slots.WaitAsync(token).ConfigureAwait(false);
            slotTaken = true;
            WorkerLog.FragmentStarted(_server.Logger, key.FragmentId, key.QueryId, fragment.Scans.Count);
            var stopwatch = Stopwatch.StartNew();
            var scatter = await _server.Scheduler.ScatterAsync([fragment], new QueryContext(fragment.QueryId, _server.Reader), token).ConfigureAwait(false);
            var partial = scatter.Partials.Count switch
            {
                1 => scatter.Partials[0],
                0 => fragment.Plan.Sink.EmptyPartial(),
                _ => PartialMerger.Merge(scatter.Partials),
            };
            answer = new ResultMessage(key.QueryId, key.FragmentId, partial, (long)stopwatch.Elapsed.TotalMicroseconds);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            _server.CountCancelled();
            WorkerLog.FragmentCancelled(_server.Logger, key.FragmentId, key.QueryId);
            if (_server.ShutdownToken.IsCancellationRequested)
            {
                // The worker is stopping, not the query: tell the coordinator to run it elsewhere.
                answer = new ErrorMessage(key.QueryId, key.FragmentId, ErrorCode.Cancelled, "the worker is shutting down");
            }
        }
        catch (EngineException ex)
        {
            answer = Failed(key, ex);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            // A defect: the fragment fails alone with a short message, the stack trace goes to the worker's log.
            _server.CountFailed();
            WorkerLog.FragmentCrashed(_server.Logger, key.FragmentId, key.QueryId, ex);
            answer = new ErrorMessage(key.QueryId, key.FragmentId, ErrorCode.Internal, $"{ex.GetType().Name}: {ex.Message} (the worker logged the stack trace)");
        }
        finally
        {
            if (slotTaken)
            {
                _server.Slots.Release();
            }

            // Forget the fragment before answering, so a re-send of it that follows the answer is not a duplicate.
            _running.TryRemove(key, out _);
            run.Dispose();
        }

        if (answer is not null && await SendQuietlyAsync(answer).ConfigureAwait(false) && answer is ResultMessage)
        {
            _server.CountCompleted();
        }
    }

    private ErrorMessage Failed((string QueryId, int FragmentId) key, EngineException error)
    {
        _server.CountFailed();
        var code = ErrorCodes.For(error);
        if (code == ErrorCode.Internal)
        {
            WorkerLog.FragmentCrashed(_server.Logger, key.FragmentId, key.QueryId, error);
        }
        else
        {
            WorkerLog.FragmentFailed(_server.Logger, key.FragmentId, key.QueryId, error.Message);
        }

        return new ErrorMessage(key.QueryId, key.FragmentId, code, error.Message);
    }

    /// <summary>Sends <paramref name="message"/>; returns false when the connection is already gone (the coordinator notices on its side).</summary>
    private async Task<bool> SendQuietlyAsync(IProtocolMessage message)
    {
        try
        {
            await _connection.SendAsync(message, _server.ShutdownToken).ConfigureAwait(false);
            return true;
        }
        catch (Exception ex) when (ex is ProtocolException or IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            return false;
        }
    }
}
