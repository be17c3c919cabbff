using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>product(x)</c>: the product of the non-NULL values, as DOUBLE for BIGINT and DOUBLE input (as DuckDB);
/// NULL over none. State: [DOUBLE product, BOOLEAN has a value].
/// </summary>
public sealed class ProductFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "product";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        context.RequireCount(1, 1);
        context.RequireNumeric(0);
        return new AccumulatorKernel(DataType.Double, [DataType.Double, DataType.Bool], static () => new ProductAccumulator());
    }
}
