namespace Engine.Core.Sql.Ast;

/// <summary>
/// Compares syntax trees by structure, ignoring source positions: <c>a + 1</c> on line 1 equals
/// <c>a + 1</c> on line 3. Names compare exactly (case and <see cref="ColumnRef.Quoted"/> included). Used to
/// check that <c>ToSql</c> prints text that parses back to the same tree. Stateless and thread-safe.
/// </summary>
public sealed class SqlTreeComparer : IEqualityComparer<SqlExpression>, IEqualityComparer<SqlStatement>, IEqualityComparer<QueryExpression>
{
    private SqlTreeComparer()
    {
    }

    /// <summary>The shared instance.</summary>
    public static SqlTreeComparer Default { get; } = new();

    /// <inheritdoc />
    public bool Equals(SqlStatement? x, SqlStatement? y) =>
        ReferenceEquals(x, y) || (x is not null && y is not null && x.Explain == y.Explain && x.Analyze == y.Analyze && Equals(x.Query, y.Query));

    /// <inheritdoc />
    public bool Equals(QueryExpression? x, QueryExpression? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.GetType() != y.GetType())
        {
            return false;
        }

        return (x, y) switch
        {
            (SelectStatement a, SelectStatement b) =>
                a.Distinct == b.Distinct && a.GroupByAll == b.GroupByAll
                && ListEquals(a.Items, b.Items, ItemEquals)
                && FromEquals(a.From, b.From)
                && Equals(a.Where, b.Where)
                && ListEquals(a.GroupBy, b.GroupBy, Equals)
                && Equals(a.Having, b.Having)
                && ListEquals(a.OrderBy, b.OrderBy, OrderEquals)
                && LimitEquals(a.Limit, b.Limit),
            (SetOperationQuery a, SetOperationQuery b) =>
                a.Operator == b.Operator && a.All == b.All && Equals(a.Left, b.Left) && Equals(a.Right, b.Right)
                && ListEquals(a.OrderBy, b.OrderBy, OrderEquals) && LimitEquals(a.Limit, b.Limit),
            (WithQuery a, WithQuery b) =>
                ListEquals(a.Ctes, b.Ctes, (c, d) => string.Equals(c.Name, d.Name, StringComparison.Ordinal) && Equals(c.Query, d.Query))
                && Equals(a.Body, b.Body),
            _ => throw new ArgumentException($"Unknown query node {x.GetType().Name}.", nameof(x)),
        };
    }

    /// <inheritdoc />
    public bool Equals(SqlExpression? x, SqlExpression? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.GetType() != y.GetType())
        {
            return false;
        }

        return (x, y) switch
        {
            (ColumnRef a, ColumnRef b) =>
                a.Quoted == b.Quoted && string.Equals(a.Name, b.Name, StringComparison.Ordinal) && string.Equals(a.Table, b.Table, StringComparison.Ordinal),
            (IntegerLiteral a, IntegerLiteral b) => a.Value == b.Value,
            (FloatLiteral a, FloatLiteral b) => a.Value.Equals(b.Value),
            (StringLiteral a, StringLiteral b) => string.Equals(a.Value, b.Value, StringComparison.Ordinal),
            (BooleanLiteral a, BooleanLiteral b) => a.Value == b.Value,
            (NullLiteral, NullLiteral) => true,
            (TimestampLiteral a, TimestampLiteral b) => string.Equals(a.Text, b.Text, StringComparison.Ordinal),
            (IntervalLiteral a, IntervalLiteral b) => string.Equals(a.Text, b.Text, StringComparison.Ordinal),
            (UnaryExpression a, UnaryExpression b) => a.Operator == b.Operator && Equals(a.Operand, b.Operand),
            (BinaryExpression a, BinaryExpression b) => a.Operator == b.Operator && Equals(a.Left, b.Left) && Equals(a.Right, b.Right),
            (InExpression a, InExpression b) => a.Negated == b.Negated && Equals(a.Value, b.Value) && ListEquals(a.List, b.List, Equals),
            (BetweenExpression a, BetweenExpression b) =>
                a.Negated == b.Negated && Equals(a.Value, b.Value) && Equals(a.Low, b.Low) && Equals(a.High, b.High),
            (IsNullExpression a, IsNullExpression b) => a.Negated == b.Negated && Equals(a.Value, b.Value),
            (FunctionCall a, FunctionCall b) =>
                a.Distinct == b.Distinct && a.Star == b.Star && string.Equals(a.Name, b.Name, StringComparison.Ordinal)
                && ListEquals(a.Arguments, b.Arguments, Equals) && Equals(a.Filter, b.Filter),
            (CaseExpression a, CaseExpression b) =>
                Equals(a.Operand, b.Operand) && Equals(a.Else, b.Else)
                && ListEquals(a.Branches, b.Branches, (c, d) => Equals(c.When, d.When) && Equals(c.Then, d.Then)),
            (CastExpression a, CastExpression b) =>
                a.Try == b.Try && a.Type.Name == b.Type.Name && a.Type.Parameters.SequenceEqual(b.Type.Parameters) && Equals(a.Operand, b.Operand),
            (LikeExpression a, LikeExpression b) =>
                a.Negated == b.Negated && a.CaseInsensitive == b.CaseInsensitive && Equals(a.Value, b.Value) && Equals(a.Pattern, b.Pattern) && Equals(a.Escape, b.Escape),
            (IsDistinctFromExpression a, IsDistinctFromExpression b) => a.Negated == b.Negated && Equals(a.Left, b.Left) && Equals(a.Right, b.Right),
            (SubqueryExpression a, SubqueryExpression b) => Equals(a.Query, b.Query),
            (InSubqueryExpression a, InSubqueryExpression b) => a.Negated == b.Negated && Equals(a.Value, b.Value) && Equals(a.Query, b.Query),
            (ExistsExpression a, ExistsExpression b) => a.Negated == b.Negated && Equals(a.Query, b.Query),
            _ => throw new ArgumentException($"Unknown expression node {x.GetType().Name}.", nameof(x)),
        };
    }

    /// <summary>A hash consistent with <see cref="Equals(SqlExpression?, SqlExpression?)"/>: the node kind and its printed text without positions.</summary>
    public int GetHashCode(SqlExpression obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return StringComparer.Ordinal.GetHashCode(obj.ToSql());
    }

    /// <inheritdoc />
    public int GetHashCode(SqlStatement obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return StringComparer.Ordinal.GetHashCode(obj.ToSql());
    }

    /// <inheritdoc />
    public int GetHashCode(QueryExpression obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return StringComparer.Ordinal.GetHashCode(obj.ToSql());
    }

    private bool ItemEquals(SelectItem a, SelectItem b) =>
        a.IsStar == b.IsStar && string.Equals(a.Alias, b.Alias, StringComparison.Ordinal) && Equals(a.Expression, b.Expression);

    private bool OrderEquals(OrderItem a, OrderItem b) => a.Descending == b.Descending && a.NullsFirst == b.NullsFirst && Equals(a.Expression, b.Expression);

    private static bool LimitEquals(LimitClause? a, LimitClause? b) => a is null ? b is null : b is not null && a.Count == b.Count && a.Offset == b.Offset;

    private bool FromEquals(FromItem? a, FromItem? b) => (a, b) switch
    {
        (null, null) => true,
        (TableRef x, TableRef y) => x.IsPath == y.IsPath && string.Equals(x.Name, y.Name, StringComparison.Ordinal) && string.Equals(x.Alias, y.Alias, StringComparison.Ordinal),
        (SubqueryRef x, SubqueryRef y) => string.Equals(x.Alias, y.Alias, StringComparison.Ordinal) && Equals(x.Query, y.Query),
        _ => false,
    };

    private static bool ListEquals<T>(IReadOnlyList<T> x, IReadOnlyList<T> y, Func<T, T, bool> equals)
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (!equals(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }
}
