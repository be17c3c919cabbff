using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary><c>WITH name AS (query), … body</c>: each query may use the ones before it, the body any of them.</summary>
/// <param name="Ctes">The named queries, in order.</param>
/// <param name="Body">The query that uses them.</param>
/// <param name="Position">Where WITH is.</param>
public sealed record WithQuery(IReadOnlyList<CommonTableExpression> Ctes, QueryExpression Body, SourcePosition Position) : QueryExpression(Position)
{
    /// <summary>Compares every field, the CTEs element by element.</summary>
    public bool Equals(WithQuery? other) => other is not null && base.Equals(other) && Ctes.SequenceEqual(other.Ctes) && Body == other.Body;

    /// <summary>A hash consistent with <see cref="Equals(WithQuery?)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(base.GetHashCode(), Ctes.Count, Body);

    internal override void WriteSql(StringBuilder builder)
    {
        builder.Append("WITH ");
        for (var i = 0; i < Ctes.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }

            Ctes[i].WriteSql(builder);
        }

        builder.Append(' ');
        Body.WriteSql(builder);
    }
}
