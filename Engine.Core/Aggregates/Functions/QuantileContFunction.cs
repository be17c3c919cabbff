namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>quantile_cont(x, fraction)</c>: the exact quantile of the non-NULL values, interpolated between the two
/// nearest ranks as DuckDB 1.5 does; x is BIGINT (result DOUBLE), DOUBLE (DOUBLE) or TIMESTAMP (TIMESTAMP,
/// rounded to the microsecond). The fraction is a constant in [-1, 1]; a negative one counts from the top.
/// NULL over no values. List fractions (<c>[0.25, 0.5]</c>) are not supported: Engine has no list type.
/// State: one row per value, <c>[BIGINT group, x]</c>, merged by appending.
/// </summary>
public sealed class QuantileContFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "quantile_cont";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context) => QuantileBinding.Bind(context, continuous: true);
}
