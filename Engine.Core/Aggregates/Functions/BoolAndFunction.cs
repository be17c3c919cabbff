namespace Engine.Core.Aggregates.Functions;

/// <summary><c>bool_and(b)</c>: true when every non-NULL value is true; NULL over none. State: [BOOLEAN so far].</summary>
public sealed class BoolAndFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "bool_and";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context) => BooleanArgument.Bind(context, conjunction: true);
}
