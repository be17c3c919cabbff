using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Conditional;

/// <summary><c>ifnull(a, b)</c> (also <c>nvl</c>): <c>a</c> unless it is NULL, then <c>b</c>. Evaluated lazily: later arguments are computed only for the rows still NULL.</summary>
public sealed class IfNullFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "ifnull";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["nvl"];

    /// <inheritdoc />
    public override BoundExpression? Expand(ScalarBindContext context)
    {
        context.RequireCount(2, 2, "ifnull(a, b)");
        return ConditionalExpansion.Coalesce(context);
    }

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => throw context.Error("ifnull() is expanded into CASE by the binder");
}
