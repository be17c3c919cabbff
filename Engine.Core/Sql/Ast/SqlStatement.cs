using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// One parsed statement: a SELECT, optionally wrapped in EXPLAIN (show the plan) or EXPLAIN ANALYZE
/// (run the query and show the plan with measured statistics). Produced by <see cref="SqlParser.Parse"/>.
/// </summary>
/// <param name="Select">The query itself.</param>
/// <param name="Explain">True for <c>EXPLAIN SELECT ...</c> and <c>EXPLAIN ANALYZE SELECT ...</c>.</param>
/// <param name="Analyze">True only for <c>EXPLAIN ANALYZE</c>; never true without <paramref name="Explain"/>.</param>
/// <param name="Position">Where the statement starts (the EXPLAIN or SELECT keyword).</param>
public sealed record SqlStatement(SelectStatement Select, bool Explain, bool Analyze, SourcePosition Position)
{
    /// <summary>Prints the statement as SQL that parses back to an equal tree (positions aside).</summary>
    public string ToSql()
    {
        var builder = new StringBuilder();
        if (Explain)
        {
            builder.Append(Analyze ? "EXPLAIN ANALYZE " : "EXPLAIN ");
        }

        Select.WriteSql(builder);
        return builder.ToString();
    }
}
