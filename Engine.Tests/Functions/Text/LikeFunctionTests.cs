using Engine.Core.Errors;
using static Engine.Tests.Functions.Text.TextTestQueries;

namespace Engine.Tests.Functions.Text;

/// <summary>LIKE, ILIKE, NOT LIKE, NOT ILIKE and ESCAPE, as DuckDB 1.5 matches them.</summary>
public sealed class LikeFunctionTests
{
    [TestCase("'abc' LIKE 'abc'", true)]
    [TestCase("'abc' LIKE 'ab'", false)]
    [TestCase("'abc' LIKE 'a%'", true)]
    [TestCase("'abc' LIKE '%c'", true)]
    [TestCase("'abc' LIKE '%b%'", true)]
    [TestCase("'abc' LIKE '%d%'", false)]
    [TestCase("'abc' LIKE 'a%b%c'", true)]
    [TestCase("'abcb' LIKE 'a%b'", true)]
    [TestCase("'ab' LIKE 'a%b%b'", false)]
    [TestCase("'aba' LIKE 'a%a'", true)]
    [TestCase("'a' LIKE 'a%a'", false)]
    [TestCase("'abc' LIKE ''", false)]
    [TestCase("'' LIKE ''", true)]
    [TestCase("'' LIKE '%'", true)]
    [TestCase("'' LIKE '%%'", true)]
    [TestCase("'abc' LIKE '%%'", true)]
    public async Task Like_PercentMatchesAnyRun(string expression, bool expected) =>
        Assert.That((await ValueAsync(expression)).BoolValue, Is.EqualTo(expected));

    [TestCase("'aXc' LIKE 'a_c'", true)]
    [TestCase("'ac' LIKE 'a_c'", false)]
    [TestCase("'a😀c' LIKE 'a_c'", true)]
    [TestCase("'a😀c' LIKE 'a__c'", false)]
    [TestCase("'abcde' LIKE '_b%_e'", true)]
    [TestCase("'abcde' LIKE '%c_'", false)]
    [TestCase("'abcde' LIKE '%d_'", true)]
    [TestCase("'e\u0301' LIKE '__'", true)]
    public async Task Like_UnderscoreMatchesOneCodePoint(string expression, bool expected) =>
        Assert.That((await ValueAsync(expression)).BoolValue, Is.EqualTo(expected));

    [TestCase("'abc' LIKE 'a\\bc'", false)]
    [TestCase("'a\\bc' LIKE 'a\\bc'", true)]
    [TestCase("'a\\bc' LIKE 'a\\%'", true)]
    public async Task Like_WithoutEscape_TreatsBackslashAsALiteral(string expression, bool expected) =>
        Assert.That((await ValueAsync(expression)).BoolValue, Is.EqualTo(expected));

    [TestCase("'a%c' LIKE 'a\\%c' ESCAPE '\\'", true)]
    [TestCase("'abc' LIKE 'a\\%c' ESCAPE '\\'", false)]
    [TestCase("'a_c' LIKE 'a#_c' ESCAPE '#'", true)]
    [TestCase("'abc' LIKE 'a#_c' ESCAPE '#'", false)]
    [TestCase("'a#c' LIKE 'a##c' ESCAPE '#'", true)]
    [TestCase("'a%' LIKE 'a%%' ESCAPE '%'", true)]
    [TestCase("'ab' LIKE 'a%%' ESCAPE '%'", false)]
    [TestCase("'x' LIKE '\\x' ESCAPE '\\'", true)]
    [TestCase("'ab' LIKE 'a%' ESCAPE ''", true)]
    [TestCase("'a\\' LIKE 'a\\\\' ESCAPE '\\'", true)]
    [TestCase("'a\\b' LIKE 'a\\\\b' ESCAPE '\\'", true)]
    [TestCase("'a\\b' LIKE 'a\\b' ESCAPE '\\'", false)]
    public async Task LikeEscape_MakesTheNextCharacterLiteral(string expression, bool expected) =>
        Assert.That((await ValueAsync(expression)).BoolValue, Is.EqualTo(expected));

    [TestCase("'a\\' LIKE 'a\\' ESCAPE '\\'")]
    [TestCase("'ab' LIKE 'a_' ESCAPE '_'")]
    public void LikeEscape_PatternEndingInAnUnusedEscapeCharacter_IsABindError(string expression)
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => ValueAsync(expression));
        Assert.That(error!.Message, Does.Contain("must not end with escape character"));
    }

    [Test]
    public void LikeEscape_LongerThanOneCharacter_IsABindError()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => ValueAsync("'ab' LIKE 'ab' ESCAPE 'xy'"));
        Assert.That(error!.Message, Does.Contain("Escape string must be empty or one character"));
    }

    [TestCase("'ÄÖ' ILIKE 'äö'", true)]
    [TestCase("'ΣΑ' ILIKE 'σα%'", true)]
    [TestCase("'Straße' ILIKE '%SS%'", false)]
    [TestCase("'HELLO' ILIKE 'h_llo'", true)]
    [TestCase("'𐐀' ILIKE '𐐨'", true)]
    [TestCase("'a' ILIKE 'A' ESCAPE 'A'", true)]
    [TestCase("'A_B' ILIKE 'a!_b' ESCAPE '!'", true)]
    public async Task ILike_IgnoresCaseIncludingNonAsciiLetters(string expression, bool expected) =>
        Assert.That((await ValueAsync(expression)).BoolValue, Is.EqualTo(expected));

    [TestCase("'abc' NOT LIKE 'a%'", false)]
    [TestCase("'abc' NOT LIKE 'b%'", true)]
    [TestCase("'ÄB' NOT ILIKE 'äb'", false)]
    [TestCase("'a%' NOT LIKE 'a!%' ESCAPE '!'", false)]
    public async Task NotLike_NegatesTheMatch(string expression, bool expected) =>
        Assert.That((await ValueAsync(expression)).BoolValue, Is.EqualTo(expected));

    [TestCase("NULL LIKE 'a'")]
    [TestCase("'a' LIKE NULL")]
    [TestCase("'a' LIKE 'a' ESCAPE NULL")]
    [TestCase("NULL NOT ILIKE 'a'")]
    public async Task NullOperand_GivesNull(string expression) =>
        Assert.That((await ValueAsync(expression)).IsNull, Is.True);

    [Test]
    public async Task Like_InWhere_KeepsMatchingRows() =>
        Assert.That(await OverWordsAsync("id", "s LIKE 'H%'"), Is.EqualTo(new[] { "0", "10" }));

    [Test]
    public async Task NotLike_InWhere_DropsMatchingAndNullRows() =>
        Assert.That(await OverWordsAsync("id", "s NOT LIKE '%a%' AND id < 6"), Is.EqualTo(new[] { "0", "2" }));

    [Test]
    public async Task Like_WithAPatternPerRow_MatchesEachRowsPattern() =>
        Assert.That(await OverWordsAsync("s LIKE pattern"), Is.EqualTo(new[] { "true", "NULL", "true", "true", "true", "false", "true", "false", "true", "true", "NULL", "true", "true", "false" }));

    [Test]
    public async Task ILike_WithAPatternPerRow_MatchesEachRowsPattern() =>
        Assert.That(await OverWordsAsync("s ILIKE pattern", "id IN (5, 13)"), Is.EqualTo(new[] { "true", "true" }));

    [Test]
    public async Task LikeEscape_WithAPatternPerRow_UsesTheEscape() =>
        Assert.That(await OverWordsAsync("s LIKE pattern ESCAPE '!'", "id = 7"), Is.EqualTo(new[] { "true" }));

    [Test]
    public void Like_OverANumber_IsABindError() =>
        Assert.ThrowsAsync<QueryBindException>(() => ValueAsync("'abc' LIKE 5"));
}
