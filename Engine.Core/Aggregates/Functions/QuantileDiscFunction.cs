namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>quantile_disc(x, fraction)</c> (also <c>quantile</c>): the exact quantile of the non-NULL values, one of
/// the values itself, of x's type (any type), picked as DuckDB 1.5 picks it. The fraction is a constant in
/// [-1, 1]; a negative one counts from the top. NULL over no values. List fractions are not supported.
/// State: one row per value, <c>[BIGINT group, x]</c>, merged by appending.
/// </summary>
public sealed class QuantileDiscFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "quantile_disc";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["quantile"];

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context) => QuantileBinding.Bind(context, continuous: false);
}
