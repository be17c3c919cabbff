using Engine.Core.Errors;
using Engine.Core.Sql;

namespace Engine.Tests.Sql;

[TestFixture]
public sealed class SqlParserErrorTests
{
    private static readonly object[] s_cases =
    [
        new object[] { "SELECT a WHERE b", 1, 10, "Expected FROM but found 'WHERE'" },
        new object[] { "SELECT a\r\nFROM t\r\nWHERE = 1", 3, 7, "Expected an expression but found '='" },
        new object[] { "SELECT a\nFROM t\nWHERE b = = 1", 3, 11, "Expected an expression but found '='" },
        new object[] { "SELECT a FROM", 1, 14, "Expected a table name or a quoted path after FROM but found the end of input" },
        new object[] { "SELECT a, FROM t", 1, 11, "Expected an expression but found 'FROM'" },
        new object[] { "SELECT (a + 1 FROM t", 1, 15, "Expected ')' but found 'FROM'" },
        new object[] { "SELECT f(a b) FROM t", 1, 12, "Expected ',' or ')' in the argument list but found 'b'" },
        new object[] { "SELECT a FROM t WHERE", 1, 22, "Expected an expression but found the end of input" },
        new object[] { "SELECT a FROM t GROUP a", 1, 23, "Expected BY but found 'a'" },
        new object[] { "SELECT a FROM t ORDER BY a NULLS", 1, 33, "Expected FIRST or LAST after NULLS" },
        new object[] { "SELECT a FROM t WHERE a IS 5", 1, 28, "Expected NULL or NOT NULL after IS but found '5'" },
        new object[] { "SELECT a FROM t WHERE a NOT LIKE 'x'", 1, 29, "Expected IN or BETWEEN after NOT but found 'LIKE'" },
        new object[] { "SELECT a FROM t WHERE a BETWEEN 1 OR 2", 1, 35, "Expected AND but found 'OR'" },
        new object[] { "SELECT a AS FROM t", 1, 13, "Expected an alias after AS but found 'FROM'" },
        new object[] { "SELECT 'abc FROM t", 1, 8, "Unterminated string literal" },
        new object[] { "SELECT a FROM t\nWHERE s = 'it''s", 2, 11, "Unterminated string literal" },
        new object[] { "SELECT \"abc FROM t", 1, 8, "Unterminated quoted identifier" },
        new object[] { "SELECT \"\" FROM t", 1, 8, "A quoted identifier must not be empty" },
        new object[] { "SELECT a /* no end\nFROM t", 1, 10, "Unterminated block comment" },
        new object[] { "SELECT a # b FROM t", 1, 10, "Unexpected character '#'" },
        new object[] { "SELECT a FROM t WHERE a ! b", 1, 25, "Unexpected character '!'" },
        new object[] { "SELECT a\u0001 FROM t", 1, 9, "Unexpected character U+0001" },
        new object[] { "SELECT 9223372036854775808 FROM t", 1, 8, "Integer literal 9223372036854775808 is out of range" },
        new object[] { "SELECT -9223372036854775809 FROM t", 1, 8, "Integer literal -9223372036854775809 is out of range" },
        new object[] { "SELECT 99999999999999999999999 FROM t", 1, 8, "is out of range for a 64-bit integer" },
        new object[] { "SELECT 1e999 FROM t", 1, 8, "Number 1e999 is out of range for a double" },
        new object[] { "SELECT 1e FROM t", 1, 8, "Invalid number '1e'" },
        new object[] { "SELECT 12abc FROM t", 1, 8, "Invalid number '12abc'" },
        new object[] { "", 1, 1, "Empty query" },
        new object[] { "   \n  -- nothing here\n", 1, 1, "Empty query" },
        new object[] { "  ;", 1, 3, "Empty query" },
        new object[] { "SELECT a FROM t LIMIT -1", 1, 23, "LIMIT must be a non-negative integer" },
        new object[] { "SELECT a FROM t LIMIT 1.5", 1, 23, "LIMIT must be a non-negative integer" },
        new object[] { "SELECT a FROM t LIMIT 'x'", 1, 23, "LIMIT must be a non-negative integer" },
        new object[] { "SELECT a FROM t LIMIT", 1, 22, "LIMIT must be a non-negative integer but found the end of input" },
        new object[] { "SELECT a FROM t LIMIT 99999999999999999999", 1, 23, "is out of range for a 64-bit integer" },
        new object[] { "SELECT a FROM t extra", 1, 17, "Expected the end of the statement but found 'extra'" },
        new object[] { "SELECT a FROM t; SELECT b FROM t", 1, 18, "Expected the end of the statement but found 'SELECT'" },
        new object[] { "SELECT a FROM t LIMIT 5 WHERE a", 1, 25, "Expected the end of the statement but found 'WHERE'" },
        new object[] { "SELECT a FROM t WHERE a IN ()", 1, 29, "The IN list must not be empty" },
        new object[] { "SELECT a FROM t WHERE a IN 1", 1, 28, "Expected '(' after IN but found '1'" },
        new object[] { "SELECT count(DISTINCT *) FROM t", 1, 23, "count(DISTINCT *) is not supported" },
        new object[] { "SELECT sum(*) FROM t", 1, 12, "'*' is only allowed as the argument of count(*)" },
        new object[] { "SELECT count(* FROM t", 1, 16, "Expected ')' after count(*" },
        new object[] { "SELECT a FROM t WHERE s = 1 'a very long string literal that goes on and on and on'", 1, 29, "found the string 'a very long string literal that goes on..." },
        new object[] { "SELECT a FROM t WHERE x = 1 'abc'", 1, 29, "found the string 'abc'" },
        new object[] { "UPDATE t SET a = 1", 1, 1, "Expected SELECT but found 'UPDATE'" },
        new object[] { "EXPLAIN", 1, 8, "Expected SELECT but found the end of input" },
        new object[] { "SELECT select FROM t", 1, 8, "Expected an expression but found 'select'" },
        new object[] { "SELECT a FROM from", 1, 15, "Expected a table name or a quoted path after FROM but found 'from'" },
    ];

    [TestCaseSource(nameof(s_cases))]
    public void Parse_InvalidSql_ThrowsSyntaxErrorAtPosition(string sql, int line, int column, string problem)
    {
        var error = Assert.Throws<QuerySyntaxException>(() => SqlParser.Parse(sql))!;

        var lineText = sql.Split('\n')[line - 1];
        Assert.Multiple(() =>
        {
            Assert.That(error.Line, Is.EqualTo(line), "line");
            Assert.That(error.Column, Is.EqualTo(column), "column");
            Assert.That(error.Problem, Does.Contain(problem));
            Assert.That(error.Message, Does.Contain($"\n  {lineText}\n  {new string(' ', column - 1)}^"));
        });
    }

    [Test]
    public void Parse_TooDeepParentheses_ThrowsSyntaxErrorNotStackOverflow()
    {
        var sql = "SELECT " + new string('(', 100_000) + "x" + new string(')', 100_000) + " FROM t";

        var error = Assert.Throws<QuerySyntaxException>(() => SqlParser.Parse(sql))!;

        Assert.That(error.Problem, Does.Contain("nested too deeply"));
    }

    [Test]
    public void Parse_TooLongOperatorChain_ThrowsSyntaxError()
    {
        var sql = "SELECT x" + string.Concat(Enumerable.Repeat(" + x", 100_000)) + " FROM t";

        var error = Assert.Throws<QuerySyntaxException>(() => SqlParser.Parse(sql))!;

        Assert.That(error.Problem, Does.Contain("nested too deeply"));
    }

    [Test]
    public void Parse_TooManyNots_ThrowsSyntaxError()
    {
        var sql = "SELECT a FROM t WHERE " + string.Concat(Enumerable.Repeat("NOT ", 100_000)) + "a";

        var error = Assert.Throws<QuerySyntaxException>(() => SqlParser.Parse(sql))!;

        Assert.That(error.Problem, Does.Contain("nested too deeply"));
    }

    [Test]
    public void Parse_TooManyMinusSigns_ThrowsSyntaxError()
    {
        var sql = "SELECT " + string.Concat(Enumerable.Repeat("- ", 100_000)) + "a FROM t";

        var error = Assert.Throws<QuerySyntaxException>(() => SqlParser.Parse(sql))!;

        Assert.That(error.Problem, Does.Contain("nested too deeply"));
    }

    [Test]
    public void Parse_LongInList_IsNotNesting()
    {
        var sql = "SELECT a FROM t WHERE a IN (" + string.Join(", ", Enumerable.Range(0, 10_000)) + ")";

        var select = SqlParser.Parse(sql).Select;

        Assert.That(((Engine.Core.Sql.Ast.InExpression)select.Where!).List, Has.Count.EqualTo(10_000));
    }
}
