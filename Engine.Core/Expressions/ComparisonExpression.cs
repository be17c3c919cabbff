using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>
/// Compares two values of comparable types (numbers with numbers, timestamps with timestamps, strings
/// with strings ordinally, booleans with booleans); BOOLEAN result, NULL when either side is NULL.
/// </summary>
public sealed record ComparisonExpression(ComparisonOperator Operator, BoundExpression Left, BoundExpression Right)
    : BoundExpression(DataType.Bool)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [Left, Right];

    /// <inheritdoc />
    public override string ToString() => $"({Left} {Symbol(Operator)} {Right})";

    /// <summary>The SQL spelling of <paramref name="op"/>.</summary>
    public static string Symbol(ComparisonOperator op) => op switch
    {
        ComparisonOperator.Equal => "=",
        ComparisonOperator.NotEqual => "<>",
        ComparisonOperator.Less => "<",
        ComparisonOperator.LessOrEqual => "<=",
        ComparisonOperator.Greater => ">",
        _ => ">=",
    };
}
