using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>count_if(b)</c> (also <c>countif</c>): how many values are true; NULL when a group has no non-NULL
/// value, as in DuckDB. DuckDB's result type is HUGEINT; Engine returns BIGINT with the same values.
/// State: [BIGINT trues, BIGINT non-NULL values].
/// </summary>
public sealed class CountIfFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "count_if";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["countif"];

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        BooleanArgument.Require(context);
        return new AccumulatorKernel(DataType.Int64, [DataType.Int64, DataType.Int64], static () => new CountIfAccumulator());
    }
}
