namespace Engine.Core.Pipelines;

/// <summary>
/// What one worker accumulates for a sink over every fragment it runs (DuckDB's local sink state):
/// <see cref="Sink"/> per chunk, then one <see cref="Combine"/> into the worker's partial. Not thread-safe;
/// dispose it to return its pooled buffers, however the work ended.
/// </summary>
internal abstract class SinkState : IDisposable
{
    /// <summary>True when no further row can change the partial (a LIMIT without ORDER BY that is full).</summary>
    public virtual bool IsSatisfied => false;

    /// <summary>Takes the selected rows of <paramref name="chunk"/>.</summary>
    public abstract void Sink(in Chunk chunk);

    /// <summary>The partial of everything sunk so far; <paramref name="rowsScanned"/> is what reading it cost.</summary>
    public abstract Execution.PartialResult Combine(long rowsScanned);

    /// <inheritdoc />
    public void Dispose() => Release();

    /// <summary>Returns pooled buffers; called once by <see cref="Dispose"/>.</summary>
    protected virtual void Release()
    {
    }
}
