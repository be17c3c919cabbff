using Engine.Core.Aggregates.Accumulators;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>arg_min(x, by)</c> (also <c>argmin</c>, <c>min_by</c>): x at the row with the smallest <c>by</c>, over rows where
/// neither is NULL, as in DuckDB; ties go to the smallest x so the answer does not depend on row order. The
/// result has x's type. State: [x at the best row, by at the best row], both NULL when the group has none.
/// </summary>
public sealed class ArgMinFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "arg_min";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["argmin", "min_by"];

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        context.RequireCount(2, 2);
        var value = context.TypeOf(0);
        var by = context.TypeOf(1);
        return new AccumulatorKernel(value, [value, by], () => new ArgExtremeAccumulator(value, by, maximum: false));
    }
}
