using System.Globalization;
using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary><c>LIMIT count</c>: at most <paramref name="Count"/> rows are returned.</summary>
/// <param name="Count">The row limit; never negative when parsed.</param>
/// <param name="Position">Where the LIMIT keyword is.</param>
public sealed record LimitClause(long Count, SourcePosition Position)
{
    /// <summary>Prints the clause as SQL: <c>LIMIT n</c>.</summary>
    public string ToSql() => "LIMIT " + Count.ToString(CultureInfo.InvariantCulture);

    internal void WriteSql(StringBuilder builder) => builder.Append("LIMIT ").Append(Count.ToString(CultureInfo.InvariantCulture));
}
