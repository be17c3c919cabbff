using System.Globalization;
using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>approx_quantile(x, fraction)</c>: an approximate quantile of the finite non-NULL values of a BIGINT or
/// DOUBLE x, of x's type (BIGINT answers are rounded), as DuckDB types it; NULL over no values. The fraction is
/// a constant in [0, 1]. The sketch is a DDSketch with 1% relative accuracy: the answer is within 1% of the
/// value at rank ⌊fraction · (n − 1)⌋ (DuckDB uses a t-digest, so the two answers differ slightly). NaN and
/// ±Infinity are skipped, as in DuckDB. TIMESTAMP is not accepted (an error relative to the value since 1970 is
/// meaningless); use quantile_cont. State: one row per non-empty bucket, <c>[BIGINT group, BIGINT bucket,
/// BIGINT count]</c>, merged by adding counts, so merging in any order gives the same answer.
/// </summary>
public sealed class ApproxQuantileFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "approx_quantile";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        context.RequireCount(2, 2);
        var type = context.TypeOf(0);
        if (!type.IsNumeric())
        {
            throw context.Error(0, $"approx_quantile() sketches BIGINT or DOUBLE values (its error is relative to the value), got {type.SqlName()}; use quantile_cont() or quantile_disc()");
        }

        if (!context.TryGetConstant(1, out var value) || value.IsNull || !value.Type.IsNumeric())
        {
            throw context.Error(1, "approx_quantile() takes a constant numeric fraction between 0 and 1");
        }

        var fraction = value.DoubleValue;
        if (!(fraction is >= 0 and <= 1))
        {
            throw context.Error(1, $"the fraction of approx_quantile() must be between 0 and 1, got {fraction.ToString(CultureInfo.InvariantCulture)}");
        }

        return new GroupRowsKernel(type, [DataType.Int64, DataType.Int64, DataType.Int64], () => new ApproxQuantileAccumulator(type, fraction));
    }
}
