using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary>The binding of aggregates over one BOOLEAN argument.</summary>
internal static class BooleanArgument
{
    /// <summary>Throws unless the call has one BOOLEAN argument.</summary>
    public static void Require(AggregateBindContext context)
    {
        context.RequireCount(1, 1);
        if (context.TypeOf(0) != DataType.Bool)
        {
            throw context.Error(0, $"{context.Name}() needs a BOOLEAN argument, got {context.TypeOf(0).SqlName()}");
        }
    }

    /// <summary>bool_and (<paramref name="conjunction"/>) or bool_or.</summary>
    public static AggregateKernel Bind(AggregateBindContext context, bool conjunction)
    {
        Require(context);
        return new AccumulatorKernel(DataType.Bool, [DataType.Bool], () => new BoolAccumulator(conjunction));
    }
}
