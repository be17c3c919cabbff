using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Conditional;

/// <summary>
/// <c>nullif(a, b)</c>: NULL when <c>a = b</c>, else <c>a</c> (with <c>a</c>'s type), as in DuckDB: the CASE
/// <c>CASE WHEN a = b THEN NULL ELSE a END</c>.
/// </summary>
public sealed class NullIfFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "nullif";

    /// <inheritdoc />
    public override BoundExpression? Expand(ScalarBindContext context)
    {
        context.RequireCount(2, 2, "nullif(a, b)");
        var (a, b) = (context.Arguments[0], context.Arguments[1]);
        if (TypeCoercion.CommonType([TypeCoercion.TypeForUnification(a), TypeCoercion.TypeForUnification(b)]) is null)
        {
            throw context.Error(1, $"nullif() compares two values of one type, got {a.Type.SqlName()} and {b.Type.SqlName()}");
        }

        var equal = new ComparisonExpression(ComparisonOperator.Equal, a, b is Literal { Value.IsNull: true } ? new Literal(ScalarValue.Null(a.Type)) : b);
        return new CaseExpression([new CaseWhen(equal, new Literal(ScalarValue.Null(a.Type)))], a, a.Type);
    }

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => throw context.Error("nullif() is expanded into CASE by the binder");
}
