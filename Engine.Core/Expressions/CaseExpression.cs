using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>
/// A searched CASE: the result of the first branch whose condition is true, else <see cref="Else"/> (NULL
/// when there is none). Evaluated lazily: a branch's result is computed only for the rows that take that
/// branch, so <c>CASE WHEN x &lt;&gt; 0 THEN 1 / x END</c> never divides the other rows. Every result has
/// <paramref name="Type"/>; the binder casts the branches to it.
/// </summary>
/// <param name="Branches">The WHEN/THEN pairs, in order; conditions are BOOLEAN (NULL counts as false).</param>
/// <param name="Else">The result of rows no branch takes.</param>
/// <param name="Type">The result type.</param>
public sealed record CaseExpression(IReadOnlyList<CaseWhen> Branches, BoundExpression Else, DataType Type) : BoundExpression(Type)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [.. Branches.SelectMany(b => new[] { b.When, b.Then }), Else];

    /// <inheritdoc />
    public override BoundExpression WithChildren(IReadOnlyList<BoundExpression> children)
    {
        var branches = new CaseWhen[Branches.Count];
        for (var i = 0; i < branches.Length; i++)
        {
            branches[i] = new CaseWhen(children[2 * i], children[(2 * i) + 1]);
        }

        return new CaseExpression(branches, children[^1], Type);
    }

    /// <inheritdoc />
    public override TResult Accept<TResult>(IExpressionVisitor<TResult> visitor) => visitor.VisitCase(this);

    /// <summary>Equal when the branches (in order), the ELSE and the type are.</summary>
    public bool Equals(CaseExpression? other) =>
        other is not null && Type == other.Type && Else.Equals(other.Else) && Branches.SequenceEqual(other.Branches);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Branches.Count, Else, Type);

    /// <inheritdoc />
    public override string ToString() =>
        $"CASE{string.Concat(Branches.Select(b => $" WHEN {b.When} THEN {b.Then}"))} ELSE {Else} END";
}
