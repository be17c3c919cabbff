using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Arithmetic;

/// <summary><c>a * b</c> over numbers (see <see cref="ArithmeticBinding"/>), or an INTERVAL scaled by a number (see <see cref="IntervalScaling"/>).</summary>
public sealed class MultiplyFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "*";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) =>
        IntervalScaling.TryBindMultiply(context, out var scaling) ? scaling : ArithmeticBinding.BindNumeric<MultiplyOperation>(context);

    /// <inheritdoc />
    public override string Format(IReadOnlyList<BoundExpression> arguments) => ArithmeticBinding.Infix(Name, arguments);
}
