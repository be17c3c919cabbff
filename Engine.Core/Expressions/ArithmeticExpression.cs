using Engine.Core.Columns;

namespace Engine.Core.Expressions;

/// <summary>
/// <paramref name="Left"/> op <paramref name="Right"/> over numbers, or a TIMESTAMP plus or minus a BIGINT
/// number of microseconds (an interval). <paramref name="Type"/> is BIGINT when both sides are BIGINT
/// (except for division), DOUBLE when either side is DOUBLE, TIMESTAMP for interval arithmetic.
/// </summary>
public sealed record ArithmeticExpression(ArithmeticOperator Operator, BoundExpression Left, BoundExpression Right, DataType Type)
    : BoundExpression(Type)
{
    /// <inheritdoc />
    public override IReadOnlyList<BoundExpression> Children => [Left, Right];

    /// <inheritdoc />
    public override string ToString() => $"({Left} {Symbol(Operator)} {Right})";

    private static string Symbol(ArithmeticOperator op) => op switch
    {
        ArithmeticOperator.Add => "+",
        ArithmeticOperator.Subtract => "-",
        ArithmeticOperator.Multiply => "*",
        ArithmeticOperator.Divide => "/",
        _ => "%",
    };
}
