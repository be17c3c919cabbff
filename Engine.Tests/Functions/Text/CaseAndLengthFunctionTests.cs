using Engine.Core.Columns;
using Engine.Core.Errors;
using static Engine.Tests.Functions.Text.TextTestQueries;

namespace Engine.Tests.Functions.Text;

/// <summary>lower, upper, length and reverse, as DuckDB 1.5 computes them.</summary>
public sealed class CaseAndLengthFunctionTests
{
    [TestCase("lower('HeLLo')", "hello")]
    [TestCase("lcase('ÄÖÜ')", "äöü")]
    [TestCase("lower('𐐀')", "𐐨")]
    [TestCase("lower('ΣΑ')", "σα")]
    [TestCase("lower('')", "")]
    public async Task Lower_MapsEveryCodePointToLowerCase(string expression, string expected) =>
        Assert.That(await TextAsync(expression), Is.EqualTo(expected));

    [TestCase("upper('hello')", "HELLO")]
    [TestCase("ucase('äöü')", "ÄÖÜ")]
    [TestCase("upper('𐐨')", "𐐀")]
    [TestCase("upper('straße')", "STRAẞE")]
    public async Task Upper_MapsEveryCodePointToUpperCase(string expression, string expected) =>
        Assert.That(await TextAsync(expression), Is.EqualTo(expected));

    [TestCase("length('hello')", 5)]
    [TestCase("length('')", 0)]
    [TestCase("length('a😀b')", 3)]
    [TestCase("char_length('𐐨𐐀')", 2)]
    [TestCase("character_length('e\u0301')", 2)]
    public async Task Length_CountsCodePoints(string expression, long expected)
    {
        var value = await ValueAsync(expression);
        Assert.That(value.Type, Is.EqualTo(DataType.Int64));
        Assert.That(value.Int64Value, Is.EqualTo(expected));
    }

    [TestCase("reverse('abc')", "cba")]
    [TestCase("reverse('a😀b')", "b😀a")]
    [TestCase("reverse('e\u0301x')", "xe\u0301")]
    [TestCase("reverse('')", "")]
    public async Task Reverse_ReversesGraphemeClusters(string expression, string expected) =>
        Assert.That(await TextAsync(expression), Is.EqualTo(expected));

    [TestCase("lower(NULL)")]
    [TestCase("upper(NULL)")]
    [TestCase("length(NULL)")]
    [TestCase("reverse(NULL)")]
    public async Task NullArgument_GivesNull(string expression) =>
        Assert.That((await ValueAsync(expression)).IsNull, Is.True);

    [Test]
    public async Task Lower_OverAColumn_KeepsNullRowsNull() =>
        Assert.That(await OverWordsAsync("lower(s)", "id < 3"), Is.EqualTo(new[] { "hello", "NULL", "" }));

    [Test]
    public async Task Length_OverAColumn_CountsEachRow() =>
        Assert.That(await OverWordsAsync("length(s)", "id IN (0, 1, 4, 6, 9)"), Is.EqualTo(new[] { "5", "NULL", "3", "3", "2" }));

    [TestCase("lower(123)")]
    [TestCase("length(1.5)")]
    [TestCase("upper(TIMESTAMP '2024-01-01')")]
    public void NonTextArgument_IsABindError(string expression) =>
        Assert.ThrowsAsync<QueryBindException>(() => ValueAsync(expression));

    [Test]
    public void WrongArgumentCount_IsABindErrorNamingTheSignature()
    {
        var error = Assert.ThrowsAsync<QueryBindException>(() => ValueAsync("lower('a', 'b')"));
        Assert.That(error!.Message, Does.Contain("lower(VARCHAR) -> VARCHAR"));
    }
}
