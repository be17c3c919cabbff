namespace Engine.Storage.ObjectStores;

/// <summary>
/// A cap on object-store requests in flight, shared by every store that holds the same instance. The
/// default, <see cref="Process"/>, is shared by all S3 stores of the process, so many concurrent queries
/// cannot open unbounded connections; each query is further bounded by fragments in flight × prefetch depth.
/// </summary>
public sealed class RequestConcurrencyLimit : IDisposable
{
    private readonly SemaphoreSlim _slots;

    /// <summary>Creates a limit of <paramref name="slots"/> requests in flight.</summary>
    public RequestConcurrencyLimit(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(slots, 1);
        Slots = slots;
        _slots = new SemaphoreSlim(slots, slots);
    }

    /// <summary>The process-wide default: 64 requests in flight.</summary>
    public static RequestConcurrencyLimit Process { get; } = new(64);

    /// <summary>The number of requests allowed in flight.</summary>
    public int Slots { get; }

    /// <summary>Releases the slots' wait handle; only for limits a caller created (never <see cref="Process"/>).</summary>
    public void Dispose() => _slots.Dispose();

    /// <summary>Runs <paramref name="request"/> once a slot is free; the slot is released when it ends.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> request, CancellationToken cancellationToken)
    {
        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await request().ConfigureAwait(false);
        }
        finally
        {
            _slots.Release();
        }
    }
}
