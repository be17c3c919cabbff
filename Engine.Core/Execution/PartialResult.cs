namespace Engine.Core.Execution;

/// <summary>
/// What one fragment (or a merge of several) hands back to the coordinator: a <see cref="GroupPartial"/>
/// from an aggregating sink, a <see cref="RowPartial"/> from a row-collecting one. Immutable plain data, so
/// it can cross the wire; merging is associative and commutative (see <see cref="PartialMerger"/>).
/// </summary>
public abstract class PartialResult
{
    /// <summary>Creates a partial that cost <paramref name="rowsScanned"/> rows of storage.</summary>
    protected PartialResult(long rowsScanned)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(rowsScanned);
        RowsScanned = rowsScanned;
    }

    /// <summary>Rows read from storage to produce this partial (summed by merges).</summary>
    public long RowsScanned { get; }
}
