using Engine.Core.Columns;
using Engine.Core.Expressions;
using Engine.Core.Functions;
using Engine.Tests.Support;

namespace Engine.Tests.Expressions;

/// <summary>Bound expressions compare by structure, never by their display text.</summary>
public sealed class StructuralEqualityTests
{
    private static readonly ColumnReference s_price = new(0, "price", DataType.Double);

    private static FunctionExpression Call(string name, params BoundExpression[] arguments)
    {
        FunctionRegistry.BuiltIn.TryGetScalar(name, out var function);
        return FunctionExpression.Bind(function!, new ScalarBindContext(name, arguments));
    }

    [Test]
    public void SameCallOverTheSameColumn_IsEqual_WhateverTheColumnIsCalled()
    {
        var left = Call("*", s_price, new Literal(ScalarValue.FromDouble(2)));
        var right = Call("*", s_price with { Name = "\"PRICE\"" }, new Literal(ScalarValue.FromDouble(2)));

        Assert.That(left, Is.EqualTo(right));
        Assert.That(left.GetHashCode(), Is.EqualTo(right.GetHashCode()));
    }

    [Test]
    public void DifferentOperandsOrFunctions_AreNotEqual()
    {
        var two = new Literal(ScalarValue.FromDouble(2));
        Assert.That(Call("*", s_price, two), Is.Not.EqualTo(Call("+", s_price, two)));
        Assert.That(Call("*", s_price, two), Is.Not.EqualTo(Call("*", two, s_price)));
        Assert.That(new InListExpression(s_price, [ScalarValue.FromDouble(1)], false), Is.Not.EqualTo(new InListExpression(s_price, [ScalarValue.FromDouble(2)], false)));
    }

    [Test]
    public async Task GroupByExpressionWrittenTwice_IsOneKey()
    {
        var engine = TestEngines.Local(TestTables.SmallTrades());

        var result = await engine.QueryAsync("SELECT volume % 3, count(*) FROM trades GROUP BY volume  %   3 ORDER BY 1");

        Assert.That(result.Rows().Select(r => r[0].Int64Value), Is.EqualTo(new long[] { 0, 1, 2 }));
    }
}
