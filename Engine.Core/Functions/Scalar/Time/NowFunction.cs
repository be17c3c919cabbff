using Engine.Core.Columns;
using Engine.Core.Execution.Kernels;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// <c>now()</c>, <c>current_timestamp</c>, <c>get_current_timestamp()</c> and
/// <c>transaction_timestamp()</c>: the time the statement started, one value for the whole statement (every
/// call, every query block, every fragment and remote worker), as in DuckDB. A
/// <see cref="FunctionVolatility.Stable"/> function: the value is the bind context's
/// <see cref="ScalarBindContext.StatementTimestamp"/>, folded into a constant on the coordinator before
/// planning, so it also prunes partitions. DuckDB returns a TIMESTAMP WITH TIME ZONE; Engine has no time
/// zones and returns the same instant as a TIMESTAMP (UTC).
/// </summary>
public sealed class NowFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "now";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["current_timestamp", "get_current_timestamp", "transaction_timestamp"];

    /// <inheritdoc />
    public override FunctionVolatility Volatility => FunctionVolatility.Stable;

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(0, 0, $"{context.Name}()");
        return context.StatementTimestamp is { } micros
            ? new Kernel(ScalarValue.FromTimestamp(micros))
            : throw context.Error($"{context.Name}() can only be bound with a statement (it is folded into a constant when the statement is bound)");
    }

    private sealed class Kernel(ScalarValue value) : ScalarKernel(DataType.Timestamp)
    {
        public override Column Evaluate(ScalarArguments arguments) => ConstantColumn.Broadcast(value, arguments.RowCount);
    }
}
