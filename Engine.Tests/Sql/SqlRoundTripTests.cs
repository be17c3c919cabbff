using Engine.Core.Sql;
using Engine.Core.Sql.Ast;

namespace Engine.Tests.Sql;

[TestFixture]
public sealed class SqlRoundTripTests
{
    private static readonly string[] s_queries =
    [
        "SELECT * FROM trades",
        "select a, b, c from t",
        "SELECT price * 2 AS doubled FROM t",
        "SELECT price p FROM t",
        "SELECT \"Odd \"\"Name\"\"\" AS \"Alias With Space\" FROM \"My Table\"",
        "SELECT \"select\", \"Mixed\" FROM t",
        "SELECT * FROM 'data/trades/*.parquet'",
        "SELECT * FROM 'it''s/dir'",
        "SELECT a FROM t WHERE a = 1 AND b <> 2 OR c != 3",
        "SELECT a FROM t WHERE a < 1 OR a <= 2 OR a > 3 OR a >= 4",
        "SELECT a + b - c * d / e % f FROM t",
        "SELECT -a, - -a, -(1), -1, - -1, +a, -9223372036854775808, 9223372036854775807 FROM t",
        "SELECT 1.5, -2.25, 1e300, 2.5e-10, .5, 3. FROM t",
        "SELECT 0.1, 0.30000000000000004, 123456789.123456789 FROM t",
        "SELECT 'x', '', 'it''s', 'multi\nline' FROM t",
        "SELECT TRUE, FALSE, NULL FROM t",
        "SELECT TIMESTAMP '2024-01-01 00:00:00', INTERVAL '1 minute' FROM t",
        "SELECT timestamp, interval FROM t",
        "SELECT a FROM t WHERE NOT a AND NOT NOT b",
        "SELECT a FROM t WHERE x IN (1, 2, 3) AND y NOT IN ('a', 'b')",
        "SELECT a FROM t WHERE x BETWEEN 1 AND 10 OR x NOT BETWEEN a + 1 AND b * 2",
        "SELECT a FROM t WHERE x IS NULL OR y IS NOT NULL",
        "SELECT count(*), count(x), count(DISTINCT symbol) FROM t",
        "SELECT sum(price * volume) / sum(volume) AS vwap FROM t",
        "SELECT time_bucket('1m', ts) AS bucket, first(price), last(price) FROM t GROUP BY time_bucket('1m', ts)",
        "SELECT symbol, avg(price) FROM t GROUP BY symbol HAVING avg(price) > 10 AND count(*) >= 5",
        "SELECT a FROM t ORDER BY a",
        "SELECT a FROM t ORDER BY a ASC, b DESC, c NULLS FIRST, d DESC NULLS LAST",
        "SELECT a FROM t LIMIT 0",
        "SELECT a FROM t LIMIT 9223372036854775807",
        "SELECT a FROM t WHERE ts >= TIMESTAMP '2024-01-01' ORDER BY ts DESC LIMIT 100",
        "EXPLAIN SELECT a FROM t",
        "EXPLAIN ANALYZE SELECT symbol, max(price) FROM trades GROUP BY symbol ORDER BY 2 DESC LIMIT 5",
        "SELECT ((a)) FROM t WHERE (((b = 1)))",
        "SELECT (a OR b) AND c, a OR (b AND c) FROM t",
        "SELECT a - (b - c), (a - b) - c FROM t",
        "SELECT NOT (a = b), (NOT a) = b FROM t",
        "SELECT a = b = c FROM t",
        "SELECT f(), g(1, 'x', NULL), h(k(l(m))) FROM t",
        "SELECT a -- comment\n FROM /* block */ t;",
        "SELECT a FROM t WHERE (x IN (1)) IN (TRUE) AND (x BETWEEN 1 AND 2) BETWEEN FALSE AND TRUE",
        "SELECT a FROM t WHERE (x IS NULL) IS NOT NULL",
        "SELECT a - -1, a - - 1, a-1 FROM t",
        "SELECT \"\u00e9t\u00e9\", caf\u00e9 FROM t",
    ];

    [TestCaseSource(nameof(s_queries))]
    public void ToSql_ParsedQuery_ReparsesToEqualTree(string sql)
    {
        var original = SqlParser.Parse(sql);
        var printed = original.ToSql();

        var reparsed = SqlParser.Parse(printed);

        Assert.Multiple(() =>
        {
            Assert.That(reparsed, Is.EqualTo(original).Using<SqlStatement>(SqlTreeComparer.Default), printed);
            Assert.That(reparsed.ToSql(), Is.EqualTo(printed));
        });
    }

    [Test]
    public void ToSql_Query_PrintsFullyParenthesised() =>
        Assert.That(
            SqlParser.Parse("select a+b*c as x from t where not a=1 or b in (1,2) order by x desc nulls first limit 3").ToSql(),
            Is.EqualTo("SELECT (a + (b * c)) AS x FROM t WHERE ((NOT (a = 1)) OR (b IN (1, 2))) ORDER BY x DESC NULLS FIRST LIMIT 3"));

    [Test]
    public void ToSql_ReservedAliasAndTable_AreQuoted()
    {
        var statement = new SqlStatement(
            new SelectStatement(
                [new SelectItem(new ColumnRef("a", false, SourcePosition.None), "from", false, SourcePosition.None)],
                new TableRef("order", false, SourcePosition.None),
                null, [], null, [], null, SourcePosition.None),
            false, false, SourcePosition.None);

        Assert.That(statement.ToSql(), Is.EqualTo("SELECT a AS \"from\" FROM \"order\""));
    }

    [Test]
    public void ToSql_NegatedNegativeLiteral_DoesNotFormComment()
    {
        var expression = new UnaryExpression(UnaryOperator.Negate, new IntegerLiteral(-5, SourcePosition.None), SourcePosition.None);

        Assert.That(expression.ToSql(), Is.EqualTo("(-(-5))"));
    }

    [Test]
    public void ToSql_WholeFloat_KeepsDecimalPoint() =>
        Assert.That(new FloatLiteral(3, SourcePosition.None).ToSql(), Is.EqualTo("3.0"));
}
