namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>median(x)</c>: quantile_cont(x, 0.5) for BIGINT (result DOUBLE), DOUBLE and TIMESTAMP, and
/// quantile_disc(x, 0.5) (the lower middle value) for VARCHAR, BOOLEAN and INTERVAL, as DuckDB 1.5 does.
/// NULL over no values. State: one row per value, <c>[BIGINT group, x]</c>, merged by appending.
/// </summary>
public sealed class MedianFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "median";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        context.RequireCount(1, 1);
        var type = context.TypeOf(0);
        return QuantileBinding.Kernel(type, 0.5, continuous: QuantileBinding.Interpolates(type));
    }
}
