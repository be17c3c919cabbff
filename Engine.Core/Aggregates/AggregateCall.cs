using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Aggregates;

/// <summary>
/// One aggregate to compute: its kind, its argument, an optional second argument (the time column for
/// first/last, the volume for vwap) and its result type. Plain data; part of a fragment plan.
/// </summary>
/// <param name="Kind">The aggregate function.</param>
/// <param name="Argument">The argument, or null for count(*).</param>
/// <param name="SecondArgument">The ordering time column of first/last or the volume of vwap; otherwise null.</param>
/// <param name="ResultType">The type of the finalized value.</param>
public sealed record AggregateCall(AggregateKind Kind, BoundExpression? Argument, BoundExpression? SecondArgument, DataType ResultType)
{
    /// <summary>The argument's type (BIGINT for count(*)).</summary>
    public DataType InputType => Argument?.Type ?? DataType.Int64;

    /// <summary>Canonical text, used to share one computation between equal calls in a query.</summary>
    public override string ToString() => Kind switch
    {
        AggregateKind.CountStar => "count(*)",
        AggregateKind.CountDistinct => $"count(DISTINCT {Argument})",
        _ when SecondArgument is not null => $"{Kind}({Argument}, {SecondArgument})",
        _ => $"{Kind}({Argument})",
    };
}
