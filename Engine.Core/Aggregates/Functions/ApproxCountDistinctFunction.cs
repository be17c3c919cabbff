using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>approx_count_distinct(x)</c>: an estimate of count(DISTINCT x) from a HyperLogLog sketch of 4096
/// registers, as BIGINT (as DuckDB); NULLs are skipped and a group without values answers 0. The relative
/// standard error is 1.04 / √4096 ≈ 1.6% (about 99.7% of estimates lie within three times that); DuckDB's own
/// sketch is smaller, so the two estimates differ. State: one row per non-zero register,
/// <c>[BIGINT group, BIGINT register · 256 + rank]</c>, merged by maximum, so merging in any order gives the same answer.
/// </summary>
public sealed class ApproxCountDistinctFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "approx_count_distinct";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        context.RequireCount(1, 1);
        return new GroupRowsKernel(DataType.Int64, [DataType.Int64, DataType.Int64], static () => new HyperLogLogAccumulator());
    }
}
