using Engine.Core.Aggregates.Accumulators;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>regr_intercept(y, x)</c>: the intercept avg(y) − regr_slope(y, x) · avg(x) of the least-squares line, as DOUBLE; NULL over no pairs and when x is constant (as DuckDB). State: the pair count, both means and the co-moments (see CoMomentAccumulator), merged with Chan's formulas.
/// </summary>
public sealed class RegrInterceptFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "regr_intercept";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context) => CoMomentBinding.Bind(context, static m => double.IsNaN(CoMomentBinding.Slope(m)) ? null : m.MeanY - (CoMomentBinding.Slope(m) * m.MeanX));
}
