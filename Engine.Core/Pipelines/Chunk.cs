using Engine.Core.Columns;
using Engine.Core.Execution;

namespace Engine.Core.Pipelines;

/// <summary>
/// What flows between the operators of a pipeline: a batch (a morsel of a scan, or a whole materialized
/// result at the coordinator) and the rows of it still selected. The selection's buffer belongs to the
/// operator that made it and is valid until that operator runs again.
/// </summary>
internal struct Chunk
{
    public Chunk(ColumnBatch batch, Selection selection)
    {
        Batch = batch;
        Selection = selection;
    }

    /// <summary>The columns.</summary>
    public ColumnBatch Batch { get; set; }

    /// <summary>The rows of <see cref="Batch"/> that are still selected.</summary>
    public Selection Selection { get; set; }

    /// <summary>The number of selected rows.</summary>
    public readonly int Count => Selection.Count;

    /// <summary>A chunk of every row of <paramref name="batch"/>.</summary>
    public static Chunk Of(ColumnBatch batch) => new(batch, Selection.All(batch.RowCount));

    /// <summary>The selected rows as a dense batch of their own (the batch itself when every row is selected).</summary>
    public readonly ColumnBatch Materialize()
    {
        if (Selection.IsAll)
        {
            return Batch;
        }

        if (Selection.IsContiguous(out var start))
        {
            return Batch.Slice(start, Selection.Count);
        }

        var columns = new Column[Batch.Columns.Count];
        for (var c = 0; c < columns.Length; c++)
        {
            columns[c] = ColumnGather.Gather(Batch.Columns[c], Selection.Rows);
        }

        return new ColumnBatch(Batch.Schema, columns, Selection.Count);
    }
}
