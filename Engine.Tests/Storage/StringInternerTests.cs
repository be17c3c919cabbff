using System.Text;
using Engine.Storage.Buffers;
using Engine.Storage.Parquet;

namespace Engine.Tests.Storage;

/// <summary>The string dictionary of a column chunk: one code per distinct text, however the text arrived.</summary>
[TestFixture]
public sealed class StringInternerTests
{
    [Test]
    public void InternUtf8_EqualTexts_ShareOneCodeInFirstSeenOrder()
    {
        var interner = new StringInterner();

        int[] codes = [interner.InternUtf8("b"u8), interner.InternUtf8("a"u8), interner.InternUtf8("b"u8), interner.InternUtf8(""u8), interner.InternUtf8(""u8)];

        Assert.That(codes, Is.EqualTo(new[] { 0, 1, 0, 2, 2 }));
        Assert.That(interner.ToArray(), Is.EqualTo(new[] { "b", "a", string.Empty }));
        interner.Release();
    }

    [Test]
    public void InternUtf8_InvalidSequence_SharesTheCodeOfTheReplacementCharactersText()
    {
        var interner = new StringInterner();

        var valid = interner.InternUtf8(Encoding.UTF8.GetBytes("x\uFFFD"));
        var invalid = interner.InternUtf8([(byte)'x', 0xFF]);
        var fromChars = interner.Intern("x\uFFFD");

        Assert.That((invalid, fromChars), Is.EqualTo((valid, valid)));
        Assert.That(interner.ToArray(), Is.EqualTo(new[] { "x\uFFFD" }));
        interner.Release();
    }

    [Test]
    public void InternUtf8_RepeatingTextsPastTheSample_KeepOneCodeEachThroughGrowth()
    {
        var interner = new StringInterner();
        var texts = Enumerable.Range(0, 3 * StringInterner.SampleEntries).Select(i => $"value-{i % 5_000}-ünï").ToArray();

        var codes = texts.Select(t => interner.InternUtf8(Encoding.UTF8.GetBytes(t))).ToArray();

        Assert.That(codes.Skip(5_000), Is.EqualTo(codes.Take(codes.Length - 5_000)));
        Assert.That(interner.ToArray(), Is.EqualTo(texts.Take(5_000)));
        interner.Release();
    }

    [Test]
    public void InternUtf8_MostlyDistinctTexts_StopLookingUpButEveryCodeStillNamesItsText()
    {
        var before = PooledBuffers.Outstanding;
        var interner = new StringInterner();
        var texts = Enumerable.Range(0, 4 * StringInterner.SampleEntries).Select(i => $"order-{i:D8}").Append("order-00000000").ToArray();

        var codes = texts.Select(t => interner.InternUtf8(Encoding.UTF8.GetBytes(t))).ToArray();
        var dictionary = interner.ToArray();
        interner.Release();

        Assert.That(codes.Select(c => dictionary[c]), Is.EqualTo(texts));
        Assert.That(codes[^1], Is.Not.EqualTo(codes[0]), "past the sample a repeated text gets a new entry");
        Assert.That(PooledBuffers.Outstanding, Is.EqualTo(before));
    }

    [Test]
    public void Release_AfterUse_ReturnsThePooledArena()
    {
        var before = PooledBuffers.Outstanding;
        var interner = new StringInterner();
        for (var i = 0; i < 10_000; i++)
        {
            interner.InternUtf8(Encoding.UTF8.GetBytes($"text {i}"));
        }

        interner.Release();

        Assert.That(PooledBuffers.Outstanding, Is.EqualTo(before));
        Assert.That(interner.ToArray(), Has.Length.EqualTo(10_000));
    }
}
