using Engine.Core.Columns;

namespace Engine.Core.Aggregates;

/// <summary>Creates the accumulator that computes an <see cref="AggregateCall"/>.</summary>
internal static class AccumulatorFactory
{
    public static GroupedAccumulator Create(AggregateCall call) => call.Kind switch
    {
        AggregateKind.CountStar or AggregateKind.Count => new CountAccumulator(),
        AggregateKind.Sum or AggregateKind.Avg when call.InputType == DataType.Int64 => new SumAccumulator<long>(call.Kind == AggregateKind.Avg),
        AggregateKind.Sum or AggregateKind.Avg => new SumAccumulator<double>(call.Kind == AggregateKind.Avg),
        AggregateKind.Min => new MinMaxAccumulator(call.InputType, maximum: false),
        AggregateKind.Max => new MinMaxAccumulator(call.InputType, maximum: true),
        AggregateKind.First => new FirstLastAccumulator(call.InputType, last: false),
        AggregateKind.Last => new FirstLastAccumulator(call.InputType, last: true),
        AggregateKind.Vwap => new VwapAccumulator(),
        AggregateKind.CountDistinct => new CountDistinctAccumulator(call.InputType),
        _ => new VarianceAccumulator(call.Kind),
    };
}
