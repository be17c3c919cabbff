using Engine.Core.Sql;
using Engine.Core.Sql.Ast;

namespace Engine.Tests.Sql;

/// <summary>Short builders for expected syntax trees (positions left empty) and parse helpers.</summary>
internal static class SqlTrees
{
    private static readonly SourcePosition s_none = SourcePosition.None;

    public static ColumnRef Col(string name, bool quoted = false) => new(name, quoted, s_none);

    public static IntegerLiteral Int(long value) => new(value, s_none);

    public static FloatLiteral Float(double value) => new(value, s_none);

    public static StringLiteral Str(string value) => new(value, s_none);

    public static BooleanLiteral Bool(bool value) => new(value, s_none);

    public static NullLiteral Null() => new(s_none);

    public static BinaryExpression Bin(BinaryOperator op, SqlExpression left, SqlExpression right) => new(op, left, right, s_none);

    public static UnaryExpression Neg(SqlExpression operand) => new(UnaryOperator.Negate, operand, s_none);

    public static UnaryExpression Not(SqlExpression operand) => new(UnaryOperator.Not, operand, s_none);

    public static FunctionCall Call(string name, params SqlExpression[] arguments) => new(name, arguments, false, false, s_none);

    /// <summary>Parses <c>SELECT expression FROM t</c> and returns the one select expression.</summary>
    public static SqlExpression ParseExpression(string expression) =>
        SqlParser.Parse($"SELECT {expression} FROM t").Select.Items[0].Expression!;
}
