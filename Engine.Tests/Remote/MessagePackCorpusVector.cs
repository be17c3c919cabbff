using System.Globalization;
using System.Numerics;
using System.Text.Json;
using Engine.Schedulers.Remote.MessagePack;
using Engine.Tests.Support;

namespace Engine.Tests.Remote;

/// <summary>
/// One case of the kawanet/msgpack-test-suite corpus (read in place from the shared test data): the value it
/// states, as CLR objects, and every encoding that must decode to it.
/// </summary>
public sealed class MessagePackCorpusVector
{
    private MessagePackCorpusVector(string group, int index, object? expected, IReadOnlyList<string> encodings)
    {
        Group = group;
        Index = index;
        Expected = expected;
        Encodings = encodings;
    }

    public string Group { get; }

    public int Index { get; }

    /// <summary>The stated value: bignums as <see cref="long"/>/<see cref="ulong"/>, other numbers as long when integral.</summary>
    public object? Expected { get; }

    /// <summary>Every listed encoding, in the corpus's dashed-hex notation.</summary>
    public IReadOnlyList<string> Encodings { get; }

    public static string CorpusPath => Path.Combine(TestPaths.TestData, "msgpack", "msgpack-test-suite.json");

    public static IEnumerable<TestCaseData> All()
    {
        using var document = JsonDocument.Parse(File.ReadAllText(CorpusPath));
        foreach (var group in document.RootElement.EnumerateObject())
        {
            var index = 0;
            foreach (var entry in group.Value.EnumerateArray())
            {
                var vector = Parse(group.Name, index, entry);
                yield return new TestCaseData(vector).SetArgDisplayNames($"{group.Name}#{index}");
                index++;
            }
        }
    }

    public override string ToString() => $"{Group}#{Index}";

    private static MessagePackCorpusVector Parse(string group, int index, JsonElement entry)
    {
        var encodings = entry.GetProperty("msgpack").EnumerateArray().Select(e => e.GetString()!).ToArray();
        object? expected = null;
        var found = false;
        foreach (var property in entry.EnumerateObject())
        {
            switch (property.Name)
            {
                case "msgpack":
                    continue;
                case "bignum":
                    var big = BigInteger.Parse(property.Value.GetString()!, CultureInfo.InvariantCulture);
                    expected = big > long.MaxValue ? (object)(ulong)big : (long)big;
                    found = true;
                    break;
                case "number" when !entry.TryGetProperty("bignum", out _):
                    expected = property.Value.TryGetInt64(out var integral) ? (object)integral : property.Value.GetDouble();
                    found = true;
                    break;
                case "number":
                    break;
                default:
                    expected = ConvertValue(property.Name, property.Value);
                    found = true;
                    break;
            }
        }

        if (!found)
        {
            throw new InvalidDataException($"Corpus case {group}#{index} has no value key.");
        }

        return new MessagePackCorpusVector(group, index, expected, encodings);
    }

    private static object? ConvertValue(string kind, JsonElement value) => kind switch
    {
        "nil" => null,
        "bool" => value.GetBoolean(),
        "binary" => MessagePackTestHelpers.ParseDashedHex(value.GetString()!),
        "string" => value.GetString(),
        "number" => value.TryGetInt64(out var integral) ? (object)integral : value.GetDouble(),
        "array" => value.EnumerateArray().Select(ConvertPlain).ToArray(),
        "map" => value.EnumerateObject().Select(p => new KeyValuePair<object?, object?>(p.Name, ConvertPlain(p.Value))).ToArray(),
        "timestamp" => new MessagePackTimestamp(value[0].GetInt64(), value[1].GetUInt32()),
        "ext" => new MessagePackExtension(checked((sbyte)value[0].GetInt32()), MessagePackTestHelpers.ParseDashedHex(value[1].GetString()!)),
        _ => throw new InvalidDataException($"Unknown corpus value kind '{kind}'."),
    };

    /// <summary>Values nested in corpus arrays and maps are plain JSON.</summary>
    private static object? ConvertPlain(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.TryGetInt64(out var integral) ? (object)integral : value.GetDouble(),
        JsonValueKind.Array => value.EnumerateArray().Select(ConvertPlain).ToArray(),
        JsonValueKind.Object => value.EnumerateObject().Select(p => new KeyValuePair<object?, object?>(p.Name, ConvertPlain(p.Value))).ToArray(),
        _ => throw new InvalidDataException($"Unexpected JSON {value.ValueKind} in the corpus."),
    };
}
