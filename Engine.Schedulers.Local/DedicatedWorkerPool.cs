using System.Collections.Concurrent;

namespace Engine.Schedulers.Local;

/// <summary>
/// Up to a fixed number of long-lived threads, owned by one scheduler, that start the work items queued to
/// them in order. A work item is an async body: its thread runs it up to its first await that does not
/// complete at once, then takes the next item; from there its continuations run on the .NET thread pool
/// (the engine awaits with ConfigureAwait(false) and these threads have no synchronization context). So a
/// thread never blocks on a task, and no continuation can wait behind a blocked thread: there is nothing to
/// deadlock. With in-memory storage every await completes at once and the whole body runs on the dedicated
/// thread. A body that runs long calls <see cref="YieldAsync"/> between units of work, so items queued
/// behind it (another query's workers) get a turn. Threads start with the first item and stay while work keeps coming; one idle for
/// <see cref="IdleTimeout"/> exits (a later item starts a new one), so a scheduler nobody disposes does not
/// keep threads forever. Thread-safe; disposing stops the threads after the items already queued.
/// </summary>
internal sealed class DedicatedWorkerPool : IDisposable
{
    /// <summary>How long a thread waits for work before it exits.</summary>
    public static readonly TimeSpan IdleTimeout = TimeSpan.FromSeconds(10);

    private readonly BlockingCollection<IWorkItem> _queue = [];
    private readonly int _threadCount;
    private readonly Lock _gate = new();
    private readonly HashSet<Thread> _threads = [];
    private int _started;
    private bool _disposed;

    /// <summary>Creates a pool of up to <paramref name="threads"/> threads; none starts until the first item.</summary>
    public DedicatedWorkerPool(int threads)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threads, 1);
        _threadCount = threads;
    }

    /// <summary>
    /// Queues <paramref name="body"/> and returns its outcome. When <paramref name="cancellationToken"/> fires
    /// before a thread takes the item, the item never runs and the returned task is cancelled at once, so a
    /// cancelled query does not wait behind other queries' work.
    /// </summary>
    /// <exception cref="ObjectDisposedException">When the pool is disposed.</exception>
    public Task<T> Start<T>(Func<Task<T>> body, CancellationToken cancellationToken)
    {
        var item = new WorkItem<T>(body);
        if (cancellationToken.CanBeCanceled)
        {
            item.Registration = cancellationToken.UnsafeRegister(static (state, token) => ((WorkItem<T>)state!).Cancel(token), item);
        }

        lock (_gate)
        {
            if (_disposed)
            {
                item.Registration.Dispose();
                throw new ObjectDisposedException(nameof(DedicatedWorkerPool));
            }

            EnqueueLocked(item);
        }

        return item.Completion;
    }

    /// <summary>True when items wait for a thread: a long-running body should <see cref="YieldAsync"/> soon.</summary>
    public bool HasWaitingWork => _queue.Count > 0;

    /// <summary>
    /// Lets the items that wait for a thread run first: the caller's continuation is queued behind them and
    /// resumes on one of these threads. Completes at once when nothing waits or the pool is disposed, and
    /// fails with <see cref="OperationCanceledException"/> as soon as <paramref name="cancellationToken"/> fires.
    /// </summary>
    public Task YieldAsync(CancellationToken cancellationToken)
    {
        if (!HasWaitingWork)
        {
            return Task.CompletedTask;
        }

        var resume = new ResumeItem();
        if (cancellationToken.CanBeCanceled)
        {
            resume.Registration = cancellationToken.UnsafeRegister(static (state, token) => ((ResumeItem)state!).Cancel(token), resume);
        }

        lock (_gate)
        {
            if (_disposed)
            {
                resume.Registration.Dispose();
                return Task.CompletedTask;
            }

            EnqueueLocked(resume);
        }

        return resume.Resumed;
    }

    /// <summary>Stops taking new items, lets the threads finish the queued ones, and waits for them to exit.</summary>
    public void Dispose()
    {
        Thread[] threads;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            threads = [.. _threads];
            _queue.CompleteAdding();
        }

        foreach (var thread in threads)
        {
            if (thread != Thread.CurrentThread)
            {
                thread.Join();
            }
        }

        _queue.Dispose();
    }

    // Under _gate: a thread that found the queue empty leaves under the same lock, so either it sees this
    // item or the thread count already excludes it and a new thread starts.
    private void EnqueueLocked(IWorkItem item)
    {
        _queue.Add(item, CancellationToken.None);
        while (_threads.Count < _threadCount)
        {
            var thread = new Thread(Loop) { IsBackground = true, Name = $"Engine local worker {_started++}" };
            _threads.Add(thread);
            thread.Start();
        }
    }

    private void Loop()
    {
        while (true)
        {
            if (_queue.TryTake(out var item, IdleTimeout))
            {
                item.Run();
                continue;
            }

            lock (_gate)
            {
                if (_queue.IsCompleted || _queue.Count == 0)
                {
                    _threads.Remove(Thread.CurrentThread);
                    return;
                }
            }
        }
    }

    private interface IWorkItem
    {
        void Run();
    }

    // Resumes a yielded body: its continuation runs inline on the thread that takes this item (or, when
    // cancelled first, on the cancelling thread, where it throws at once).
    private sealed class ResumeItem : IWorkItem
    {
        private readonly TaskCompletionSource _resumed = new(TaskCreationOptions.None);

        public CancellationTokenRegistration Registration { get; set; }

        public Task Resumed => _resumed.Task;

        public void Run()
        {
            Registration.Dispose();
            _resumed.TrySetResult();
        }

        public void Cancel(CancellationToken token) => _resumed.TrySetCanceled(token);
    }

    private sealed class WorkItem<T>(Func<Task<T>> body) : IWorkItem
    {
        private const int Queued = 0;
        private const int Taken = 1;

        // Continuations run asynchronously: the query's own code after the scatter must never run inline on
        // a dedicated thread, where it would hold the thread other queries' workers need.
        private readonly TaskCompletionSource<T> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;

        public CancellationTokenRegistration Registration { get; set; }

        public Task<T> Completion => _done.Task;

        public void Run()
        {
            if (Interlocked.Exchange(ref _state, Taken) != Queued)
            {
                return;
            }

            Registration.Dispose();
            Task<T> running;
            try
            {
                running = body();
            }
            catch (Exception ex)
            {
                running = Task.FromException<T>(ex);
            }

            _ = ForwardAsync(running);
        }

        public void Cancel(CancellationToken token)
        {
            if (Interlocked.Exchange(ref _state, Taken) == Queued)
            {
                _done.TrySetCanceled(token);
            }
        }

        private async Task ForwardAsync(Task<T> running)
        {
            try
            {
                _done.TrySetResult(await running.ConfigureAwait(false));
            }
            catch (OperationCanceledException ex)
            {
                _done.TrySetCanceled(ex.CancellationToken);
            }
            catch (Exception ex)
            {
                _done.TrySetException(ex);
            }
        }
    }
}
