using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// <c>CASE [operand] WHEN … THEN … [WHEN …] [ELSE …] END</c>. With an operand (a simple CASE) each WHEN is a
/// value compared with it; without (a searched CASE) each WHEN is a condition.
/// </summary>
/// <param name="Operand">The compared value of a simple CASE, or null.</param>
/// <param name="Branches">The WHEN/THEN pairs, in order; at least one.</param>
/// <param name="Else">The ELSE result, or null (NULL).</param>
/// <param name="Position">Where CASE is.</param>
public sealed record CaseExpression(SqlExpression? Operand, IReadOnlyList<CaseBranch> Branches, SqlExpression? Else, SourcePosition Position)
    : SqlExpression(Position)
{
    /// <summary>Compares every field, the branches element by element.</summary>
    public bool Equals(CaseExpression? other) =>
        other is not null && base.Equals(other) && Equals(Operand, other.Operand) && Branches.SequenceEqual(other.Branches) && Equals(Else, other.Else);

    /// <summary>A hash consistent with <see cref="Equals(CaseExpression?)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Operand, Branches.Count, Else);

    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append("CASE");
        if (Operand is not null)
        {
            builder.Append(' ');
            Operand.WriteSql(builder);
        }

        foreach (var branch in Branches)
        {
            builder.Append(" WHEN ");
            branch.When.WriteSql(builder);
            builder.Append(" THEN ");
            branch.Then.WriteSql(builder);
        }

        if (Else is not null)
        {
            builder.Append(" ELSE ");
            Else.WriteSql(builder);
        }

        builder.Append(" END");
    }
}
