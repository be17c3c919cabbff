using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary><c>value [NOT] IN (e1, e2, ...)</c>. Equality compares the list element by element.</summary>
/// <param name="Value">The tested expression.</param>
/// <param name="List">The candidates; never empty when parsed.</param>
/// <param name="Negated">True for NOT IN.</param>
/// <param name="Position">Where the tested expression starts.</param>
public sealed record InExpression(SqlExpression Value, IReadOnlyList<SqlExpression> List, bool Negated, SourcePosition Position)
    : SqlExpression(Position)
{
    /// <summary>Compares every field, the list element by element.</summary>
    public bool Equals(InExpression? other) =>
        other is not null
        && base.Equals(other)
        && Value == other.Value
        && List.SequenceEqual(other.List)
        && Negated == other.Negated;

    /// <summary>A hash consistent with <see cref="Equals(InExpression?)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Value, List.Count, Negated);

    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append('(');
        Value.WriteSql(builder);
        builder.Append(Negated ? " NOT IN (" : " IN (");
        SqlFormatter.WriteList(builder, List);
        builder.Append("))");
    }
}
