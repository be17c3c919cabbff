using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// <c>string_agg(x[, separator])</c> (also <c>listagg</c>, <c>group_concat</c>): the non-NULL values of x cast
/// to VARCHAR, joined by the separator (a constant VARCHAR, ',' by default), as VARCHAR; NULL over no values
/// and when the separator is NULL. Without ORDER BY (not supported inside the call yet) the order is the order
/// rows arrive, which across threads and workers is not deterministic (as in DuckDB). State: [VARCHAR joined so far].
/// </summary>
public sealed class StringAggFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "string_agg";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["listagg", "group_concat"];

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context)
    {
        context.RequireCount(1, 2);
        context.Cast(0, DataType.String);
        var separator = ",";
        if (context.Count == 2)
        {
            if (!context.TryGetConstant(1, out var value))
            {
                throw context.Error(1, $"the separator of {context.Name}() must be a constant");
            }

            if (!value.IsNull && value.Type != DataType.String)
            {
                throw context.Error(1, $"the separator of {context.Name}() must be VARCHAR, got {value.Type.SqlName()}");
            }

            separator = value.IsNull ? null : value.StringValue;
        }

        return new AccumulatorKernel(DataType.String, [DataType.String], () => new StringAggAccumulator(separator));
    }
}
