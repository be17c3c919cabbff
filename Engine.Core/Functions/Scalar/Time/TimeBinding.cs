using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>Argument checks the time functions share. Stateless; used at bind time only.</summary>
internal static class TimeBinding
{
    /// <summary>Throws unless argument <paramref name="index"/> is a TIMESTAMP; a bare NULL becomes a NULL TIMESTAMP.</summary>
    public static void RequireTimestamp(ScalarBindContext context, int index, string signature) => Require(context, index, DataType.Timestamp, signature);

    /// <summary>Throws unless argument <paramref name="index"/> is of <paramref name="type"/>; a bare NULL becomes a NULL of it.</summary>
    public static void Require(ScalarBindContext context, int index, DataType type, string signature)
    {
        if (IsBareNull(context, index))
        {
            context.Cast(index, type);
        }

        if (context.TypeOf(index) != type)
        {
            throw context.Error(index, $"{signature} needs a {type.SqlName()} as argument {index + 1}, got {context.TypeOf(index).SqlName()}");
        }
    }

    /// <summary>True when argument <paramref name="index"/> is an untyped NULL literal (NULL binds as a BIGINT NULL).</summary>
    public static bool IsBareNull(ScalarBindContext context, int index) => context.Arguments[index] is Literal { Value.IsNull: true };

    /// <summary>
    /// The date part named by the constant text argument <paramref name="index"/>, or null for a NULL constant
    /// (the call is then NULL). Throws for a part that is not a constant or not a specifier.
    /// </summary>
    public static DatePart? RequirePart(ScalarBindContext context, int index, string function)
    {
        if (!context.TryGetConstant(index, out var constant) || (!constant.IsNull && constant.Type != DataType.String))
        {
            throw context.Error(index, $"{function} needs a constant part such as 'year' or 'hour' as argument {index + 1}, got {context.Arguments[index]}");
        }

        if (constant.IsNull)
        {
            return null;
        }

        return DateParts.TryParse(constant.StringValue, out var part)
            ? part
            : throw context.Error(index, $"'{constant.StringValue}' is not a date part; {function} knows {DateParts.Known}");
    }
}
