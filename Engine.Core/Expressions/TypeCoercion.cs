using Engine.Core.Columns;
using Engine.Core.Execution.Kernels;

namespace Engine.Core.Expressions;

/// <summary>
/// The implicit conversions expressions with several results share (CASE branches, COALESCE arguments,
/// UNION columns), as DuckDB types them: equal types stay; BIGINT with DOUBLE is DOUBLE; an untyped NULL
/// literal takes the other side's type. Stateless and thread-safe.
/// </summary>
public static class TypeCoercion
{
    /// <summary>The type every one of <paramref name="types"/> converts to implicitly, or null when there is none.</summary>
    /// <param name="types">The types, with null for an untyped NULL literal (which fits any type).</param>
    public static DataType? CommonType(IEnumerable<DataType?> types)
    {
        ArgumentNullException.ThrowIfNull(types);
        DataType? common = null;
        foreach (var type in types)
        {
            if (type is not { } t)
            {
                continue;
            }

            if (common is not { } c || c == t)
            {
                common = t;
            }
            else if (c.IsNumeric() && t.IsNumeric())
            {
                common = DataType.Double;
            }
            else
            {
                return null;
            }
        }

        return common;
    }

    /// <summary>The type of <paramref name="expression"/> for <see cref="CommonType"/>: null for a NULL literal, whose type is only a default.</summary>
    public static DataType? TypeForUnification(BoundExpression expression) =>
        expression is Literal { Value.IsNull: true } ? null : expression.Type;

    /// <summary>True when CAST can convert values of <paramref name="from"/> to <paramref name="to"/> (TIMESTAMP and INTERVAL do not convert to or from numbers).</summary>
    public static bool CanCast(DataType from, DataType to) => CastKernel.CanCast(from, to);

    /// <summary><paramref name="expression"/> converted to <paramref name="type"/>: itself, a retyped NULL, or a cast.</summary>
    /// <exception cref="ArgumentException">No conversion exists between the types.</exception>
    public static BoundExpression CastTo(BoundExpression expression, DataType type)
    {
        ArgumentNullException.ThrowIfNull(expression);
        if (expression.Type == type)
        {
            return expression;
        }

        if (expression is Literal { Value.IsNull: true })
        {
            return new Literal(ScalarValue.Null(type));
        }

        return CanCast(expression.Type, type)
            ? new CastExpression(expression, type)
            : throw new ArgumentException($"No cast from {expression.Type.SqlName()} to {type.SqlName()}.", nameof(expression));
    }
}
