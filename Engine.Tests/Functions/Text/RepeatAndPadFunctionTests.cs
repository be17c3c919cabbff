using Engine.Core.Errors;
using static Engine.Tests.Functions.Text.TextTestQueries;

namespace Engine.Tests.Functions.Text;

/// <summary>repeat, lpad and rpad, counted in code points.</summary>
public sealed class RepeatAndPadFunctionTests
{
    [TestCase("repeat('ab', 3)", "ababab")]
    [TestCase("repeat('ab', 0)", "")]
    [TestCase("repeat('ab', -1)", "")]
    [TestCase("repeat('', 5)", "")]
    [TestCase("repeat('😀', 2)", "😀😀")]
    public async Task Repeat_RepeatsTheString(string expression, string expected) =>
        Assert.That(await TextAsync(expression), Is.EqualTo(expected));

    [TestCase("lpad('abc', 5, 'xy')", "xyabc")]
    [TestCase("lpad('abc', 2, 'x')", "ab")]
    [TestCase("lpad('abc', -1, 'x')", "")]
    [TestCase("lpad('abc', 3, '')", "abc")]
    [TestCase("lpad('a😀', 4, '😀x')", "😀xa😀")]
    [TestCase("rpad('abc', 6, 'xy')", "abcxyx")]
    [TestCase("rpad('abc', 1, 'x')", "a")]
    [TestCase("rpad('', 3, 'ab')", "aba")]
    public async Task Pad_PadsOrCutsToTheWidth(string expression, string expected) =>
        Assert.That(await TextAsync(expression), Is.EqualTo(expected));

    [TestCase("lpad('abc', 5, '')")]
    [TestCase("rpad('abc', 5, '')")]
    public void Pad_WithAnEmptyFillWherePaddingIsNeeded_IsAnExecutionError(string expression)
    {
        var error = Assert.ThrowsAsync<QueryExecutionException>(() => ValueAsync(expression));
        Assert.That(error!.Message, Does.Contain("Insufficient padding"));
    }

    [Test]
    public void Repeat_BeyondTheSizeLimit_IsAnExecutionError() =>
        Assert.ThrowsAsync<QueryExecutionException>(() => ValueAsync("repeat('abc', 1000000000000)"));

    [TestCase("repeat(NULL, 2)")]
    [TestCase("lpad('a', NULL, 'x')")]
    [TestCase("rpad('a', 3, NULL)")]
    public async Task NullArgument_GivesNull(string expression) =>
        Assert.That((await ValueAsync(expression)).IsNull, Is.True);
}
