using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Expressions;

namespace Engine.Tests.Execution;

/// <summary>The direct column-versus-constant filter selects exactly what the general evaluator selects.</summary>
public class ConstantComparisonFilterTests
{
    private static readonly ComparisonOperator[] s_operators = Enum.GetValues<ComparisonOperator>();

    private static ColumnBatch RandomBatch(int seed)
    {
        var random = new Random(seed);
        const int Rows = 500;
        var ints = new long[Rows];
        var doubles = new double[Rows];
        var validity = ValidityBitmap.Create(Rows, allValid: true);
        for (var i = 0; i < Rows; i++)
        {
            ints[i] = random.Next(-5, 6);
            doubles[i] = random.Next(10) == 0 ? double.NaN : random.Next(-5, 6) / 2.0;
            if (random.Next(7) == 0)
            {
                ValidityBitmap.Set(validity, i, false);
            }
        }

        var schema = new Schema([new Field("i", DataType.Int64), new Field("d", DataType.Double)]);
        return new ColumnBatch(schema, [new Int64Column(ints, validity), new DoubleColumn(doubles, validity)], Rows);
    }

    private static int[] General(ComparisonExpression comparison, ColumnBatch batch)
    {
        var result = (BoolColumn)ExpressionEvaluator.Evaluate(comparison, batch);
        return Enumerable.Range(0, result.Length).Where(i => !result.IsNull(i) && result.GetValue(i)).ToArray();
    }

    [Test]
    public void EveryOperatorBothOrientationsWithNullsAndNaN_MatchesTheGeneralEvaluator([Values(1, 2, 3)] int seed)
    {
        var batch = RandomBatch(seed);
        var columns = new[] { new ColumnReference(0, "i", DataType.Int64), new ColumnReference(1, "d", DataType.Double) };
        var constants = new[] { ScalarValue.FromInt64(0), ScalarValue.FromInt64(-3), ScalarValue.FromDouble(1.5), ScalarValue.FromDouble(double.NaN), ScalarValue.Null(DataType.Int64) };
        foreach (var column in columns)
        {
            foreach (var constant in constants)
            {
                foreach (var op in s_operators)
                {
                    foreach (var comparison in new[]
                    {
                        new ComparisonExpression(op, column, new Literal(constant)),
                        new ComparisonExpression(op, new Literal(constant), column),
                    })
                    {
                        Assert.That(ExpressionEvaluator.FilterRows(comparison, batch), Is.EqualTo(General(comparison, batch)), comparison.ToString());
                    }
                }
            }
        }
    }

    [Test]
    public void WithAnIncomingSelection_KeepsOnlySelectedRows()
    {
        var batch = RandomBatch(9);
        var comparison = new ComparisonExpression(ComparisonOperator.GreaterOrEqual, new ColumnReference(0, "i", DataType.Int64), new Literal(ScalarValue.FromInt64(0)));
        int[] incoming = [1, 5, 9, 200, 499];
        var expected = incoming.Where(r => General(comparison, batch).Contains(r)).ToArray();
        Assert.That(ExpressionEvaluator.Filter(comparison, batch, Selection.Of(incoming, incoming.Length), new SelectionBuffers()).Rows.ToArray(), Is.EqualTo(expected));
    }
}
