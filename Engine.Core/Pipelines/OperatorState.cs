namespace Engine.Core.Pipelines;

/// <summary>
/// The per-worker state of a streaming operator: its scratch buffers, reused morsel after morsel. Not
/// thread-safe; each worker of each query has its own.
/// </summary>
internal abstract class OperatorState
{
    /// <summary>Transforms <paramref name="chunk"/> in place; false when no row is left (the chunk is dropped).</summary>
    public abstract bool Push(ref Chunk chunk);

    /// <summary>Runs the operator over a whole batch with a fresh state, materializing its output.</summary>
    public static Columns.ColumnBatch ApplyStreaming(OperatorState state, Columns.ColumnBatch input)
    {
        var chunk = Chunk.Of(input);
        return state.Push(ref chunk) ? chunk.Materialize() : input.Slice(0, 0);
    }
}
