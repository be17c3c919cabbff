using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>
/// A call <c>name(args)</c>: a scalar function such as <c>time_bucket</c> or an aggregate such as
/// <c>sum</c>. <c>count(*)</c> has <paramref name="Star"/> set and no arguments;
/// <c>count(DISTINCT x)</c> has <paramref name="Distinct"/> set. Equality compares the arguments element
/// by element.
/// </summary>
/// <param name="Name">The function name, lower-cased.</param>
/// <param name="Arguments">The arguments, in order; empty for <c>count(*)</c> and for <c>name()</c>.</param>
/// <param name="Distinct">True when the arguments were preceded by DISTINCT.</param>
/// <param name="Star">True for <c>count(*)</c>.</param>
/// <param name="Position">Where the function name is.</param>
/// <param name="Filter">The condition of <c>agg(…) FILTER (WHERE condition)</c>, or null.</param>
public sealed record FunctionCall(string Name, IReadOnlyList<SqlExpression> Arguments, bool Distinct, bool Star, SourcePosition Position, SqlExpression? Filter = null)
    : SqlExpression(Position)
{
    /// <summary>Compares every field, the arguments element by element.</summary>
    public bool Equals(FunctionCall? other) =>
        other is not null
        && base.Equals(other)
        && string.Equals(Name, other.Name, StringComparison.Ordinal)
        && Arguments.SequenceEqual(other.Arguments)
        && Distinct == other.Distinct
        && Star == other.Star
        && Equals(Filter, other.Filter);

    /// <summary>A hash consistent with <see cref="Equals(FunctionCall?)"/>.</summary>
    public override int GetHashCode() =>
        HashCode.Combine(base.GetHashCode(), StringComparer.Ordinal.GetHashCode(Name), Arguments.Count, Distinct, Star);

    internal override void WriteSql(StringBuilder builder)
    {
        // Function names come from unquoted, unreserved identifiers, so they print as they are.
        builder.Append(Name).Append('(');
        if (Star)
        {
            builder.Append('*');
        }
        else
        {
            if (Distinct)
            {
                builder.Append("DISTINCT ");
            }

            SqlFormatter.WriteList(builder, Arguments);
        }

        builder.Append(')');
        if (Filter is not null)
        {
            builder.Append(" FILTER (WHERE ");
            Filter.WriteSql(builder);
            builder.Append(')');
        }
    }
}
