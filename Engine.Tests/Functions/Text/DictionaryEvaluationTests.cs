using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Expressions;
using Engine.Core.Functions;

namespace Engine.Tests.Functions.Text;

/// <summary>
/// Text functions work on dictionary codes: a VARCHAR result keeps the rows' codes under a dictionary of one
/// result per entry, and a text predicate in WHERE selects exactly the rows the general evaluator would.
/// </summary>
public sealed class DictionaryEvaluationTests
{
    private const int Rows = 1_000;
    private static readonly string[] s_symbols = ["S001", "S002", "s001", "T100", "S0%1", string.Empty, "Ä01"];

    private static ColumnBatch Batch(bool withNulls)
    {
        var random = new Random(11);
        var values = new string?[Rows];
        for (var i = 0; i < Rows; i++)
        {
            values[i] = withNulls && random.Next(6) == 0 ? null : s_symbols[random.Next(s_symbols.Length)];
        }

        return new ColumnBatch(new Schema([new Field("symbol", DataType.String)]), [StringColumn.FromValues(values)], Rows);
    }

    private static FunctionExpression Call(string name, params BoundExpression[] arguments)
    {
        Assert.That(FunctionRegistry.BuiltIn.TryGetScalar(name, out var function), Is.True);
        return FunctionExpression.Bind(function!, new ScalarBindContext(name, arguments));
    }

    private static ColumnReference Symbol => new(0, "symbol", DataType.String);

    private static Literal Text(string value) => new(ScalarValue.FromString(value));

    [Test]
    public void VarcharResult_HasOneDictionaryEntryPerInputEntryAndTheSameCodes()
    {
        var batch = Batch(withNulls: false);
        var input = (StringColumn)batch.Columns[0];
        var result = (StringColumn)ExpressionEvaluator.Evaluate(Call("lower", Symbol), batch);
        Assert.That(result.Dictionary, Has.Count.EqualTo(input.Dictionary.Count));
        Assert.That(result.Codes.ToArray(), Is.EqualTo(input.Codes.ToArray()));
        Assert.That(result.GetValue(0), Is.EqualTo(input.GetValue(0).ToLowerInvariant()));
    }

    [Test]
    public void VarcharResult_KeepsNullRowsNull()
    {
        var batch = Batch(withNulls: true);
        var input = batch.Columns[0];
        var result = ExpressionEvaluator.Evaluate(Call("upper", Symbol), batch);
        for (var i = 0; i < Rows; i++)
        {
            Assert.That(result.IsNull(i), Is.EqualTo(input.IsNull(i)));
        }
    }

    [TestCase("~~", "S00%", false)]
    [TestCase("~~", "S00%", true)]
    [TestCase("~~*", "s00_", false)]
    [TestCase("~~*", "%0%", true)]
    [TestCase("starts_with", "S", false)]
    [TestCase("contains", "0%", true)]
    public void PredicateInWhere_SelectsTheRowsTheGeneralEvaluatorSelects(string function, string argument, bool negated)
    {
        var batch = Batch(withNulls: true);
        BoundExpression predicate = Call(function, Symbol, Text(argument));
        if (negated)
        {
            predicate = new NotExpression(predicate);
        }

        var evaluated = (BoolColumn)ExpressionEvaluator.Evaluate(predicate, batch);
        var expected = Enumerable.Range(0, Rows).Where(i => !evaluated.IsNull(i) && evaluated.GetValue(i)).ToArray();
        Assert.That(ExpressionEvaluator.FilterRows(predicate, batch), Is.EqualTo(expected));
    }

    [Test]
    public void PredicateInWhere_OverASelection_KeepsOnlySelectedMatchingRows()
    {
        var batch = Batch(withNulls: true);
        var predicate = Call("~~", Symbol, Text("S%"));
        var firstPass = ExpressionEvaluator.Filter(Call("~~", Symbol, Text("%1")), batch, Selection.All(Rows), new SelectionBuffers());
        var selected = ExpressionEvaluator.Filter(predicate, batch, firstPass, new SelectionBuffers()).Rows.ToArray();
        var symbols = (StringColumn)batch.Columns[0];
        var expected = firstPass.Rows.ToArray().Where(i => symbols.GetValue(i).StartsWith('S')).ToArray();
        Assert.That(selected, Is.EqualTo(expected));
        Assert.That(selected, Is.Not.Empty);
    }

    [Test]
    public void PredicateWithNullConstant_SelectsNothingEvenNegated()
    {
        var batch = Batch(withNulls: false);
        var predicate = new NotExpression(Call("~~", Symbol, new Literal(ScalarValue.Null(DataType.String))));
        Assert.That(ExpressionEvaluator.FilterRows(predicate, batch), Is.Empty);
    }
}
