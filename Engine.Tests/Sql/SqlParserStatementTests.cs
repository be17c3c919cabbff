using Engine.Core.Sql;
using Engine.Core.Sql.Ast;
using static Engine.Tests.Sql.SqlTrees;

namespace Engine.Tests.Sql;

[TestFixture]
public sealed class SqlParserStatementTests
{
    [Test]
    public void Parse_FullQuery_BuildsEveryClause()
    {
        var statement = SqlParser.Parse(
            "SELECT symbol, avg(price) AS avg_price FROM trades WHERE price > 10 GROUP BY symbol " +
            "HAVING count(*) > 5 ORDER BY avg_price DESC NULLS LAST, symbol LIMIT 10;");

        var expected = new SqlStatement(
            new SelectStatement(
                [
                    new SelectItem(Col("symbol"), null, false, SourcePosition.None),
                    new SelectItem(Call("avg", Col("price")), "avg_price", false, SourcePosition.None),
                ],
                new TableRef("trades", false, SourcePosition.None),
                Bin(BinaryOperator.Greater, Col("price"), Int(10)),
                [Col("symbol")],
                Bin(BinaryOperator.Greater, new FunctionCall("count", [], false, true, SourcePosition.None), Int(5)),
                [
                    new OrderItem(Col("avg_price"), true, false, SourcePosition.None),
                    new OrderItem(Col("symbol"), false, null, SourcePosition.None),
                ],
                new LimitClause(10, SourcePosition.None),
                SourcePosition.None),
            false,
            false,
            SourcePosition.None);
        Assert.That(statement, Is.EqualTo(expected).Using<SqlStatement>(SqlTreeComparer.Default), statement.ToSql);
    }

    [Test]
    public void Parse_MinimalQuery_HasEmptyOptionalClauses()
    {
        var select = SqlParser.Parse("select * from t").Select;

        Assert.Multiple(() =>
        {
            Assert.That(select.Items, Has.Count.EqualTo(1));
            Assert.That(select.Items[0].IsStar, Is.True);
            Assert.That(select.Items[0].Expression, Is.Null);
            Assert.That(select.Where, Is.Null);
            Assert.That(select.GroupBy, Is.Empty);
            Assert.That(select.Having, Is.Null);
            Assert.That(select.OrderBy, Is.Empty);
            Assert.That(select.Limit, Is.Null);
        });
    }

    [Test]
    public void Parse_Explain_SetsExplainOnly()
    {
        var statement = SqlParser.Parse("EXPLAIN SELECT * FROM t");

        Assert.That((statement.Explain, statement.Analyze), Is.EqualTo((true, false)));
    }

    [Test]
    public void Parse_ExplainAnalyze_SetsBoth()
    {
        var statement = SqlParser.Parse("explain analyze SELECT * FROM t");

        Assert.That((statement.Explain, statement.Analyze), Is.EqualTo((true, true)));
    }

    [Test]
    public void Parse_PlainSelect_IsNotExplain()
    {
        var statement = SqlParser.Parse("SELECT * FROM t");

        Assert.That((statement.Explain, statement.Analyze), Is.EqualTo((false, false)));
    }

    [Test]
    public void Parse_PathInFrom_IsPath()
    {
        var from = SqlParser.Parse("SELECT * FROM 'data/trades/it''s.parquet'").Select.From as TableRef;

        Assert.That((from!.Name, from.IsPath), Is.EqualTo(("data/trades/it's.parquet", true)));
    }

    [Test]
    public void Parse_QuotedTableName_IsNotPath()
    {
        var from = SqlParser.Parse("SELECT * FROM \"My Table\"").Select.From as TableRef;

        Assert.That((from!.Name, from.IsPath), Is.EqualTo(("My Table", false)));
    }

    [Test]
    public void Parse_AliasWithoutAs_IsAlias() =>
        Assert.That(SqlParser.Parse("SELECT price p FROM t").Select.Items[0].Alias, Is.EqualTo("p"));

    [Test]
    public void Parse_QuotedAlias_KeepsText() =>
        Assert.That(SqlParser.Parse("SELECT price AS \"Avg Price\" FROM t").Select.Items[0].Alias, Is.EqualTo("Avg Price"));

    [Test]
    public void Parse_StarAndExpressions_KeepsOrder()
    {
        var items = SqlParser.Parse("SELECT *, a FROM t").Select.Items;

        Assert.That((items[0].IsStar, items[1].IsStar), Is.EqualTo((true, false)));
    }

    [TestCase("ORDER BY a", false, null)]
    [TestCase("ORDER BY a ASC", false, null)]
    [TestCase("ORDER BY a desc", true, null)]
    [TestCase("ORDER BY a NULLS FIRST", false, true)]
    [TestCase("ORDER BY a ASC NULLS LAST", false, false)]
    [TestCase("ORDER BY a DESC nulls first", true, true)]
    public void Parse_OrderItem_ReadsDirectionAndNulls(string clause, bool descending, bool? nullsFirst)
    {
        var item = SqlParser.Parse("SELECT a FROM t " + clause).Select.OrderBy[0];

        Assert.That((item.Descending, item.NullsFirst), Is.EqualTo((descending, nullsFirst)));
    }

    [Test]
    public void Parse_GroupByList_KeepsOrder()
    {
        var groupBy = SqlParser.Parse("SELECT a FROM t GROUP BY a, time_bucket('1h', ts)").Select.GroupBy;

        Assert.That(groupBy, Is.EqualTo(new SqlExpression[] { Col("a"), Call("time_bucket", Str("1h"), Col("ts")) })
            .Using<SqlExpression>(SqlTreeComparer.Default));
    }

    [Test]
    public void Parse_LimitZero_IsZero() => Assert.That(SqlParser.Parse("SELECT a FROM t LIMIT 0").Select.Limit!.Count, Is.Zero);

    [Test]
    public void Parse_TrailingSemicolonAndComment_Accepted() =>
        Assert.That(SqlParser.Parse("SELECT a FROM t; -- end\n").Select.From is TableRef { Name: var name } ? name : null, Is.EqualTo("t"));

    [Test]
    public void Parse_Statement_RecordsPositions()
    {
        var statement = SqlParser.Parse("\n  SELECT a\n  FROM t\n  LIMIT 5");

        Assert.Multiple(() =>
        {
            Assert.That(statement.Position, Is.EqualTo(new SourcePosition(2, 3, 3, 27)));
            Assert.That(statement.Select.From!.Position, Is.EqualTo(new SourcePosition(3, 8, 19, 1)));
            Assert.That(statement.Select.Limit!.Position, Is.EqualTo(new SourcePosition(4, 3, 23, 7)));
        });
    }

    [Test]
    public void RecordEquality_SameParse_IsEqualDespiteLists()
    {
        const string Sql = "SELECT a, f(x) FROM t WHERE y IN (1, 2)";
        var first = SqlParser.Parse(Sql);
        var second = SqlParser.Parse(Sql);

        Assert.That(first, Is.EqualTo(second));
    }

    [Test]
    public void RecordEquality_DifferentLayout_DiffersButTreeComparerMatches()
    {
        var compact = SqlParser.Parse("SELECT a+1 FROM t");
        var spaced = SqlParser.Parse("SELECT  a + 1  FROM t");

        Assert.Multiple(() =>
        {
            Assert.That(compact, Is.Not.EqualTo(spaced));
            Assert.That(SqlTreeComparer.Default.Equals(compact, spaced), Is.True);
            Assert.That(SqlTreeComparer.Default.GetHashCode(compact), Is.EqualTo(SqlTreeComparer.Default.GetHashCode(spaced)));
        });
    }

    [Test]
    public void TreeComparer_QuotedAndUnquotedColumn_Differ() =>
        Assert.That(SqlTreeComparer.Default.Equals(Col("a"), Col("a", quoted: true)), Is.False);

    [Test]
    public void FloatLiteral_NotFinite_Throws() =>
        Assert.That(() => new FloatLiteral(double.NaN, SourcePosition.None), Throws.TypeOf<ArgumentOutOfRangeException>());
}
