using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Conditional;

/// <summary>The CASE expressions COALESCE, IFNULL and NULLIF stand for, with their arguments unified to one type.</summary>
internal static class ConditionalExpansion
{
    /// <summary><c>CASE WHEN a IS NOT NULL THEN a WHEN b IS NOT NULL THEN b … ELSE last END</c>, over the common type.</summary>
    public static CaseExpression Coalesce(ScalarBindContext context)
    {
        if (context.Count == 0)
        {
            throw context.Error($"{context.Name}() takes at least 1 argument");
        }

        var types = context.Arguments.Select(TypeCoercion.TypeForUnification).ToArray();
        var common = types.All(t => t is null) ? context.TypeOf(0)
            : TypeCoercion.CommonType(types)
            ?? throw context.Error($"{context.Name}() needs arguments of one type, got {string.Join(", ", context.Arguments.Select(a => a.Type.SqlName()))}");

        var arguments = context.Arguments.Select(a => TypeCoercion.CastTo(a, common)).ToArray();
        var branches = arguments[..^1].Select(a => new CaseWhen(new IsNullExpression(a, Negated: true), a)).ToArray();
        return new CaseExpression(branches, arguments[^1], common);
    }
}
