using Engine.Core.Columns;
using Engine.Core.Execution.Kernels;

namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary><c>pi()</c>: π as a DOUBLE; a constant, so it folds before planning.</summary>
public sealed class PiFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "pi";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(0, 0, "pi()");
        return new Kernel();
    }

    private sealed class Kernel() : ScalarKernel(DataType.Double)
    {
        public override Column Evaluate(ScalarArguments arguments) => ConstantColumn.Broadcast(ScalarValue.FromDouble(double.Pi), arguments.RowCount);
    }
}
