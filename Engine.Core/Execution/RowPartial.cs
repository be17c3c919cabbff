using Engine.Core.Columns;

namespace Engine.Core.Execution;

/// <summary>Rows a fragment produced (all of them, its first N, or its top N by the plan's order).</summary>
public sealed class RowPartial : PartialResult
{
    /// <summary>Wraps <paramref name="rows"/> (not copied).</summary>
    public RowPartial(ColumnBatch rows, long rowsScanned)
        : base(rowsScanned)
    {
        ArgumentNullException.ThrowIfNull(rows);
        Rows = rows;
    }

    /// <summary>The rows.</summary>
    public ColumnBatch Rows { get; }
}
