namespace Engine.Core.Aggregates.Functions;

/// <summary><c>bool_or(b)</c>: true when any non-NULL value is true; NULL over none. State: [BOOLEAN so far].</summary>
public sealed class BoolOrFunction : AggregateFunction
{
    /// <inheritdoc />
    public override string Name => "bool_or";

    /// <inheritdoc />
    public override AggregateKernel Bind(AggregateBindContext context) => BooleanArgument.Bind(context, conjunction: false);
}
