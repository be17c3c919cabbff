using Engine.Core.Errors;
using static Engine.Tests.Functions.Text.TextTestQueries;

namespace Engine.Tests.Functions.Text;

/// <summary>substring/substr, left and right, with DuckDB 1.5's rules for zero and negative positions and lengths.</summary>
public sealed class SubstringFunctionTests
{
    [TestCase("substr('hello', 2, 3)", "ell")]
    [TestCase("substring('hello', 2)", "ello")]
    [TestCase("substr('hello', 0)", "hello")]
    [TestCase("substr('hello', 0, 2)", "h")]
    [TestCase("substr('hello', 0, 1)", "")]
    [TestCase("substr('hello', -3)", "llo")]
    [TestCase("substr('hello', -3, 2)", "ll")]
    [TestCase("substr('hello', -10, 3)", "")]
    [TestCase("substr('hello', -10, 8)", "hel")]
    [TestCase("substr('hello', 3, -2)", "he")]
    [TestCase("substr('hello', 3, -5)", "he")]
    [TestCase("substr('hello', 2, -1)", "h")]
    [TestCase("substr('hello', 6)", "")]
    [TestCase("substr('hello', 1, 0)", "")]
    [TestCase("substr('', 1, 2)", "")]
    [TestCase("substr('a😀b', 2, 1)", "😀")]
    [TestCase("substr('a😀b', -2)", "😀b")]
    [TestCase("substr('𐐨𐐀x', 2)", "𐐀x")]
    public async Task Substring_FollowsDuckDbPositions(string expression, string expected) =>
        Assert.That(await TextAsync(expression), Is.EqualTo(expected));

    [TestCase("substr('hello', 5000000000)")]
    [TestCase("substr('hello', 1, -5000000000)")]
    public void Substring_PositionBeyondTwoToThe32_IsAnExecutionError(string expression) =>
        Assert.ThrowsAsync<QueryExecutionException>(() => ValueAsync(expression));

    [TestCase("left('hello', 2)", "he")]
    [TestCase("left('hello', 10)", "hello")]
    [TestCase("left('hello', -2)", "hel")]
    [TestCase("left('hello', -10)", "")]
    [TestCase("left('a😀b', 2)", "a😀")]
    public async Task Left_TakesCodePointsFromTheStart(string expression, string expected) =>
        Assert.That(await TextAsync(expression), Is.EqualTo(expected));

    [TestCase("right('hello', 2)", "lo")]
    [TestCase("right('hello', 10)", "hello")]
    [TestCase("right('hello', -2)", "llo")]
    [TestCase("right('hello', 0)", "")]
    [TestCase("right('a😀b', 2)", "😀b")]
    public async Task Right_TakesCodePointsFromTheEnd(string expression, string expected) =>
        Assert.That(await TextAsync(expression), Is.EqualTo(expected));

    [TestCase("substr(NULL, 1)")]
    [TestCase("substr('abc', NULL)")]
    [TestCase("left('abc', NULL)")]
    [TestCase("right(NULL, 1)")]
    public async Task NullArgument_GivesNull(string expression) =>
        Assert.That((await ValueAsync(expression)).IsNull, Is.True);

    [Test]
    public async Task Substring_WithAPositionPerRow_UsesEachRowsPosition() =>
        Assert.That(await OverWordsAsync("substr(s, n, 2)", "id IN (0, 3, 4)"), Is.EqualTo(new[] { "ll", " ", "a😀" }));

    [TestCase("substr('abc', '2')", "bc")]
    [TestCase("left('abc', '2')", "ab")]
    public async Task TextLiteralPosition_ConvertsToBigint(string expression, string expected) =>
        Assert.That(await TextAsync(expression), Is.EqualTo(expected));

    [Test]
    public void UnconvertibleTextPosition_IsAConversionError() =>
        Assert.ThrowsAsync<QueryExecutionException>(() => ValueAsync("substr('abc', 'x')"));

    [TestCase("left('abc', 1.5)")]
    [TestCase("substr('abc', TRUE)")]
    public void NonIntegerPosition_IsABindError(string expression) =>
        Assert.ThrowsAsync<QueryBindException>(() => ValueAsync(expression));
}
