using Engine.Core.Columns;

namespace Engine.Core.Pipelines;

/// <summary>Skips the first <paramref name="Offset"/> rows of its input and keeps at most <paramref name="Limit"/> of the rest. Coordinator only.</summary>
/// <param name="Offset">Rows to skip (0 for none).</param>
/// <param name="Limit">Rows to keep after the offset, or null for all.</param>
public sealed record LimitOperator(long Offset, long? Limit) : PipelineOperator
{
    /// <inheritdoc />
    public override string Name => "Limit";

    /// <inheritdoc />
    public override bool IsStreaming => false;

    /// <inheritdoc />
    public override Schema OutputSchema(Schema input) => input;

    /// <inheritdoc />
    public override string Describe() => $"Limit {(Limit is { } limit ? limit.ToString(System.Globalization.CultureInfo.InvariantCulture) : "ALL")}{(Offset > 0 ? $" OFFSET {Offset}" : string.Empty)}";

    internal override OperatorState? CreateState() => null;

    internal override ColumnBatch Apply(ColumnBatch input)
    {
        var start = (int)Math.Min(Offset, input.RowCount);
        var length = (int)Math.Min(Limit ?? long.MaxValue, input.RowCount - start);
        return start == 0 && length == input.RowCount ? input : input.Slice(start, length);
    }
}
