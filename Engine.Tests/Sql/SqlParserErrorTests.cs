using Engine.Core.Errors;
using Engine.Core.Sql;

namespace Engine.Tests.Sql;

[TestFixture]
public sealed class SqlParserErrorTests
{
    private static readonly object[] s_cases =
    [
        new object[] { "SELECT a GROUP a", 1, 16, "Expected BY but found 'a'" },
        new object[] { "SELECT a\r\nFROM t\r\nWHERE = 1", 3, 7, "Expected an expression but found '='" },
        new object[] { "SELECT a\nFROM t\nWHERE b = = 1", 3, 11, "Expected an expression but found '='" },
        new object[] { "SELECT a FROM", 1, 14, "Expected a table name, a quoted path or a subquery after FROM but found the end of input" },
        new object[] { "SELECT a, FROM t", 1, 11, "Expected an expression but found 'FROM'" },
        new object[] { "SELECT (a + 1 FROM t", 1, 15, "Expected ')' but found 'FROM'" },
        new object[] { "SELECT f(a b) FROM t", 1, 12, "Expected ',' or ')' in the argument list but found 'b'" },
        new object[] { "SELECT a FROM t WHERE", 1, 22, "Expected an expression but found the end of input" },
        new object[] { "SELECT a FROM t GROUP a", 1, 23, "Expected BY but found 'a'" },
        new object[] { "SELECT a FROM t ORDER BY a NULLS", 1, 33, "Expected FIRST or LAST after NULLS" },
        new object[] { "SELECT a FROM t WHERE a IS 5", 1, 28, "Expected NULL, DISTINCT FROM, TRUE or FALSE after IS but found '5'" },
        new object[] { "SELECT a FROM t WHERE a NOT = 'x'", 1, 29, "Expected IN, BETWEEN, LIKE or ILIKE after NOT but found '='" },
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
        new object[] { "SELECT a FROM t alias extra", 1, 23, "Expected the end of the statement but found 'extra'" },
        new object[] { "SELECT a FROM t; SELECT b FROM t", 1, 18, "Expected the end of the statement but found 'SELECT'" },
        new object[] { "SELECT a FROM t LIMIT 5 WHERE a", 1, 25, "Expected the end of the statement but found 'WHERE'" },
        new object[] { "SELECT a FROM t WHERE a IN ()", 1, 29, "The IN list must not be empty" },
        new object[] { "SELECT a FROM t WHERE a IN 1", 1, 28, "Expected '(' after IN but found '1'" },
        new object[] { "SELECT CASE a THEN 1 END FROM t", 1, 15, "Expected WHEN in CASE but found 'THEN'" },
        new object[] { "SELECT CASE WHEN a THEN 1 FROM t", 1, 27, "Expected END but found 'FROM'" },
        new object[] { "SELECT CAST(a AS) FROM t", 1, 17, "Expected a type name but found ')'" },
        new object[] { "SELECT CAST(a BIGINT) FROM t", 1, 15, "Expected AS but found 'BIGINT'" },
        new object[] { "SELECT a::(1) FROM t", 1, 11, "Expected a type name but found '('" },
        new object[] { "WITH x AS SELECT 1 SELECT * FROM x", 1, 11, "Expected '(' and the query of x but found 'SELECT'" },
        new object[] { "SELECT 1 UNION", 1, 15, "Expected SELECT but found the end of input" },
        new object[] { "SELECT a FROM (t)", 1, 16, "Expected a query in parentheses after FROM but found 't'" },
        new object[] { "SELECT a FROM t LIMIT 1 OFFSET x", 1, 32, "OFFSET must be a non-negative integer" },
        new object[] { "SELECT a FROM t WHERE a IS NOT DISTINCT b", 1, 41, "Expected FROM but found 'b'" },
        new object[] { "SELECT count(DISTINCT *) FROM t", 1, 23, "count(DISTINCT *) is not supported" },
        new object[] { "SELECT sum(*) FROM t", 1, 12, "'*' is only allowed as the argument of count(*)" },
        new object[] { "SELECT count(* FROM t", 1, 16, "Expected ')' after count(*" },
        new object[] { "SELECT a FROM t WHERE s = 1 'a very long string literal that goes on and on and on'", 1, 29, "found the string 'a very long string literal that goes on..." },
        new object[] { "SELECT a FROM t WHERE x = 1 'abc'", 1, 29, "found the string 'abc'" },
        new object[] { "EXPLAIN", 1, 8, "Expected SELECT but found the end of input" },
        new object[] { "SELECT select FROM t", 1, 8, "Expected an expression but found 'select'" },
        new object[] { "SELECT a FROM from", 1, 15, "Expected a table name, a quoted path or a subquery after FROM but found 'from'" },
    ];

    private static readonly object[] s_unsupported =
    [
        new object[] { "SELECT * FROM t JOIN u ON t.a = u.a", 1, 17, "JOIN is not supported yet" },
        new object[] { "SELECT * FROM t LEFT JOIN u USING (a)", 1, 17, "LEFT JOIN is not supported yet" },
        new object[] { "SELECT * FROM t ASOF JOIN u ON t.a >= u.a", 1, 17, "ASOF JOIN is not supported yet" },
        new object[] { "SELECT * FROM t, u", 1, 16, "JOIN is not supported yet (FROM a, b is a cross join)" },
        new object[] { "SELECT avg(x) OVER (PARTITION BY s) FROM t", 1, 15, "window functions (avg(…) OVER …) are not supported yet" },
        new object[] { "SELECT a FROM t QUALIFY a > 1", 1, 17, "QUALIFY (and window functions) is not supported yet" },
        new object[] { "SELECT a FROM t GROUP BY ROLLUP (a)", 1, 26, "GROUP BY ROLLUP is not supported yet" },
        new object[] { "WITH RECURSIVE x AS (SELECT 1) SELECT * FROM x", 1, 6, "WITH RECURSIVE is not supported yet" },
        new object[] { "SELECT * FROM read_parquet('x.parquet')", 1, 15, "table function read_parquet() is not supported" },
        new object[] { "SELECT [1, 2] FROM t", 1, 8, "list literals ([1, 2, 3]) are not supported yet" },
        new object[] { "SELECT a FROM t WHERE a SIMILAR TO 'x'", 1, 25, "SIMILAR is not supported yet" },
        new object[] { "SELECT DISTINCT ON (a) a FROM t", 1, 17, "SELECT DISTINCT ON is not supported yet" },
        new object[] { "UPDATE t SET a = 1", 1, 1, "UPDATE statements are not supported" },
        new object[] { "SELECT string_agg(a, ',' ORDER BY b) FROM t", 1, 26, "ORDER BY inside string_agg(…) is not supported yet" },
        new object[] { "SELECT 2 ^ 3", 1, 10, "the ^ operator is not supported yet; use power(x, y)" },
        new object[] { "SELECT 2 ** 3", 1, 10, "the ** operator is not supported yet; use power(x, y)" },
        new object[] { "SELECT position('a' IN 'abc')", 1, 8, "position(search IN text) is not supported yet; use strpos(text, search)" },
        new object[] { "SELECT percentile_disc(0.5) WITHIN GROUP (ORDER BY a) FROM t", 1, 29, "write quantile_disc(x, fraction)" },
    ];

    [TestCaseSource(nameof(s_unsupported))]
    public void Parse_ConstructNotSupportedYet_IsNamedAtItsPosition(string sql, int line, int column, string problem)
    {
        var error = Assert.Throws<UnsupportedFeatureException>(() => SqlParser.Parse(sql))!;

        Assert.Multiple(() =>
        {
            Assert.That(error.Line, Is.EqualTo(line), "line");
            Assert.That(error.Column, Is.EqualTo(column), "column");
            Assert.That(error.Message, Does.Contain(problem));
            Assert.That(error.Message, Does.Contain($"\n  {sql.Split('\n')[line - 1]}\n  {new string(' ', column - 1)}^"));
        });
    }

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
