using System.Globalization;
using System.Text.Json;
using Engine.Schedulers.Remote.MessagePack;
using Engine.Tests.Support;

namespace Engine.Tests.Remote;

/// <summary>
/// Engine's codec against an independent implementation, @msgpack/msgpack (npm, pinned), in both directions,
/// over seeded random values of every type. Each direction runs node once or twice for all values.
/// </summary>
[TestFixture]
public sealed class MessagePackCrossImplementationTests
{
    internal const string Script = "msgpack-roundtrip.mjs";
    internal const int Seed = 20_240_601;
    internal const int RandomValueCount = 400;

    [Test]
    public async Task EngineEncoded_NpmDecodesAndReencodes_EngineDecodesSameValues()
    {
        var random = new MessagePackRandomValues(Seed);
        var values = Enumerable.Range(0, RandomValueCount).Select(_ => random.Next()).Concat(MessagePackRandomValues.LargeFormats()).ToList();
        var input = string.Join('\n', values.Select(v => Convert.ToBase64String(MessagePackTestHelpers.Encode(v))));

        var output = await NodeRunner.RunScriptAsync(Script, ["reencode"], input);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(values.Count));
        var mismatches = new List<string>();
        for (var i = 0; i < values.Count; i++)
        {
            var decoded = MessagePackTestHelpers.Decode(Convert.FromBase64String(lines[i]));
            if (!MessagePackTestHelpers.SemanticEquals(values[i], decoded))
            {
                mismatches.Add($"#{i}: sent {Truncate(MessagePackTestHelpers.Describe(values[i]))}, got back {Truncate(MessagePackTestHelpers.Describe(decoded))}");
            }
        }

        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public async Task NpmEncoded_EngineDecodesAndReencodes_NpmDecodesSameValues()
    {
        var generated = await NodeRunner.RunScriptAsync(Script, ["generate", Seed.ToString(CultureInfo.InvariantCulture), RandomValueCount.ToString(CultureInfo.InvariantCulture)]);
        var originals = generated.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var pairs = originals.Select(original =>
        {
            var bytes = Convert.FromBase64String(original);
            var reencoded = MessagePackTestHelpers.Encode(MessagePackTestHelpers.Decode(SegmentedSequence.Split(bytes, bytes.Length / 2)));
            return $"{original} {Convert.ToBase64String(reencoded)}";
        });

        var verdict = await NodeRunner.RunScriptAsync(Script, ["compare"], string.Join('\n', pairs));

        using var document = JsonDocument.Parse(verdict);
        Assert.Multiple(() =>
        {
            Assert.That(document.RootElement.GetProperty("compared").GetInt32(), Is.EqualTo(RandomValueCount));
            Assert.That(document.RootElement.GetProperty("mismatches").GetArrayLength(), Is.Zero, verdict);
        });
    }

    private static string Truncate(string text) => text.Length <= 200 ? text : text[..200] + "…";
}
