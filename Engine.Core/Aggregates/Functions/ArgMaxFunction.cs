using Engine.Core.Aggregates.Accumulators;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>arg_max(x, by)</c> (also <c>argmax</c>, <c>max_by</c>): x at the row with the largest <c>by</c>, over rows where
/// neither is NULL, as in DuckDB; ties go to the largest x so the answer does not depend on row order. The
/// result has x's type. State: [x at the best row, by at the best row], both NULL when the group has none.
/// </summary>
public sealed class ArgMaxFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "arg_max";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["argmax", "max_by"];

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        context.RequireCount(2, 2);
        var value = context.TypeOf(0);
        var by = context.TypeOf(1);
        return new AccumulatorKernel(value, [value, by], () => new ArgExtremeAccumulator(value, by, maximum: true));
    }
}
