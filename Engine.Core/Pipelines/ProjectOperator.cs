using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Expressions;

namespace Engine.Core.Pipelines;

/// <summary>
/// Computes <paramref name="Expressions"/> over the selected rows and passes on a dense batch of just those
/// columns, named <paramref name="Names"/>.
/// </summary>
/// <param name="Expressions">The output columns, as expressions over the operator's input.</param>
/// <param name="Names">The output column names (unique ignoring case), as long as <paramref name="Expressions"/>.</param>
public sealed record ProjectOperator(IReadOnlyList<BoundExpression> Expressions, IReadOnlyList<string> Names) : PipelineOperator
{
    /// <inheritdoc />
    public override string Name => "Project";

    /// <inheritdoc />
    public override bool IsStreaming => true;

    /// <summary>The schema the projection produces.</summary>
    public Schema Schema => new([.. Expressions.Select((e, i) => new Field(Names[i], e.Type))]);

    /// <inheritdoc />
    public override Schema OutputSchema(Schema input) => Schema;

    /// <inheritdoc />
    public override string Describe() => $"Project {string.Join(", ", Expressions.Select((e, i) => $"{e} AS {Names[i]}"))}";

    /// <summary>Equal when the expressions and names are, in order.</summary>
    public bool Equals(ProjectOperator? other) =>
        other is not null && Expressions.SequenceEqual(other.Expressions) && Names.SequenceEqual(other.Names, StringComparer.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Expressions.Count, Names.Count);

    internal override OperatorState CreateState() => new State(this);

    internal override ColumnBatch Apply(ColumnBatch input) => OperatorState.ApplyStreaming(CreateState(), input);

    private sealed class State(ProjectOperator plan) : OperatorState
    {
        private readonly Schema _schema = plan.Schema;

        public override bool Push(ref Chunk chunk)
        {
            var columns = new Column[plan.Expressions.Count];
            for (var i = 0; i < columns.Length; i++)
            {
                columns[i] = ExpressionEvaluator.Evaluate(plan.Expressions[i], chunk.Batch, chunk.Selection);
            }

            chunk = Chunk.Of(new ColumnBatch(_schema, columns, chunk.Count));
            return true;
        }
    }
}
