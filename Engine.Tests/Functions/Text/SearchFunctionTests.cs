using Engine.Core.Columns;
using static Engine.Tests.Functions.Text.TextTestQueries;

namespace Engine.Tests.Functions.Text;

/// <summary>starts_with/prefix, ends_with/suffix, contains and strpos/instr/position.</summary>
public sealed class SearchFunctionTests
{
    [TestCase("starts_with('abc', 'ab')", true)]
    [TestCase("starts_with('abc', '')", true)]
    [TestCase("starts_with('abc', 'b')", false)]
    [TestCase("prefix('😀x', '😀')", true)]
    [TestCase("ends_with('abc', 'bc')", true)]
    [TestCase("suffix('abc', 'a')", false)]
    [TestCase("ends_with('', '')", true)]
    [TestCase("contains('abc', 'b')", true)]
    [TestCase("contains('abc', '')", true)]
    [TestCase("contains('abc', 'B')", false)]
    public async Task Predicates_CompareOrdinally(string expression, bool expected)
    {
        var value = await ValueAsync(expression);
        Assert.That(value.Type, Is.EqualTo(DataType.Bool));
        Assert.That(value.BoolValue, Is.EqualTo(expected));
    }

    [TestCase("strpos('abc', 'c')", 3)]
    [TestCase("strpos('abc', 'z')", 0)]
    [TestCase("strpos('abc', '')", 1)]
    [TestCase("instr('a😀b', 'b')", 3)]
    [TestCase("strpos('😀😀x', 'x')", 3)]
    public async Task Strpos_IsTheOneBasedCodePointPosition(string expression, long expected) =>
        Assert.That((await ValueAsync(expression)).Int64Value, Is.EqualTo(expected));

    [TestCase("starts_with(NULL, 'a')")]
    [TestCase("contains('a', NULL)")]
    [TestCase("strpos(NULL, 'a')")]
    public async Task NullArgument_GivesNull(string expression) =>
        Assert.That((await ValueAsync(expression)).IsNull, Is.True);

    [Test]
    public async Task Contains_InWhere_KeepsMatchingRowsAndDropsNullRows() =>
        Assert.That(await OverWordsAsync("id", "contains(s, 'l')"), Is.EqualTo(new[] { "0", "8", "10" }));

    [Test]
    public async Task StartsWith_WithAPatternPerRow_ComparesEachRow() =>
        Assert.That(await OverWordsAsync("starts_with(s, left(pattern, 1))", "id IN (0, 1, 4, 10)"), Is.EqualTo(new[] { "true", "NULL", "true", "NULL" }));
}
