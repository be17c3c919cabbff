using Engine.Core.Errors;
using static Engine.Tests.Functions.Text.TextTestQueries;

namespace Engine.Tests.Functions.Text;

/// <summary>regexp_matches: a partial match of a constant pattern.</summary>
public sealed class RegexpMatchesFunctionTests
{
    [TestCase("regexp_matches('abc', 'b')", true)]
    [TestCase("regexp_matches('abc', '^b')", false)]
    [TestCase("regexp_matches('abc', '^a.c$')", true)]
    [TestCase("regexp_matches('abc', '')", true)]
    [TestCase("regexp_matches('ABC', '(?i)b')", true)]
    [TestCase("regexp_matches('ABC', 'b', 'i')", true)]
    [TestCase("regexp_matches('a\nb', 'a.b')", false)]
    [TestCase("regexp_matches('a\nb', 'a.b', 's')", true)]
    [TestCase("regexp_matches('x42', '[0-9]+$')", true)]
    public async Task RegexpMatches_FindsThePatternAnywhere(string expression, bool expected) =>
        Assert.That((await ValueAsync(expression)).BoolValue, Is.EqualTo(expected));

    [TestCase("regexp_matches(NULL, 'a')")]
    [TestCase("regexp_matches('a', NULL)")]
    public async Task NullArgument_GivesNull(string expression) =>
        Assert.That((await ValueAsync(expression)).IsNull, Is.True);

    [Test]
    public void InvalidPattern_IsABindErrorAtThePattern()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => ValueAsync("regexp_matches('abc', '(')"));
        Assert.That(error!.Message, Does.Contain("Invalid regular expression"));
    }

    [Test]
    public void PatternFromAColumn_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => OverWordsAsync("regexp_matches(s, pattern)"));
        Assert.That(error!.Message, Does.Contain("constant pattern"));
    }

    [Test]
    public void UnknownOption_IsABindError() =>
        Assert.ThrowsAsync<QueryBindException>(() => ValueAsync("regexp_matches('a', 'a', 'q')"));

    [Test]
    public async Task RegexpMatches_InWhere_KeepsMatchingRows() =>
        Assert.That(await OverWordsAsync("id", "regexp_matches(s, '^[a-z]+\\\\')"), Is.EqualTo(new[] { "8" }));
}
