using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>Shared pieces of <c>ToSql</c>: quoting identifiers and strings, lists, operator spellings.</summary>
internal static class SqlFormatter
{
    /// <summary>
    /// Appends <paramref name="name"/> bare when it reads back unchanged, otherwise in double quotes with
    /// <c>"</c> doubled. <paramref name="forceQuotes"/> always quotes (for names that were quoted in the source).
    /// </summary>
    public static void WriteIdentifier(StringBuilder builder, string name, bool forceQuotes)
    {
        if (!forceQuotes && SqlKeywords.IsBareIdentifier(name))
        {
            builder.Append(name);
            return;
        }

        builder.Append('"');
        foreach (var c in name)
        {
            builder.Append(c);
            if (c == '"')
            {
                builder.Append('"');
            }
        }

        builder.Append('"');
    }

    /// <summary>Appends <paramref name="value"/> as a single-quoted literal with <c>'</c> doubled.</summary>
    public static void WriteString(StringBuilder builder, string value)
    {
        builder.Append('\'');
        foreach (var c in value)
        {
            builder.Append(c);
            if (c == '\'')
            {
                builder.Append('\'');
            }
        }

        builder.Append('\'');
    }

    /// <summary>Appends the expressions separated by <c>", "</c>.</summary>
    public static void WriteList(StringBuilder builder, IReadOnlyList<SqlExpression> expressions)
    {
        for (var i = 0; i < expressions.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            expressions[i].WriteSql(builder);
        }
    }

    /// <summary>The SQL spelling of a binary operator.</summary>
    public static string OperatorText(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+",
        BinaryOperator.Subtract => "-",
        BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/",
        BinaryOperator.Modulo => "%",
        BinaryOperator.Equal => "=",
        BinaryOperator.NotEqual => "<>",
        BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=",
        BinaryOperator.Greater => ">",
        BinaryOperator.GreaterOrEqual => ">=",
        BinaryOperator.And => "AND",
        BinaryOperator.Or => "OR",
        BinaryOperator.Concat => "||",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown binary operator."),
    };
}
