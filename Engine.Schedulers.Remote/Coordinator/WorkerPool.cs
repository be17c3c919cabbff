using System.Diagnostics;
using Engine.Core.Errors;
using Engine.Core.Functions;

namespace Engine.Schedulers.Remote.Coordinator;

/// <summary>
/// The remote scheduler's workers and its connections to them. The members are the configured workers
/// followed by the current answers for the configured names; the names are resolved again when a query
/// starts and the last answer is older than the refresh interval, or the last query found no live worker. A
/// member that leaves has its connection closed (fragments in flight on it go to other workers); a name that
/// fails to resolve keeps the workers of its last answer. Connections to members are opened or re-opened
/// at the start of a query. Callers serialize through <see cref="ConnectAsync"/>; the other members are
/// thread-safe.
/// </summary>
internal sealed class WorkerPool : IDisposable
{
    private readonly RemoteSchedulerOptions _options;
    private readonly FunctionRegistry _functions;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Dictionary<WorkerEndpoint, WorkerConnection> _connections = [];
    private readonly Dictionary<WorkerEndpoint, string> _connectFailures = [];
    private readonly Dictionary<WorkerEndpoint, IReadOnlyList<WorkerEndpoint>> _answers = [];
    private readonly Dictionary<WorkerEndpoint, string> _resolveFailures = [];
    private WorkerEndpoint[] _members;
    private long _resolvedAt;
    private int _resolveNow = 1;

    public WorkerPool(RemoteSchedulerOptions options, FunctionRegistry functions)
    {
        _options = options;
        _functions = functions;
        _members = [.. options.Workers];
    }

    /// <summary>How many workers the pool had after its last refresh (the configured ones before the first).</summary>
    public int MemberCount => Volatile.Read(ref _members).Length;

    /// <summary>Makes the next <see cref="ConnectAsync"/> resolve the names whatever the age of their answers.</summary>
    public void ResolveSoon() => Volatile.Write(ref _resolveNow, 1);

    /// <summary>Refreshes the members when due, connects to every member without a live connection, and returns the pool as the query sees it.</summary>
    public async Task<WorkerPoolSnapshot> ConnectAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await RefreshAsync(cancellationToken).ConfigureAwait(false);
            var members = _members;
            var attempts = new List<(WorkerEndpoint Member, Task<WorkerConnection> Connect)>();
            foreach (var member in members)
            {
                if (_connections.TryGetValue(member, out var existing) && existing.IsAlive)
                {
                    continue;
                }

                existing?.Dispose();
                _connections.Remove(member);
                attempts.Add((member, WorkerConnection.ConnectAsync(member, _options, _functions, cancellationToken)));
            }

            foreach (var (member, connect) in attempts)
            {
                try
                {
                    _connections[member] = await connect.ConfigureAwait(false);
                    _connectFailures.Remove(member);
                }
                catch (RemoteWorkerException ex)
                {
                    _connectFailures[member] = ex.Message;
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            var connections = new WorkerConnection?[members.Length];
            var failures = new string?[members.Length];
            for (var w = 0; w < members.Length; w++)
            {
                connections[w] = _connections.GetValueOrDefault(members[w]);
                failures[w] = _connectFailures.GetValueOrDefault(members[w]);
            }

            return new WorkerPoolSnapshot(members, connections, failures, [.. NameProblems()]);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes every connection.</summary>
    public void Dispose()
    {
        foreach (var connection in _connections.Values)
        {
            connection.Dispose();
        }

        _gate.Dispose();
    }

    private async Task RefreshAsync(CancellationToken cancellationToken)
    {
        if (_options.WorkerNames.Count == 0 || !Due())
        {
            return;
        }

        foreach (var name in _options.WorkerNames)
        {
            try
            {
                _answers[name] = await _options.Resolver.ResolveAsync(name, cancellationToken).ConfigureAwait(false);
                _resolveFailures.Remove(name);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // A name that does not resolve now keeps the workers it had.
                _resolveFailures[name] = ex is WorkerResolutionException
                    ? ex.Message
                    : $"Worker name {WorkerEndpoint.DnsPrefix}{name} could not be resolved: {ex.Message}";
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        _resolvedAt = Stopwatch.GetTimestamp();
        Volatile.Write(ref _resolveNow, 0);
        var configured = _options.Workers.ToHashSet();
        var resolved = _answers.Values.SelectMany(a => a)
            .Where(e => !configured.Contains(e))
            .Distinct()
            .OrderBy(e => e.Host, StringComparer.Ordinal).ThenBy(e => e.Port);
        WorkerEndpoint[] members = [.. _options.Workers, .. resolved];
        var kept = members.ToHashSet();
        foreach (var gone in _connections.Keys.Where(e => !kept.Contains(e)).ToList())
        {
            _connections[gone].Dispose();
            _connections.Remove(gone);
        }

        foreach (var gone in _connectFailures.Keys.Where(e => !kept.Contains(e)).ToList())
        {
            _connectFailures.Remove(gone);
        }

        Volatile.Write(ref _members, members);
    }

    private bool Due() =>
        Volatile.Read(ref _resolveNow) == 1 || _resolvedAt == 0 || Stopwatch.GetElapsedTime(_resolvedAt) >= _options.WorkerRefreshInterval;

    private IEnumerable<string> NameProblems()
    {
        foreach (var name in _options.WorkerNames)
        {
            if (_resolveFailures.TryGetValue(name, out var failure))
            {
                yield return failure;
            }
            else if (_answers.TryGetValue(name, out var answer) && answer.Count == 0)
            {
                yield return $"worker name {WorkerEndpoint.DnsPrefix}{name} resolved to no address";
            }
        }
    }
}
