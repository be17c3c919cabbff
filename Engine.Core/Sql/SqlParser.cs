using Engine.Core.Errors;
using Engine.Core.Sql.Ast;

namespace Engine.Core.Sql;

/// <summary>
/// Turns SQL text into a <see cref="SqlStatement"/>: a hand-written lexer and a recursive-descent parser
/// that track the line and column of every node. Stateless and safe to call from any thread.
/// </summary>
public static class SqlParser
{
    /// <summary>
    /// Parses one statement (<c>[EXPLAIN [ANALYZE]] SELECT ...</c>, optionally ending in <c>;</c>).
    /// Throws <see cref="QuerySyntaxException"/> with the line, column and a caret when the text is not
    /// valid; it never returns a partial tree.
    /// </summary>
    public static SqlStatement Parse(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        return new SqlStatementParser(sql).ParseStatement();
    }
}
