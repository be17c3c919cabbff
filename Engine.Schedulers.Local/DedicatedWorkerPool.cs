using System.Collections.Concurrent;

namespace Engine.Schedulers.Local;

/// <summary>
/// A fixed set of long-lived threads, created on first use and owned by one scheduler, that start the
/// work items queued to them in order. A work item is an async body: its thread runs it up to its first
/// await that does not complete at once, then takes the next item; from there its continuations run on
/// the .NET thread pool (the engine awaits with ConfigureAwait(false) and these threads have no
/// synchronization context). So a thread never blocks on a task, and no continuation can wait behind a
/// blocked thread: there is nothing to deadlock. With in-memory storage every await completes at once and
/// the whole body runs on the dedicated thread. Thread-safe; disposing stops the threads after the items
/// already queued.
/// </summary>
internal sealed class DedicatedWorkerPool : IDisposable
{
    private readonly BlockingCollection<IWorkItem> _queue = [];
    private readonly int _threadCount;
    private readonly Lock _gate = new();
    private Thread[]? _threads;
    private bool _disposed;

    /// <summary>Creates a pool of <paramref name="threads"/> threads; none starts until the first item.</summary>
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
        EnsureThreads();
        var item = new WorkItem<T>(body);
        if (cancellationToken.CanBeCanceled)
        {
            item.Registration = cancellationToken.UnsafeRegister(static (state, token) => ((WorkItem<T>)state!).Cancel(token), item);
        }

        _queue.Add(item, CancellationToken.None);
        return item.Completion;
    }

    /// <summary>Stops taking new items, lets the threads finish the queued ones, and waits for them to exit.</summary>
    public void Dispose()
    {
        Thread[]? threads;
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            threads = _threads;
            _queue.CompleteAdding();
        }

        if (threads is not null)
        {
            foreach (var thread in threads)
            {
                if (thread != Thread.CurrentThread)
                {
                    thread.Join();
                }
            }
        }

        _queue.Dispose();
    }

    private void EnsureThreads()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_threads is not null)
            {
                return;
            }

            var threads = new Thread[_threadCount];
            for (var i = 0; i < threads.Length; i++)
            {
                threads[i] = new Thread(Loop) { IsBackground = true, Name = $"Engine local worker {i}" };
                threads[i].Start();
            }

            _threads = threads;
        }
    }

    private void Loop()
    {
        foreach (var item in _queue.GetConsumingEnumerable())
        {
            item.Run();
        }
    }

    private interface IWorkItem
    {
        void Run();
    }

    private sealed class WorkItem<T>(Func<Task<T>> body) : IWorkItem
    {
        private const int Queued = 0;
        private const int Taken = 1;
        private readonly TaskCompletionSource<Task<T>> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _state;

        public CancellationTokenRegistration Registration { get; set; }

        public Task<T> Completion => _started.Task.Unwrap();

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

            _started.SetResult(running);
        }

        public void Cancel(CancellationToken token)
        {
            if (Interlocked.Exchange(ref _state, Taken) == Queued)
            {
                _started.SetCanceled(token);
            }
        }
    }
}
