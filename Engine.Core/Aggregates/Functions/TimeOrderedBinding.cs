using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary>
/// The argument rule of aggregates that take a value at a time (first, last): <c>f(x)</c> orders by the
/// table's time column, which binding adds as an explicit second argument, and <c>f(x, ts)</c> by
/// <c>ts</c>, which must be a TIMESTAMP.
/// </summary>
internal static class TimeOrderedBinding
{
    public static void BindTime(AggregateBindContext context)
    {
        context.RequireCount(1, 2);
        if (context.Count == 1)
        {
            var time = context.TimeColumn ?? throw context.Error(
                $"{context.Name}(x) orders by the table's time column, and table '{context.TableName}' has none; pass one: {context.Name}(x, ts)");
            context.Add(time);
        }

        if (context.TypeOf(1) != DataType.Timestamp)
        {
            throw context.Error(1, $"{context.Name}() orders by a TIMESTAMP, got {context.TypeOf(1).SqlName()}");
        }
    }
}
