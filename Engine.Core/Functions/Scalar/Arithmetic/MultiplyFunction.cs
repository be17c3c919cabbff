using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Arithmetic;

/// <summary><c>a * b</c> over numbers (see <see cref="ArithmeticBinding"/>).</summary>
public sealed class MultiplyFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "*";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => ArithmeticBinding.BindNumeric<MultiplyOperation>(context);

    /// <inheritdoc />
    public override string Format(IReadOnlyList<BoundExpression> arguments) => ArithmeticBinding.Infix(Name, arguments);
}
