namespace Engine.Core.Expressions;

/// <summary>What every user of <see cref="ComparisonOperator"/> needs: its spelling, its mirror image and its test.</summary>
public static class ComparisonOperators
{
    /// <summary>The SQL spelling of <paramref name="op"/>.</summary>
    public static string Symbol(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "<>",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        ComparisonOperator.GreaterOrEqual => ">=",
        _ => throw new ArgumentOutOfRangeException(nameof(op), op, "Unknown comparison operator."),
    };

    /// <summary>The operator that gives the same answer with the operands swapped (<c>a &lt; b</c> is <c>b &gt; a</c>).</summary>
    public static ComparisonOperator Flip(this ComparisonOperator op) => op switch
    {
        ComparisonOperator.Less => ComparisonOperator.Greater,
        ComparisonOperator.LessOrEqual => ComparisonOperator.GreaterOrEqual,
        ComparisonOperator.Greater => ComparisonOperator.Less,
        ComparisonOperator.GreaterOrEqual => ComparisonOperator.LessOrEqual,
        _ => op,
    };

    /// <summary>True when a three-way comparison result (negative, zero, positive) satisfies <paramref name="op"/>.</summary>
    public static bool Holds(this ComparisonOperator op, int comparison) => op switch
    {
        ComparisonOperator.Equal => comparison == 0,
        ComparisonOperator.NotEqual => comparison != 0,
        ComparisonOperator.Less => comparison < 0,
        ComparisonOperator.LessOrEqual => comparison <= 0,
        ComparisonOperator.Greater => comparison > 0,
        _ => comparison >= 0,
    };
}
