using System.Globalization;
using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary><c>LIMIT n [OFFSET m]</c> or <c>OFFSET m</c> alone.</summary>
/// <param name="Count">The most rows to return, or null for no limit (OFFSET alone).</param>
/// <param name="Position">Where LIMIT (or OFFSET) is.</param>
/// <param name="Offset">Rows to skip first (0 when absent).</param>
public sealed record LimitClause(long? Count, SourcePosition Position, long Offset = 0)
{
    /// <summary>Prints the clause as SQL.</summary>
    public string ToSql()
    {
        var builder = new StringBuilder();
        WriteSql(builder);
        return builder.ToString();
    }

    internal void WriteSql(StringBuilder builder)
    {
        if (Count is { } count)
        {
            builder.Append("LIMIT ").Append(count.ToString(CultureInfo.InvariantCulture));
        }

        if (Offset > 0 || Count is null)
        {
            builder.Append(Count is null ? "OFFSET " : " OFFSET ").Append(Offset.ToString(CultureInfo.InvariantCulture));
        }
    }
}
