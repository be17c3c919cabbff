using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Planning;

namespace Engine.Core.Pipelines;

/// <summary>
/// Collects the rows that reach it, of schema <paramref name="Rows"/>: all of them; the first
/// <paramref name="Limit"/> (then it is satisfied and the fragment stops reading); or, with
/// <paramref name="OrderBy"/> and a limit, the top N (compacted as rows arrive, so a worker never holds
/// much more than 2N rows). The partial is a <see cref="RowPartial"/>; at the coordinator the gathered rows
/// are the coordinator pipeline's input.
/// </summary>
/// <param name="Rows">The schema of the rows (the projection before the sink).</param>
/// <param name="OrderBy">The order of a top-N over the row columns; empty for none.</param>
/// <param name="Limit">At most this many rows are needed from the fragment, or null for all.</param>
public sealed record CollectSink(Schema Rows, IReadOnlyList<SortKey> OrderBy, long? Limit) : SinkPlan
{
    /// <inheritdoc />
    public override string Name => "Collect";

    /// <inheritdoc />
    public override string Describe() => (OrderBy.Count, Limit) switch
    {
        (_, null) => "Collect rows",
        (0, { } limit) => $"Collect the first {limit} rows",
        (_, { } limit) => $"Collect the top {limit} rows by {string.Join(", ", OrderBy.Select(k => $"#{k.Column}{(k.Descending ? " DESC" : string.Empty)}"))}",
    };

    /// <inheritdoc />
    public override Schema FinalSchema => Rows;

    /// <summary>Equal when the row types, the order and the limit are.</summary>
    public bool Equals(CollectSink? other) =>
        other is not null && Limit == other.Limit && OrderBy.SequenceEqual(other.OrderBy) &&
        Rows.Fields.Select(f => f.Type).SequenceEqual(other.Rows.Fields.Select(f => f.Type));

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Rows.Count, OrderBy.Count, Limit);

    /// <inheritdoc />
    public override ColumnBatch Finalize(PartialResult merged) =>
        merged is RowPartial rows ? rows.Rows : throw new ArgumentException("A collecting sink finalizes row partials.", nameof(merged));

    internal override SinkState CreateState() => new State(this);

    private sealed class State(CollectSink plan) : SinkState
    {
        private readonly List<ColumnBatch> _batches = [];
        private long _rows;

        public override bool IsSatisfied => plan.Limit is { } limit && plan.OrderBy.Count == 0 && _rows >= limit;

        public override void Sink(in Chunk chunk)
        {
            if (IsSatisfied)
            {
                return;
            }

            var batch = chunk.Materialize();
            _batches.Add(new ColumnBatch(plan.Rows, batch.Columns, batch.RowCount));
            _rows += batch.RowCount;
            if (plan.Limit is { } limit && plan.OrderBy.Count > 0 && _rows > (2 * limit) + FragmentExecutor.MorselRows)
            {
                Compact();
            }
        }

        public override PartialResult Combine(long rowsScanned)
        {
            Compact();
            var rows = _batches.Count == 0 ? Empty() : _batches[0];
            return new RowPartial(rows, rowsScanned);
        }

        private void Compact()
        {
            if (_batches.Count == 0)
            {
                return;
            }

            var all = _batches.Count == 1 ? _batches[0] : ColumnConcat.Concat(plan.Rows, _batches);
            var order = RowSorter.Order(all, plan.OrderBy, plan.Limit);
            var kept = order.Length == all.RowCount && plan.OrderBy.Count == 0 ? all : RowSorter.Take(all, order);
            _batches.Clear();
            _batches.Add(kept);
            _rows = kept.RowCount;
        }

        private ColumnBatch Empty() =>
            new(plan.Rows, [.. plan.Rows.Fields.Select(f => new ColumnBuilder(f.Type).Build())], 0);
    }
}
