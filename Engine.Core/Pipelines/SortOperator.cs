using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Planning;

namespace Engine.Core.Pipelines;

/// <summary>
/// Orders its whole input by <paramref name="Keys"/> (NULLs last unless a key says first; doubles with NaN
/// above every number; stable), keeping only the first <paramref name="Limit"/> rows when given (a top-N).
/// Coordinator only.
/// </summary>
/// <param name="Keys">Sort keys over the input's columns.</param>
/// <param name="Limit">Rows to keep, or null for all.</param>
public sealed record SortOperator(IReadOnlyList<SortKey> Keys, long? Limit) : PipelineOperator
{
    /// <inheritdoc />
    public override string Name => "Sort";

    /// <inheritdoc />
    public override bool IsStreaming => false;

    /// <inheritdoc />
    public override Schema OutputSchema(Schema input) => input;

    /// <inheritdoc />
    public override string Describe() =>
        $"Sort {string.Join(", ", Keys.Select(k => $"#{k.Column}{(k.Descending ? " DESC" : string.Empty)}{(k.NullsFirst ? " NULLS FIRST" : string.Empty)}"))}" +
        (Limit is { } limit ? $", top {limit}" : string.Empty);

    /// <summary>Equal when the keys and the limit are.</summary>
    public bool Equals(SortOperator? other) => other is not null && Limit == other.Limit && Keys.SequenceEqual(other.Keys);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Keys.Count, Limit);

    internal override OperatorState? CreateState() => null;

    internal override ColumnBatch Apply(ColumnBatch input) => RowSorter.Take(input, RowSorter.Order(input, Keys, Limit));
}
