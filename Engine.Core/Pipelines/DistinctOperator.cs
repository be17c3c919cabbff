using Engine.Core.Columns;
using Engine.Core.Execution;

namespace Engine.Core.Pipelines;

/// <summary>
/// Keeps the first of each set of equal rows (NULLs equal to NULLs, one NaN, -0.0 equal to 0.0), in input
/// order: SELECT DISTINCT over aggregated rows. Coordinator only.
/// </summary>
public sealed record DistinctOperator : PipelineOperator
{
    /// <inheritdoc />
    public override string Name => "Distinct";

    /// <inheritdoc />
    public override bool IsStreaming => false;

    /// <inheritdoc />
    public override Schema OutputSchema(Schema input) => input;

    /// <inheritdoc />
    public override string Describe() => "Distinct";

    internal override OperatorState? CreateState() => null;

    internal override ColumnBatch Apply(ColumnBatch input)
    {
        var table = new GroupKeyTable([.. input.Columns.Select(c => c.Type)], input.RowCount);
        var groupIds = new int[input.RowCount];
        table.Map(input.Columns, groupIds);
        var keep = new List<int>(table.Count);
        var seen = 0;
        for (var row = 0; row < groupIds.Length; row++)
        {
            if (groupIds[row] == seen)
            {
                keep.Add(row);
                seen++;
            }
        }

        return keep.Count == input.RowCount ? input : RowSorter.Take(input, [.. keep]);
    }
}
