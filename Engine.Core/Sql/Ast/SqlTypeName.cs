using System.Globalization;
using System.Text;

namespace Engine.Core.Sql.Ast;

/// <summary>A type as written in a cast: a name (<c>BIGINT</c>, <c>DOUBLE PRECISION</c>, <c>VARCHAR</c>) and its parameters (<c>DECIMAL(18, 3)</c>).</summary>
/// <param name="Name">The name, upper case, words separated by one space.</param>
/// <param name="Parameters">The numbers in parentheses; empty when none.</param>
/// <param name="Position">Where the name is.</param>
public sealed record SqlTypeName(string Name, IReadOnlyList<int> Parameters, SourcePosition Position)
{
    /// <summary>Compares the name and the parameters.</summary>
    public bool Equals(SqlTypeName? other) => other is not null && Name == other.Name && Parameters.SequenceEqual(other.Parameters) && Position == other.Position;

    /// <summary>A hash consistent with <see cref="Equals(SqlTypeName?)"/>.</summary>
    public override int GetHashCode() => HashCode.Combine(StringComparer.Ordinal.GetHashCode(Name), Parameters.Count, Position);

    /// <inheritdoc />
    public override string ToString()
    {
        var builder = new StringBuilder(Name);
        if (Parameters.Count > 0)
        {
            builder.Append('(').AppendJoin(", ", Parameters.Select(p => p.ToString(CultureInfo.InvariantCulture))).Append(')');
        }

        return builder.ToString();
    }
}
