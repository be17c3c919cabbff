using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>One entry of the select list: <c>*</c>, or an expression with an optional alias.</summary>
/// <param name="Expression">The expression; null exactly when <paramref name="IsStar"/> is true.</param>
/// <param name="Alias">The name given with <c>[AS] alias</c> (case preserved, unquoted), or null.</param>
/// <param name="IsStar">True for <c>SELECT *</c>: every column of the table.</param>
/// <param name="Position">Where the item starts.</param>
public sealed record SelectItem(SqlExpression? Expression, string? Alias, bool IsStar, SourcePosition Position)
{
    /// <summary>Prints the item as SQL: <c>*</c> or <c>expression [AS alias]</c>.</summary>
    public string ToSql()
    {
        var builder = new StringBuilder();
        WriteSql(builder);
        return builder.ToString();
    }

    internal void WriteSql(StringBuilder builder)
    {
        if (IsStar || Expression is null)
        {
            builder.Append('*');
            return;
        }

        Expression.WriteSql(builder);
        if (Alias is not null)
        {
            builder.Append(" AS ");
            SqlFormatter.WriteIdentifier(builder, Alias, forceQuotes: false);
        }
    }
}
