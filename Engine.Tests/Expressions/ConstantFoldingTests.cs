using Engine.Core.Columns;
using Engine.Core.Expressions;
using Engine.Core.Pipelines;
using Engine.Tests.Support;

namespace Engine.Tests.Expressions;

/// <summary>Constant subexpressions fold before planning, so a computed bound prunes exactly like a literal.</summary>
public sealed class ConstantFoldingTests
{
    [Test]
    public async Task TimestampMinusInterval_PrunesLikeTheLiteralItEquals()
    {
        var engine = TestEngines.Local(TestTables.SmallTrades());

        var computed = await engine.PlanAsync("SELECT count(*) FROM trades WHERE ts >= TIMESTAMP '2024-01-01 00:00:32' - INTERVAL '30 seconds'");
        var literal = await engine.PlanAsync("SELECT count(*) FROM trades WHERE ts >= TIMESTAMP '2024-01-01 00:00:02'");

        Assert.That(computed.ChunksScanned, Is.EqualTo(literal.ChunksScanned));
        Assert.That(computed.ChunksScanned, Is.LessThan(computed.ChunksTotal), "the bound removes chunks");
        Assert.That(computed.Query.Plan.ScanFilter, Is.EqualTo(literal.Query.Plan.ScanFilter));
    }

    [Test]
    public async Task ArithmeticOnConstants_BecomesOneLiteral()
    {
        var engine = TestEngines.Local(TestTables.SmallTrades());

        var filter = (await engine.PlanAsync("SELECT count(*) FROM trades WHERE volume > 2 * 50 + 1")).Query.Plan.ScanFilter;

        Assert.That(filter, Is.EqualTo(new ComparisonExpression(ComparisonOperator.Greater, new ColumnReference(0, "volume", DataType.Int64), new Literal(ScalarValue.FromInt64(101)))));
    }

    [Test]
    public void OverflowInAConstant_FailsWhenTheQueryIsPlanned()
    {
        var engine = TestEngines.Local(TestTables.SmallTrades());

        Assert.That(async () => await engine.PlanAsync("SELECT count(*) FROM trades WHERE volume > 9223372036854775807 + 1"),
            Throws.InstanceOf<Engine.Core.Errors.QueryExecutionException>().With.Message.Contains("Overflow"));
    }

    [Test]
    public async Task ExpressionsThatReadColumns_AreLeftAsTheyAre()
    {
        var engine = TestEngines.Local(TestTables.SmallTrades());

        var projection = (ProjectOperator)(await engine.PlanAsync("SELECT price * 2 FROM trades")).Query.Plan.Operators.Single();

        Assert.That(projection.Expressions.Single(), Is.TypeOf<FunctionExpression>());
    }
}
