using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// One parsed statement: a query, optionally wrapped in EXPLAIN (show the plan) or EXPLAIN ANALYZE
/// (run the query and show the plan with measured statistics). Produced by <see cref="SqlParser.Parse"/>.
/// </summary>
/// <param name="Query">The query itself.</param>
/// <param name="Explain">True for <c>EXPLAIN …</c> and <c>EXPLAIN ANALYZE …</c>.</param>
/// <param name="Analyze">True only for <c>EXPLAIN ANALYZE</c>; never true without <paramref name="Explain"/>.</param>
/// <param name="Position">Where the statement starts (the EXPLAIN, SELECT, WITH or parenthesis).</param>
public sealed record SqlStatement(QueryExpression Query, bool Explain, bool Analyze, SourcePosition Position)
{
    /// <summary>The query as a plain SELECT; throws <see cref="InvalidOperationException"/> when it is a set operation or has a WITH clause.</summary>
    public SelectStatement Select => Query as SelectStatement ?? throw new InvalidOperationException("The statement is not a single SELECT.");

    /// <summary>Prints the statement as SQL that parses back to an equal tree (positions aside).</summary>
    public string ToSql()
    {
        var builder = new StringBuilder();
        if (Explain)
        {
            builder.Append(Analyze ? "EXPLAIN ANALYZE " : "EXPLAIN ");
        }

        Query.WriteSql(builder);
        return builder.ToString();
    }
}
