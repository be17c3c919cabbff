using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>stddev_samp(x)</c>: Sample standard deviation (NULL below two values), as DOUBLE. State: [BIGINT n, DOUBLE mean, DOUBLE M2], merged with Chan's
/// formula so the answer does not depend on how rows were split.
/// </summary>
public sealed class StddevSampFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "stddev_samp";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["stddev"];

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        context.RequireCount(1, 1);
        context.RequireNumeric(0);
        return new AccumulatorKernel(DataType.Double, [DataType.Int64, DataType.Double, DataType.Double], static () => new VarianceAccumulator(sample: true, root: true));
    }
}
