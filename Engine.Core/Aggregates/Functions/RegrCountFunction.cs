using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>regr_count(y, x)</c>: the number of rows where neither y nor x is NULL; 0 over none. BIGINT (DuckDB
/// answers UINTEGER, a type Engine does not have; the values are the same). State: [BIGINT count].
/// </summary>
public sealed class RegrCountFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "regr_count";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        CoMomentBinding.RequireNumericPair(context);
        return new AccumulatorKernel(DataType.Int64, [DataType.Int64], static () => new PairCountAccumulator());
    }
}
