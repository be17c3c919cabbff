using Engine.Core.Columns;
using Engine.Core.Errors;
using static Engine.Tests.Functions.Text.TextTestQueries;

namespace Engine.Tests.Functions.Text;

/// <summary>concat (NULLs skipped) and the <c>||</c> operator (NULL when either side is), over any types as text.</summary>
public sealed class ConcatFunctionTests
{
    [TestCase("concat('a', 'b', 'c')", "abc")]
    [TestCase("concat('a', NULL, 'b')", "ab")]
    [TestCase("concat(NULL, NULL)", "")]
    [TestCase("concat('x')", "x")]
    [TestCase("concat('a', 1, 2.5, true)", "a12.5true")]
    [TestCase("concat('😀', '', 'e\u0301')", "😀e\u0301")]
    public async Task Concat_JoinsTheTextOfEveryNonNullArgument(string expression, string expected) =>
        Assert.That(await TextAsync(expression), Is.EqualTo(expected));

    [TestCase("'a' || 'b'", "ab")]
    [TestCase("'a' || 1", "a1")]
    [TestCase("1 || 2", "12")]
    [TestCase("'' || ''", "")]
    public async Task ConcatOperator_JoinsTwoValuesAsText(string expression, string expected)
    {
        var value = await ValueAsync(expression);
        Assert.That(value.Type, Is.EqualTo(DataType.String));
        Assert.That(value.StringValue, Is.EqualTo(expected));
    }

    [TestCase("'a' || NULL")]
    [TestCase("NULL || 'a'")]
    public async Task ConcatOperator_WithANullSide_IsNull(string expression) =>
        Assert.That((await ValueAsync(expression)).IsNull, Is.True);

    [Test]
    public async Task Concat_OverAColumn_TreatsNullRowsAsEmpty() =>
        Assert.That(await OverWordsAsync("concat('<', s, '>')", "id < 3"), Is.EqualTo(new[] { "<Hello>", "<>", "<>" }));

    [Test]
    public async Task ConcatOperator_OverAColumn_IsNullOnNullRows() =>
        Assert.That(await OverWordsAsync("s || '!'", "id < 3"), Is.EqualTo(new[] { "Hello!", "NULL", "!" }));

    [Test]
    public async Task ConcatOperator_OfTwoColumns_JoinsRowByRow() =>
        Assert.That(await OverWordsAsync("s || pattern", "id IN (0, 2, 10)"), Is.EqualTo(new[] { "HelloH%", "", "NULL" }));

    [Test]
    public void Concat_WithoutArguments_IsABindError() =>
        Assert.ThrowsAsync<QueryBindException>(() => ValueAsync("concat()"));
}
