using Engine.Core.Columns;

namespace Engine.Core.Aggregates;

/// <summary>
/// The column layout of each aggregate's exported state, one row per group unless noted. This is the
/// contract between fragments, the gather step and the wire format.
/// <list type="bullet">
/// <item>count(*), count(x): [BIGINT count].</item>
/// <item>sum(x): [sum of the input type, BIGINT count of values].</item>
/// <item>avg(x): [sum of the input type, BIGINT count].</item>
/// <item>min(x), max(x): [value of the input type, NULL when the group has no value].</item>
/// <item>first(x), last(x): [value of the input type, TIMESTAMP time]; both NULL when no value.</item>
/// <item>var/stddev: [BIGINT n, DOUBLE mean, DOUBLE M2] merged with Chan's formula.</item>
/// <item>vwap: [DOUBLE sum(price × volume), DOUBLE sum(volume), BIGINT count].</item>
/// <item>count(DISTINCT x): [BIGINT group, value] — one row per distinct (group, value), not per group.</item>
/// </list>
/// </summary>
public static class AggregateStateLayout
{
    /// <summary>The types of the state columns of <paramref name="call"/>.</summary>
    public static IReadOnlyList<DataType> StateTypes(AggregateCall call) => call.Kind switch
    {
        AggregateKind.CountStar or AggregateKind.Count => [DataType.Int64],
        AggregateKind.Sum or AggregateKind.Avg => [call.InputType, DataType.Int64],
        AggregateKind.Min or AggregateKind.Max => [call.InputType],
        AggregateKind.First or AggregateKind.Last => [call.InputType, DataType.Timestamp],
        AggregateKind.Vwap => [DataType.Double, DataType.Double, DataType.Int64],
        AggregateKind.CountDistinct => [DataType.Int64, call.InputType],
        _ => [DataType.Int64, DataType.Double, DataType.Double],
    };
}
