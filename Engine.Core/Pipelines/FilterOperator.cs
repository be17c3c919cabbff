using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Expressions;

namespace Engine.Core.Pipelines;

/// <summary>
/// Keeps the rows for which <paramref name="Predicate"/> is true (NULL counts as false). On a whole morsel
/// it first tries what needs no row-by-row work: a conjunction of <c>column op constant</c> over sorted
/// columns becomes a slice (two binary searches), and min/max decide morsels wholly in or out of a range;
/// then <c>column op constant</c> kernels and the general evaluator narrow a selection, and a contiguous
/// selection becomes a slice again.
/// </summary>
/// <param name="Predicate">A BOOLEAN expression over the operator's input.</param>
public sealed record FilterOperator(BoundExpression Predicate) : PipelineOperator
{
    /// <inheritdoc />
    public override string Name => "Filter";

    /// <inheritdoc />
    public override bool IsStreaming => true;

    /// <inheritdoc />
    public override Schema OutputSchema(Schema input) => input;

    /// <inheritdoc />
    public override string Describe() => $"Filter {Predicate}";

    internal override OperatorState CreateState() => new State(Predicate);

    internal override ColumnBatch Apply(ColumnBatch input) => OperatorState.ApplyStreaming(CreateState(), input);

    private sealed class State(BoundExpression predicate) : OperatorState
    {
        private readonly SelectionBuffers _buffers = new();

        public override bool Push(ref Chunk chunk)
        {
            var batch = chunk.Batch;
            if (chunk.Selection.IsAll)
            {
                if (SortedRangeFilter.TryRange(predicate, batch, out var from, out var length))
                {
                    if (length == 0)
                    {
                        return false;
                    }

                    chunk = Chunk.Of(length == batch.RowCount ? batch : batch.Slice(from, length));
                    return true;
                }

                switch (MorselRangeCheck.Check(predicate, batch))
                {
                    case FilterOutcome.None:
                        return false;
                    case FilterOutcome.All:
                        return true;
                }
            }

            var selection = ExpressionEvaluator.Filter(predicate, batch, chunk.Selection, _buffers);
            if (selection.Count == 0)
            {
                return false;
            }

            // A contiguous selection (a time range over sorted rows) is a slice: no gather copies downstream.
            chunk = selection.IsContiguous(out var start) && !selection.IsAll
                ? Chunk.Of(batch.Slice(start, selection.Count))
                : new Chunk(batch, selection);
            return true;
        }
    }
}
