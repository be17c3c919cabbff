using System.Text;
using Engine.Core.Errors;
using Engine.Core.Execution;
using Engine.Core.Planning;

namespace Engine.Schedulers.Remote.Coordinator;

/// <summary>
/// The bookkeeping of one scatter: which fragments wait (per preferred worker, plus a shared queue for
/// re-sent fragments and those whose preferred worker is down), which are done, and whether the query has
/// failed. Every fragment is either queued, in flight on exactly one worker, or done: a result is accepted
/// once, a lost fragment is queued again until it has used its attempts. All members take one lock; waiters
/// are woken through a completion source replaced on every change.
/// </summary>
internal sealed class ScatterState
{
    private readonly Lock _lock = new();
    private readonly Queue<Item>[] _preferred;
    private readonly List<Item> _shared = [];
    private readonly PartialResult?[] _results;
    private readonly Item[] _items;
    private readonly int _maxAttempts;
    private readonly Func<int, bool> _isLive;
    private TaskCompletionSource _changed = NewSignal();
    private int _remaining;
    private Exception? _fatal;

    public ScatterState(IReadOnlyList<QueryFragment> fragments, int workerCount, Func<int, bool> isLive, int maxAttempts)
    {
        _preferred = new Queue<Item>[workerCount];
        for (var w = 0; w < workerCount; w++)
        {
            _preferred[w] = new Queue<Item>();
        }

        _results = new PartialResult?[fragments.Count];
        _items = new Item[fragments.Count];
        _remaining = fragments.Count;
        _maxAttempts = maxAttempts;
        _isLive = isLive;
        for (var i = 0; i < fragments.Count; i++)
        {
            var item = new Item(i, fragments[i]);
            _items[i] = item;
            var worker = PreferredWorker(fragments[i], workerCount);
            if (isLive(worker))
            {
                _preferred[worker].Enqueue(item);
            }
            else
            {
                _shared.Add(item);
            }
        }
    }

    /// <summary>The failure that ends the query early (a fragment out of attempts, or a worker-reported error that retrying cannot fix).</summary>
    public Exception? Fatal
    {
        get
        {
            lock (_lock)
            {
                return _fatal;
            }
        }
    }

    /// <summary>Fragments not yet answered.</summary>
    public int Remaining
    {
        get
        {
            lock (_lock)
            {
                return _remaining;
            }
        }
    }

    /// <summary>The preferred worker of a fragment: a stable hash (FNV-1a) of its first partition id, modulo the worker count.</summary>
    public static int PreferredWorker(QueryFragment fragment, int workerCount)
    {
        var key = fragment.Scans.Count > 0 ? fragment.Scans[0].PartitionId : fragment.FragmentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hash = 2166136261u;
        foreach (var b in Encoding.UTF8.GetBytes(key))
        {
            hash = unchecked((hash ^ b) * 16777619u);
        }

        return (int)(hash % (uint)workerCount);
    }

    /// <summary>
    /// The next fragment for <paramref name="worker"/>: its own queue first, then the shared queue, then the
    /// longest queue of another worker (an idle worker takes queued work). Waits while nothing is queued but
    /// fragments are still in flight elsewhere (one of them may come back); returns <see langword="null"/>
    /// when the query is done or failed, <paramref name="stillLive"/> says the worker is gone, or the token fires.
    /// </summary>
    public async Task<Item?> TakeAsync(int worker, Func<bool> stillLive, CancellationToken cancellationToken)
    {
        while (true)
        {
            Task signal;
            lock (_lock)
            {
                if (_fatal is not null || _remaining == 0 || cancellationToken.IsCancellationRequested || !stillLive())
                {
                    return null;
                }

                if (TryDequeue(worker, out var item))
                {
                    item.Attempts++;
                    return item;
                }

                FailStranded();
                if (_fatal is not null)
                {
                    return null;
                }

                signal = _changed.Task;
            }

            try
            {
                await signal.WaitAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return null;
            }
        }
    }

    /// <summary>Records a fragment's partial; a second answer for the same fragment is ignored.</summary>
    public void Complete(Item item, PartialResult partial, string worker, TimeSpan elapsed)
    {
        lock (_lock)
        {
            if (item.Done)
            {
                return;
            }

            item.Done = true;
            item.Report = $"fragment {item.Fragment.FragmentId}: {worker}, attempt {item.Attempts} of {_maxAttempts}, {elapsed.TotalMilliseconds:F1} ms" +
                (item.Failures.Count > 0 ? $" (earlier: {string.Join("; ", item.Failures)})" : string.Empty);
            _results[item.Index] = partial;
            _remaining--;
            Signal();
        }
    }

    /// <summary>Queues a fragment again after <paramref name="worker"/> lost it, or fails the query when it has no attempts left.</summary>
    public void Requeue(Item item, string worker, string reason)
    {
        lock (_lock)
        {
            if (item.Done)
            {
                return;
            }

            item.Failures.Add($"attempt {item.Attempts} on {worker}: {reason}");
            if (item.Attempts >= _maxAttempts)
            {
                _fatal ??= new RemoteWorkerException(
                    $"Fragment {item.Fragment.FragmentId} failed on all {item.Attempts} attempts ({string.Join("; ", item.Failures)}).");
            }
            else
            {
                _shared.Add(item);
            }

            Signal();
        }
    }

    /// <summary>
    /// Records that <paramref name="worker"/> holds other data than the fragment was planned against: the
    /// fragment goes to a worker that has not said so, or, when no live worker is left that might hold the
    /// planned data, the query fails with a <see cref="DataMismatchException"/> naming every worker that refused.
    /// </summary>
    public void Mismatch(Item item, int worker, string workerName, string message)
    {
        lock (_lock)
        {
            if (item.Done)
            {
                return;
            }

            item.Failures.Add($"attempt {item.Attempts} on {workerName}: {message}");
            item.Excluded.Add(worker);
            item.Mismatches.Add((workerName, message));
            if (item.Attempts >= _maxAttempts || !HasCandidate(item))
            {
                _fatal ??= NoMatchingData(item);
            }
            else
            {
                _shared.Add(item);
            }

            Signal();
        }
    }

    /// <summary>Ends the query with <paramref name="error"/> (the first error wins).</summary>
    public void FailQuery(Exception error)
    {
        lock (_lock)
        {
            _fatal ??= error;
            Signal();
        }
    }

    /// <summary>Wakes every waiter so it can re-check whether its worker is still live.</summary>
    public void Poke()
    {
        lock (_lock)
        {
            FailStranded();
            Signal();
        }
    }

    /// <summary>One line per fragment: the worker that answered, the attempt, the time (EXPLAIN ANALYZE).</summary>
    public IReadOnlyList<string> Reports()
    {
        lock (_lock)
        {
            return [.. _items.Select(i => i.Report ?? $"fragment {i.Fragment.FragmentId}: not completed")];
        }
    }

    /// <summary>The partials in fragment order; call only when <see cref="Remaining"/> is 0.</summary>
    public IReadOnlyList<PartialResult> Results()
    {
        lock (_lock)
        {
            var results = new List<PartialResult>(_results.Length);
            foreach (var result in _results)
            {
                results.Add(result ?? throw new InvalidOperationException("A fragment has no result."));
            }

            return results;
        }
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void Signal()
    {
        _changed.TrySetResult();
        _changed = NewSignal();
    }

    private bool TryDequeue(int worker, out Item item)
    {
        if (_preferred[worker].TryDequeue(out item!))
        {
            return true;
        }

        for (var i = 0; i < _shared.Count; i++)
        {
            if (!_shared[i].Excluded.Contains(worker))
            {
                item = _shared[i];
                _shared.RemoveAt(i);
                return true;
            }
        }

        Queue<Item>? longest = null;
        foreach (var queue in _preferred)
        {
            if (queue.Count > 0 && (longest is null || queue.Count > longest.Count))
            {
                longest = queue;
            }
        }

        return longest is not null && longest.TryDequeue(out item!);
    }

    private static DataMismatchException NoMatchingData(Item item)
    {
        var scan = item.Fragment.Scans.Count > 0 ? item.Fragment.Scans[0] : null;
        var workers = string.Join(", ", item.Mismatches.Select(m => m.Worker));
        var message = $"No worker holds the data fragment {item.Fragment.FragmentId} was planned against " +
            $"(table '{scan?.Table}', partition '{scan?.PartitionId}'): {string.Join("; ", item.Mismatches.Select(m => $"{m.Worker}: {m.Message}"))}";
        return DataMismatchException.FromMessage(message, scan?.Table ?? string.Empty, scan?.PartitionId ?? string.Empty, workers);
    }

    private bool HasCandidate(Item item)
    {
        for (var w = 0; w < _preferred.Length; w++)
        {
            if (_isLive(w) && !item.Excluded.Contains(w))
            {
                return true;
            }
        }

        return false;
    }

    // A queued fragment that every live worker has refused for its data can never run: fail instead of waiting.
    private void FailStranded()
    {
        foreach (var item in _shared)
        {
            if (item.Excluded.Count > 0 && !HasCandidate(item))
            {
                _fatal ??= NoMatchingData(item);
                return;
            }
        }
    }

    /// <summary>One fragment of the scatter and its history; guarded by the state's lock.</summary>
    internal sealed class Item(int index, QueryFragment fragment)
    {
        /// <summary>The fragment's position in the scatter, which is also its result's position.</summary>
        public int Index { get; } = index;

        /// <summary>The fragment.</summary>
        public QueryFragment Fragment { get; } = fragment;

        /// <summary>How many times the fragment has been handed to a worker.</summary>
        public int Attempts { get; set; }

        /// <summary>Whether its result has been recorded.</summary>
        public bool Done { get; set; }

        /// <summary>Why earlier attempts failed, in order.</summary>
        public List<string> Failures { get; } = [];

        /// <summary>The workers that said they hold other data than the fragment was planned against; it is not sent to them again.</summary>
        public HashSet<int> Excluded { get; } = [];

        /// <summary>Each refusing worker and what it said differed, in order.</summary>
        public List<(string Worker, string Message)> Mismatches { get; } = [];

        /// <summary>Who ran it, on which attempt and how long it took, once done.</summary>
        public string? Report { get; set; }
    }
}
