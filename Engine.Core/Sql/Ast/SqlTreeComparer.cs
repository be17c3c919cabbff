namespace Engine.Core.Sql.Ast;

/// <summary>
/// Compares syntax trees by structure and ignores <see cref="SourcePosition"/>: <c>a+1</c> on line 1 equals
/// <c>a + 1</c> on line 3. Names compare exactly (case and <see cref="ColumnRef.Quoted"/> included). Used to
/// match a GROUP BY expression with the same expression in the select list, and by round-trip tests.
/// Stateless and safe to share between threads.
/// </summary>
public sealed class SqlTreeComparer : IEqualityComparer<SqlExpression>, IEqualityComparer<SqlStatement>, IEqualityComparer<SelectStatement>
{
    private SqlTreeComparer()
    {
    }

    /// <summary>The one instance.</summary>
    public static SqlTreeComparer Default { get; } = new();

    /// <summary>True when both statements have the same structure, positions aside.</summary>
    public bool Equals(SqlStatement? x, SqlStatement? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        return x is not null && y is not null
            && x.Explain == y.Explain
            && x.Analyze == y.Analyze
            && Equals(x.Select, y.Select);
    }

    /// <summary>True when both queries have the same structure, positions aside.</summary>
    public bool Equals(SelectStatement? x, SelectStatement? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null
            || x.Items.Count != y.Items.Count
            || x.OrderBy.Count != y.OrderBy.Count
            || x.From.IsPath != y.From.IsPath
            || !string.Equals(x.From.Name, y.From.Name, StringComparison.Ordinal)
            || !Equals(x.Where, y.Where)
            || !ListEquals(x.GroupBy, y.GroupBy)
            || !Equals(x.Having, y.Having)
            || x.Limit?.Count != y.Limit?.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Items.Count; i++)
        {
            SelectItem a = x.Items[i], b = y.Items[i];
            if (a.IsStar != b.IsStar
                || !string.Equals(a.Alias, b.Alias, StringComparison.Ordinal)
                || !Equals(a.Expression, b.Expression))
            {
                return false;
            }
        }

        for (var i = 0; i < x.OrderBy.Count; i++)
        {
            OrderItem a = x.OrderBy[i], b = y.OrderBy[i];
            if (a.Descending != b.Descending || a.NullsFirst != b.NullsFirst || !Equals(a.Expression, b.Expression))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>True when both expressions have the same structure, positions aside.</summary>
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
            (ColumnRef a, ColumnRef b) => a.Quoted == b.Quoted && string.Equals(a.Name, b.Name, StringComparison.Ordinal),
            (IntegerLiteral a, IntegerLiteral b) => a.Value == b.Value,
            (FloatLiteral a, FloatLiteral b) => a.Value.Equals(b.Value),
            (StringLiteral a, StringLiteral b) => string.Equals(a.Value, b.Value, StringComparison.Ordinal),
            (BooleanLiteral a, BooleanLiteral b) => a.Value == b.Value,
            (NullLiteral, NullLiteral) => true,
            (TimestampLiteral a, TimestampLiteral b) => string.Equals(a.Text, b.Text, StringComparison.Ordinal),
            (IntervalLiteral a, IntervalLiteral b) => string.Equals(a.Text, b.Text, StringComparison.Ordinal),
            (UnaryExpression a, UnaryExpression b) => a.Operator == b.Operator && Equals(a.Operand, b.Operand),
            (BinaryExpression a, BinaryExpression b) =>
                a.Operator == b.Operator && Equals(a.Left, b.Left) && Equals(a.Right, b.Right),
            (InExpression a, InExpression b) =>
                a.Negated == b.Negated && Equals(a.Value, b.Value) && ListEquals(a.List, b.List),
            (BetweenExpression a, BetweenExpression b) =>
                a.Negated == b.Negated && Equals(a.Value, b.Value) && Equals(a.Low, b.Low) && Equals(a.High, b.High),
            (IsNullExpression a, IsNullExpression b) => a.Negated == b.Negated && Equals(a.Value, b.Value),
            (FunctionCall a, FunctionCall b) =>
                a.Distinct == b.Distinct && a.Star == b.Star
                && string.Equals(a.Name, b.Name, StringComparison.Ordinal)
                && ListEquals(a.Arguments, b.Arguments),
            _ => throw new ArgumentException($"Unknown expression node {x.GetType().Name}.", nameof(x)),
        };
    }

    /// <summary>A hash that ignores positions, consistent with <see cref="Equals(SqlExpression?, SqlExpression?)"/>.</summary>
    public int GetHashCode(SqlExpression obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return obj switch
        {
            ColumnRef a => HashCode.Combine(1, StringComparer.Ordinal.GetHashCode(a.Name), a.Quoted),
            IntegerLiteral a => HashCode.Combine(2, a.Value),
            FloatLiteral a => HashCode.Combine(3, a.Value),
            StringLiteral a => HashCode.Combine(4, StringComparer.Ordinal.GetHashCode(a.Value)),
            BooleanLiteral a => HashCode.Combine(5, a.Value),
            NullLiteral => 6,
            TimestampLiteral a => HashCode.Combine(7, StringComparer.Ordinal.GetHashCode(a.Text)),
            IntervalLiteral a => HashCode.Combine(8, StringComparer.Ordinal.GetHashCode(a.Text)),
            UnaryExpression a => HashCode.Combine(9, a.Operator, GetHashCode(a.Operand)),
            BinaryExpression a => HashCode.Combine(10, a.Operator, GetHashCode(a.Left), GetHashCode(a.Right)),
            InExpression a => HashCode.Combine(11, a.Negated, GetHashCode(a.Value), ListHash(a.List)),
            BetweenExpression a => HashCode.Combine(12, a.Negated, GetHashCode(a.Value), GetHashCode(a.Low), GetHashCode(a.High)),
            IsNullExpression a => HashCode.Combine(13, a.Negated, GetHashCode(a.Value)),
            FunctionCall a => HashCode.Combine(14, StringComparer.Ordinal.GetHashCode(a.Name), a.Distinct, a.Star, ListHash(a.Arguments)),
            _ => throw new ArgumentException($"Unknown expression node {obj.GetType().Name}.", nameof(obj)),
        };
    }

    /// <summary>A hash that ignores positions, consistent with <see cref="Equals(SqlStatement?, SqlStatement?)"/>.</summary>
    public int GetHashCode(SqlStatement obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        return HashCode.Combine(obj.Explain, obj.Analyze, GetHashCode(obj.Select));
    }

    /// <summary>A hash that ignores positions, consistent with <see cref="Equals(SelectStatement?, SelectStatement?)"/>.</summary>
    public int GetHashCode(SelectStatement obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = new HashCode();
        foreach (var item in obj.Items)
        {
            hash.Add(item.IsStar);
            hash.Add(item.Alias, StringComparer.Ordinal);
            hash.Add(item.Expression is null ? 0 : GetHashCode(item.Expression));
        }

        hash.Add(obj.From.Name, StringComparer.Ordinal);
        hash.Add(obj.From.IsPath);
        hash.Add(obj.Where is null ? 0 : GetHashCode(obj.Where));
        hash.Add(ListHash(obj.GroupBy));
        hash.Add(obj.Having is null ? 0 : GetHashCode(obj.Having));
        foreach (var item in obj.OrderBy)
        {
            hash.Add(item.Descending);
            hash.Add(item.NullsFirst);
            hash.Add(GetHashCode(item.Expression));
        }

        hash.Add(obj.Limit?.Count);
        return hash.ToHashCode();
    }

    private bool ListEquals(IReadOnlyList<SqlExpression> x, IReadOnlyList<SqlExpression> y)
    {
        if (x.Count != y.Count)
        {
            return false;
        }

        for (var i = 0; i < x.Count; i++)
        {
            if (!Equals(x[i], y[i]))
            {
                return false;
            }
        }

        return true;
    }

    private int ListHash(IReadOnlyList<SqlExpression> list)
    {
        var hash = new HashCode();
        foreach (var expression in list)
        {
            hash.Add(GetHashCode(expression));
        }

        return hash.ToHashCode();
    }
}
