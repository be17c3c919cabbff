using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// An expression as written in the query, before binding. The set of subclasses is closed (they live in
/// this namespace); the binder switches over them. Record equality includes <see cref="Position"/>; use
/// <see cref="SqlTreeComparer"/> to compare trees while ignoring where they came from.
/// </summary>
/// <param name="Position">Where the expression's first token is, and how far the expression spans.</param>
public abstract record SqlExpression(SourcePosition Position)
{
    /// <summary>
    /// Prints the expression as SQL that parses back to an equal tree (positions aside). Operators are
    /// fully parenthesised, so the text does not depend on precedence rules.
    /// </summary>
    public string ToSql()
    {
        var builder = new StringBuilder();
        WriteSql(builder);
        return builder.ToString();
    }

    /// <summary>Appends the SQL text of this expression to <paramref name="builder"/>.</summary>
    internal abstract void WriteSql(StringBuilder builder);
}
