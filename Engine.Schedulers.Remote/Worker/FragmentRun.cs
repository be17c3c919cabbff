namespace Engine.Schedulers.Remote.Worker;

/// <summary>A fragment running on a worker: its cancellation, linked to the worker's shutdown.</summary>
internal sealed class FragmentRun : IDisposable
{
    private readonly CancellationTokenSource _cancellation;
    private int _disposed;

    public FragmentRun(CancellationToken shutdownToken)
    {
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(shutdownToken);
        Token = _cancellation.Token;
    }

    public CancellationToken Token { get; }

    /// <summary>Cancels the fragment; harmless after it finished.</summary>
    public void Cancel()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        try
        {
            _cancellation.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Finished between the check and the call.
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _cancellation.Dispose();
        }
    }
}
