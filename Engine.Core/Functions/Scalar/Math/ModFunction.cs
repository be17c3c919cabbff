using Engine.Core.Functions.Scalar.Arithmetic;

namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// <c>mod(a, b)</c>: the remainder of a / b, the same function as the operator <c>a % b</c>
/// (<see cref="ModuloFunction"/>): BIGINT for two BIGINTs (NULL when b is 0), else DOUBLE.
/// </summary>
public sealed class ModFunction : ScalarFunction
{
    private static readonly ModuloFunction s_modulo = new();

    /// <inheritdoc />
    public override string Name => "mod";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(2, 2, "mod(a, b)");
        MathBinding.RequireNumber(context, 0);
        MathBinding.RequireNumber(context, 1);
        return s_modulo.Bind(context);
    }
}
