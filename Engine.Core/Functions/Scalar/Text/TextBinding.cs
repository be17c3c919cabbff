using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>
/// The argument rules of the text functions, as DuckDB 1.5 has them: each argument is a VARCHAR or a BIGINT,
/// with no implicit cast from other types (<c>lower(123)</c> and <c>left(s, 1.5)</c> are errors); an untyped
/// NULL fits either, and a string literal converts to a BIGINT parameter.
/// </summary>
internal static class TextBinding
{
    /// <summary>
    /// Checks that the call has between <paramref name="min"/> and <paramref name="types"/>.Length arguments
    /// of those types, and retypes NULL literals to them.
    /// </summary>
    public static void Require(ScalarBindContext context, int min, string returns, params DataType[] types)
    {
        var signature = $"{context.Name}({string.Join(", ", types.Select((t, i) => i < min ? t.SqlName() : $"[{t.SqlName()}]"))}) -> {returns}";
        if (context.Count < min || context.Count > types.Length)
        {
            throw context.Error($"{context.Name}() takes {(min == types.Length ? $"{min}" : $"{min} to {types.Length}")} argument(s), got {context.Count}: {signature}");
        }

        for (var i = 0; i < context.Count; i++)
        {
            RequireType(context, i, types[i], signature);
        }

        FoldConstants(context);
    }

    /// <summary>
    /// Replaces arguments that read no column by their values now (the planner would fold them later), so the
    /// kernel sees them as constants: <c>s LIKE 'S' || '%'</c> compiles its pattern once.
    /// </summary>
    public static void FoldConstants(ScalarBindContext context)
    {
        for (var i = 0; i < context.Count; i++)
        {
            if (context.Arguments[i] is not Literal and not ColumnReference)
            {
                context.Replace(i, ConstantFolder.Fold(context.Arguments[i]));
            }
        }
    }

    /// <summary>Checks that argument <paramref name="index"/> has <paramref name="type"/> (or is a NULL literal, which is retyped).</summary>
    public static void RequireType(ScalarBindContext context, int index, DataType type, string signature)
    {
        // An untyped NULL fits any parameter, and a string literal converts to one, as DuckDB's literals do.
        if (context.Arguments[index] is Literal { Value.IsNull: true } or Literal { Value.Type.Id: TypeId.String })
        {
            context.Cast(index, type);
            return;
        }

        if (context.TypeOf(index) != type)
        {
            var got = string.Join(", ", context.Arguments.Select(a => a.Type.SqlName()));
            throw context.Error(index, $"No function matches {context.Name}({got}): {signature}; add an explicit CAST");
        }
    }

    /// <summary>Casts every argument to VARCHAR (concat and <c>||</c> take any type, as their text).</summary>
    public static void CastAllToText(ScalarBindContext context)
    {
        for (var i = 0; i < context.Count; i++)
        {
            if (!TypeCoercion.CanCast(context.TypeOf(i), DataType.String))
            {
                throw context.Error(i, $"{context.Name}() cannot convert {context.TypeOf(i).SqlName()} to VARCHAR");
            }

            context.Cast(i, DataType.String);
        }

        FoldConstants(context);
    }
}
