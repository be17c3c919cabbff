using Engine.Core.Errors;
using static Engine.Tests.Functions.Text.TextTestQueries;

namespace Engine.Tests.Functions.Text;

/// <summary>trim, ltrim, rtrim, replace and split_part, as DuckDB 1.5 computes them.</summary>
public sealed class TrimAndReplaceFunctionTests
{
    [TestCase("trim('  a b  ')", "a b")]
    [TestCase("ltrim('  a  ')", "a  ")]
    [TestCase("rtrim('  a  ')", "  a")]
    [TestCase("trim('\u00A0a\u3000')", "a")]
    [TestCase("trim('\ta\n')", "\ta\n")]
    [TestCase("trim('')", "")]
    public async Task Trim_RemovesSpaceSeparatorsButNotControlCharacters(string expression, string expected) =>
        Assert.That(await TextAsync(expression), Is.EqualTo(expected));

    [TestCase("trim('xxaxx', 'x')", "a")]
    [TestCase("ltrim('xyxay', 'xy')", "ay")]
    [TestCase("rtrim('ayxy', 'xy')", "a")]
    [TestCase("trim('abc', '')", "abc")]
    [TestCase("trim('😀a😀', '😀')", "a")]
    [TestCase("trim('aaa', 'a')", "")]
    public async Task Trim_WithCharacters_RemovesAnyOfThemFromTheEnds(string expression, string expected) =>
        Assert.That(await TextAsync(expression), Is.EqualTo(expected));

    [TestCase("replace('aaa', 'a', 'bb')", "bbbbbb")]
    [TestCase("replace('abc', '', 'x')", "abc")]
    [TestCase("replace('abc', 'b', '')", "ac")]
    [TestCase("replace('aaaa', 'aa', 'a')", "aa")]
    [TestCase("replace('a😀b', '😀', '-')", "a-b")]
    public async Task Replace_ReplacesEveryOccurrence(string expression, string expected) =>
        Assert.That(await TextAsync(expression), Is.EqualTo(expected));

    [TestCase("split_part('a,b,c', ',', 2)", "b")]
    [TestCase("split_part('a,b,c', ',', 0)", "")]
    [TestCase("split_part('a,b,c', ',', -1)", "c")]
    [TestCase("split_part('a,b,c', ',', -3)", "a")]
    [TestCase("split_part('a,b,c', ',', -4)", "")]
    [TestCase("split_part('a,b,c', ',', 5)", "")]
    [TestCase("split_part('abc', '', 2)", "b")]
    [TestCase("split_part('a😀b', '', 2)", "😀")]
    [TestCase("split_part('', ',', 1)", "")]
    [TestCase("split_part('a,,b', ',,', 2)", "b")]
    public async Task SplitPart_PicksOnePart(string expression, string expected) =>
        Assert.That(await TextAsync(expression), Is.EqualTo(expected));

    [TestCase("trim(NULL)")]
    [TestCase("trim('a', NULL)")]
    [TestCase("replace('a', NULL, 'b')")]
    [TestCase("split_part('a', ',', NULL)")]
    public async Task NullArgument_GivesNull(string expression) =>
        Assert.That((await ValueAsync(expression)).IsNull, Is.True);

    [Test]
    public async Task Trim_OverAColumn_TrimsEachEntry() =>
        Assert.That(await OverWordsAsync("trim(s)", "id IN (3, 12)"), Is.EqualTo(new[] { "padded", "nbsp" }));

    [Test]
    public void SplitPart_WithATextIndex_IsABindError() =>
        Assert.ThrowsAsync<QueryBindException>(() => ValueAsync("split_part('a', ',', 1.5)"));
}
