using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Conditional;

/// <summary><c>coalesce(a, b, …)</c>: the first argument that is not NULL (NULL when all are); arguments are unified to one type, as in a CASE. Evaluated lazily: later arguments are computed only for the rows still NULL.</summary>
public sealed class CoalesceFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "coalesce";

    /// <inheritdoc />
    public override BoundExpression? Expand(ScalarBindContext context)
    {
        return ConditionalExpansion.Coalesce(context);
    }

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => throw context.Error("coalesce() is expanded into CASE by the binder");
}
