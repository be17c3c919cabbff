using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Arithmetic;

/// <summary>
/// <c>a / b</c>: always DOUBLE with IEEE 754 semantics, as in DuckDB 1.5 (<c>1 / 0</c> is Infinity,
/// <c>0 / 0</c> is NaN); both sides are cast to DOUBLE. An INTERVAL divided by a number is an INTERVAL
/// (see <see cref="IntervalScaling"/>).
/// </summary>
public sealed class DivideFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "/";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        if (IntervalScaling.TryBindDivide(context, out var scaling))
        {
            return scaling;
        }

        ArithmeticBinding.RequireNumbers(context, Name);
        context.Cast(0, DataType.Double);
        context.Cast(1, DataType.Double);
        return new DoubleArithmeticKernel<DivideOperation>();
    }

    /// <inheritdoc />
    public override string Format(IReadOnlyList<BoundExpression> arguments) => ArithmeticBinding.Infix(Name, arguments);

    private readonly struct DivideOperation : IArithmeticOperation
    {
        public static string Symbol => "/";

        public static bool TryApply(long left, long right, out long result) => throw new NotSupportedException("Division is always DOUBLE.");

        public static double Apply(double left, double right) => left / right;
    }
}
