using Engine.Core.Functions;

namespace Engine.Core.Expressions;

/// <summary>
/// A call of a registered scalar function with its bound <paramref name="Kernel"/>. Equal to another call
/// of the same function (by wire name) with equal arguments. Replacing the arguments binds the call again.
/// </summary>
/// <param name="Function">The function called.</param>
/// <param name="Kernel">What <see cref="ScalarFunction.Bind"/> returned for these arguments.</param>
/// <param name="Arguments">The arguments, after any casts the binding made.</param>
public sealed record FunctionExpression(ScalarFunction Function, ScalarKernel Kernel, IReadOnlyList<BoundExpression> Arguments)
    : BoundExpression(Kernel.ResultType)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => Arguments;

    /// <summary>Binds <paramref name="function"/> to the arguments of <paramref name="context"/> (see <see cref="ScalarFunction.Bind"/>).</summary>
    public static FunctionExpression Bind(ScalarFunction function, ScalarBindContext context)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(context);
        var kernel = function.Bind(context);
        return new FunctionExpression(function, kernel, context.Arguments);
    }

    /// <inheritdoc />
    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children) =>
        Bind(Function, new ScalarBindContext(Function.Name, children));

    /// <inheritdoc />
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitFunction(this);

    /// <summary>Equal when the function (by wire name), the result type and the arguments are.</summary>
    public bool Equals(FunctionExpression? other) =>
        other is not null && Type == other.Type &&
        string.Equals(Function.WireName, other.Function.WireName, StringComparison.Ordinal) &&
        Arguments.SequenceEqual(other.Arguments);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Function.WireName), Arguments.Count, Type);

    /// <inheritdoc />
    public override string ToString() => Function.Format(Arguments);
}
