using Engine.Core.Sql;
using Engine.Core.Sql.Ast;
using static Engine.Tests.Sql.SqlTrees;

namespace Engine.Tests.Sql;

[TestFixture]
public sealed class SqlParserExpressionTests
{
    private static void AssertTree(string expression, SqlExpression expected)
    {
        var actual = ParseExpression(expression);
        Assert.That(actual, Is.EqualTo(expected).Using<SqlExpression>(SqlTreeComparer.Default),
            () => $"parsed as {actual.ToSql()}, expected {expected.ToSql()}");
    }

    [Test]
    public void Parse_UnquotedColumn_KeepsSpellingAndIsNotQuoted() => AssertTree("Price", Col("Price"));

    [Test]
    public void Parse_QuotedColumn_KeepsCaseSpacesAndFlagsQuoted() => AssertTree("\"My Col\"", Col("My Col", quoted: true));

    [Test]
    public void Parse_QuotedColumnWithDoubledQuote_Unescapes() => AssertTree("\"a\"\"b\"", Col("a\"b", quoted: true));

    [Test]
    public void Parse_QuotedReservedWord_IsAColumn() => AssertTree("\"select\"", Col("select", quoted: true));

    [Test]
    public void Parse_ContextualKeywordsAsColumns_AreColumns() =>
        AssertTree("timestamp + first", Bin(BinaryOperator.Add, Col("timestamp"), Col("first")));

    [Test]
    public void Parse_Integer_IsInt64Literal() => AssertTree("42", Int(42));

    [Test]
    public void Parse_MaxInt64_IsInt64Literal() => AssertTree("9223372036854775807", Int(long.MaxValue));

    [Test]
    public void Parse_MinInt64WithSign_FoldsIntoLiteral() => AssertTree("-9223372036854775808", Int(long.MinValue));

    [Test]
    public void Parse_NegativeNumber_FoldsIntoLiteral() => AssertTree("-5", Int(-5));

    [Test]
    public void Parse_NegativeParenthesisedNumber_IsNegation() => AssertTree("-(5)", Neg(Int(5)));

    [Test]
    public void Parse_UnaryPlus_IsDropped() => AssertTree("+x", Col("x"));

    [Test]
    public void Parse_NegatedColumn_IsNegation() => AssertTree("-x", Neg(Col("x")));

    [Test]
    public void Parse_DoubleNegation_NestsNegations() => AssertTree("- -x", Neg(Neg(Col("x"))));

    [TestCase("1.5", 1.5)]
    [TestCase(".5", 0.5)]
    [TestCase("2.", 2.0)]
    [TestCase("1e3", 1000.0)]
    [TestCase("2.5E-3", 0.0025)]
    [TestCase("1e+2", 100.0)]
    [TestCase("-1.5", -1.5)]
    public void Parse_DecimalOrExponent_IsDoubleLiteral(string text, double value) => AssertTree(text, Float(value));

    [Test]
    public void Parse_String_UnescapesDoubledQuote() => AssertTree("'it''s'", Str("it's"));

    [Test]
    public void Parse_EmptyString_IsEmptyLiteral() => AssertTree("''", Str(string.Empty));

    [Test]
    public void Parse_StringWithNewline_KeepsNewline() => AssertTree("'a\nb'", Str("a\nb"));

    [TestCase("TRUE", true)]
    [TestCase("false", false)]
    [TestCase("True", true)]
    public void Parse_Boolean_IsBooleanLiteral(string text, bool value) => AssertTree(text, Bool(value));

    [Test]
    public void Parse_Null_IsNullLiteral() => AssertTree("null", Null());

    [Test]
    public void Parse_TimestampLiteral_KeepsText() =>
        AssertTree("TIMESTAMP '2024-01-01 00:00:00'", new TimestampLiteral("2024-01-01 00:00:00", SourcePosition.None));

    [Test]
    public void Parse_IntervalLiteral_KeepsText() =>
        AssertTree("interval '1 minute'", new IntervalLiteral("1 minute", SourcePosition.None));

    [TestCase("a + b", BinaryOperator.Add)]
    [TestCase("a - b", BinaryOperator.Subtract)]
    [TestCase("a * b", BinaryOperator.Multiply)]
    [TestCase("a / b", BinaryOperator.Divide)]
    [TestCase("a % b", BinaryOperator.Modulo)]
    [TestCase("a = b", BinaryOperator.Equal)]
    [TestCase("a <> b", BinaryOperator.NotEqual)]
    [TestCase("a != b", BinaryOperator.NotEqual)]
    [TestCase("a < b", BinaryOperator.Less)]
    [TestCase("a <= b", BinaryOperator.LessOrEqual)]
    [TestCase("a > b", BinaryOperator.Greater)]
    [TestCase("a >= b", BinaryOperator.GreaterOrEqual)]
    [TestCase("a AND b", BinaryOperator.And)]
    [TestCase("a or b", BinaryOperator.Or)]
    public void Parse_BinaryOperator_MapsToOperator(string text, BinaryOperator op) =>
        AssertTree(text, Bin(op, Col("a"), Col("b")));

    [Test]
    public void Parse_Not_IsLogicalNegation() => AssertTree("NOT a", Not(Col("a")));

    [Test]
    public void Parse_In_ListsCandidates() =>
        AssertTree("x IN (1, 'a', y)", new InExpression(Col("x"), [Int(1), Str("a"), Col("y")], false, SourcePosition.None));

    [Test]
    public void Parse_NotIn_IsNegated() =>
        AssertTree("x NOT IN (1)", new InExpression(Col("x"), [Int(1)], true, SourcePosition.None));

    [Test]
    public void Parse_Between_HasBounds() =>
        AssertTree("x BETWEEN 1 AND 2", new BetweenExpression(Col("x"), Int(1), Int(2), false, SourcePosition.None));

    [Test]
    public void Parse_NotBetween_IsNegated() =>
        AssertTree("x NOT BETWEEN a + 1 AND b", new BetweenExpression(
            Col("x"), Bin(BinaryOperator.Add, Col("a"), Int(1)), Col("b"), true, SourcePosition.None));

    [Test]
    public void Parse_IsNull_IsNotNegated() => AssertTree("x IS NULL", new IsNullExpression(Col("x"), false, SourcePosition.None));

    [Test]
    public void Parse_IsNotNull_IsNegated() => AssertTree("x is not null", new IsNullExpression(Col("x"), true, SourcePosition.None));

    [Test]
    public void Parse_FunctionCall_LowerCasesName() => AssertTree("SUM(price)", Call("sum", Col("price")));

    [Test]
    public void Parse_FunctionCallWithSeveralArguments_KeepsOrder() =>
        AssertTree("time_bucket('1m', ts)", Call("time_bucket", Str("1m"), Col("ts")));

    [Test]
    public void Parse_FunctionCallWithoutArguments_HasNone() => AssertTree("now()", Call("now"));

    [Test]
    public void Parse_CountStar_IsStarWithoutArguments() =>
        AssertTree("COUNT(*)", new FunctionCall("count", [], false, true, SourcePosition.None));

    [Test]
    public void Parse_CountDistinct_IsDistinct() =>
        AssertTree("count(DISTINCT symbol)", new FunctionCall("count", [Col("symbol")], true, false, SourcePosition.None));

    [Test]
    public void Parse_NestedCalls_Nest() =>
        AssertTree("round(avg(x), 2)", Call("round", Call("avg", Col("x")), Int(2)));

    [Test]
    public void Parse_Parentheses_OverridePrecedence() =>
        AssertTree("(a + b) * c", Bin(BinaryOperator.Multiply, Bin(BinaryOperator.Add, Col("a"), Col("b")), Col("c")));

    [TestCase("a OR b AND c", "(a OR (b AND c))")]
    [TestCase("a AND b OR c", "((a AND b) OR c)")]
    [TestCase("NOT a AND b", "((NOT a) AND b)")]
    [TestCase("NOT a = b", "(NOT (a = b))")]
    [TestCase("NOT NOT a", "(NOT (NOT a))")]
    [TestCase("a = b AND c < d", "((a = b) AND (c < d))")]
    [TestCase("a + b = c * d", "((a + b) = (c * d))")]
    [TestCase("a + b * c", "(a + (b * c))")]
    [TestCase("a * b + c", "((a * b) + c)")]
    [TestCase("a - b - c", "((a - b) - c)")]
    [TestCase("a / b % c", "((a / b) % c)")]
    [TestCase("-a * b", "((-(a)) * b)")]
    [TestCase("a - -1", "(a - -1)")]
    [TestCase("a -1", "(a - 1)")]
    [TestCase("x + 1 IN (1, 2) OR y", "(((x + 1) IN (1, 2)) OR y)")]
    [TestCase("x BETWEEN 1 AND 2 AND y", "((x BETWEEN 1 AND 2) AND y)")]
    [TestCase("a + 1 IS NOT NULL AND b", "(((a + 1) IS NOT NULL) AND b)")]
    [TestCase("NOT x IN (1)", "(NOT (x IN (1)))")]
    [TestCase("a < b = TRUE", "((a < b) = TRUE)")]
    public void Parse_Precedence_GroupsAsSpecified(string expression, string grouped) =>
        Assert.That(ParseExpression(expression).ToSql(), Is.EqualTo(grouped));

    [Test]
    public void Parse_LineComment_IsIgnored() => AssertTree("a -- the price\n + b", Bin(BinaryOperator.Add, Col("a"), Col("b")));

    [Test]
    public void Parse_BlockComment_IsIgnored() => AssertTree("a /* multi\nline */ + /**/ b", Bin(BinaryOperator.Add, Col("a"), Col("b")));

    [Test]
    public void Parse_LineCommentAtEndOfInput_IsIgnored() =>
        Assert.That(SqlParser.Parse("SELECT a FROM t -- done").Select.From is TableRef { Name: var name } ? name : null, Is.EqualTo("t"));

    [Test]
    public void Parse_BinaryExpression_PositionSpansOperands()
    {
        var expression = SqlParser.Parse("SELECT x,\n  price * 2 AS p FROM t").Select.Items[1].Expression!;

        Assert.That(expression.Position, Is.EqualTo(new SourcePosition(2, 3, 12, 9)));
    }

    [Test]
    public void Parse_OperandAfterStringSpanningLines_HasLineAfterString()
    {
        var expression = (BinaryExpression)ParseExpression("'a\nb' +\n x");

        Assert.That((expression.Right.Position.Line, expression.Right.Position.Column), Is.EqualTo((3, 2)));
    }

    [Test]
    public void Parse_DeepButReasonableNesting_Parses()
    {
        var text = new string('(', 100) + "x" + new string(')', 100);

        Assert.That(ParseExpression(text), Is.EqualTo(Col("x")).Using<SqlExpression>(SqlTreeComparer.Default));
    }
}
