using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Arithmetic;

/// <summary><c>a + b</c>: numbers, or a TIMESTAMP and an INTERVAL, or two INTERVALs (see <see cref="ArithmeticBinding"/>).</summary>
public sealed class AddFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "+";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) =>
        ArithmeticBinding.TryBindTemporal<AddOperation>(context, subtract: false, out var temporal) ? temporal : ArithmeticBinding.BindNumeric<AddOperation>(context);

    /// <inheritdoc />
    public override string Format(IReadOnlyList<BoundExpression> arguments) => ArithmeticBinding.Infix(Name, arguments);
}
