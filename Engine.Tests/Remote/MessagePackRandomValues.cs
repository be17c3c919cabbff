using System.Text;
using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Tests.Remote;

/// <summary>
/// Seeded random value trees of every MessagePack type, in the CLR shapes <see cref="MessagePackValue"/> reads
/// and writes. Map keys are unique, non-numeric strings so a JavaScript peer keeps them in order.
/// </summary>
internal sealed class MessagePackRandomValues
{
    private static readonly long[] s_integerBoundaries =
    [
        0, 127, 128, 255, 256, 65535, 65536, uint.MaxValue, (long)uint.MaxValue + 1, long.MaxValue,
        -1, -32, -33, -128, -129, -32768, -32769, int.MinValue, (long)int.MinValue - 1, long.MinValue,
    ];

    private static readonly float[] s_specialSingles =
        [float.NaN, float.PositiveInfinity, float.NegativeInfinity, -0f, float.Epsilon, float.MaxValue, float.MinValue, 0.5f];

    private static readonly double[] s_specialDoubles =
        [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0d, double.Epsilon, double.MaxValue, double.MinValue, 1e-310];

    private static readonly int[] s_extensionLengths = [0, 1, 2, 3, 4, 8, 16, 17, 255, 256];

    private readonly Random _random;

    public MessagePackRandomValues(int seed) => _random = new Random(seed);

    /// <summary>One fixed value per format whose long form random sizes rarely reach (str32, bin32, array32, map32, ext32, ...).</summary>
    public static IEnumerable<object?> LargeFormats()
    {
        yield return new string('x', 70_000);
        yield return Enumerable.Range(0, 70_000).Select(i => (byte)i).ToArray();
        yield return Enumerable.Range(0, 70_000).Select(i => (object?)(long)(i % 200)).ToArray();
        yield return Enumerable.Range(0, 70_000).Select(i => new KeyValuePair<object?, object?>($"k{i}", (long)i)).ToArray();
        yield return new MessagePackExtension(9, new byte[70_000]);
        yield return new MessagePackExtension(10, new byte[300]);
        yield return Enumerable.Range(0, 300).Select(i => (object?)$"s{i}").ToArray();
    }

    public object? Next(int depth = 0)
    {
        switch (_random.Next(depth < 3 ? 15 : 12))
        {
            case 0:
                return null;
            case 1:
                return _random.Next(2) == 1;
            case 2:
                return unchecked(s_integerBoundaries[_random.Next(s_integerBoundaries.Length)] + _random.Next(-1, 2));
            case 3:
                return RandomBits() >> _random.Next(64);
            case 4:
                return (ulong)long.MaxValue + 1 + ((ulong)RandomBits() >> 1);
            case 5:
                return _random.Next(4) == 0
                    ? s_specialSingles[_random.Next(s_specialSingles.Length)]
                    : BitConverter.Int32BitsToSingle((int)RandomBits());
            case 6:
                return _random.Next(4) == 0
                    ? s_specialDoubles[_random.Next(s_specialDoubles.Length)]
                    : BitConverter.Int64BitsToDouble(RandomBits());
            case 7:
                return RandomString(RandomLength());
            case 8:
                return RandomBytes(RandomLength());
            case 9:
                return RandomTimestamp();
            case 10:
                return new MessagePackExtension((sbyte)_random.Next(128), RandomBytes(s_extensionLengths[_random.Next(s_extensionLengths.Length)]));
            case 11:
                return (double)_random.Next(-1000, 1000);
            case 12:
            case 13:
                var items = new object?[_random.Next(5) == 0 ? _random.Next(16, 40) : _random.Next(16)];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Next(depth + 1);
                }

                return items;
            default:
                var entries = new KeyValuePair<object?, object?>[_random.Next(5) == 0 ? _random.Next(16, 40) : _random.Next(16)];
                for (var i = 0; i < entries.Length; i++)
                {
                    entries[i] = new KeyValuePair<object?, object?>($"k{i}_{RandomString(_random.Next(6))}", Next(depth + 1));
                }

                return entries;
        }
    }

    private long RandomBits()
    {
        Span<byte> bytes = stackalloc byte[8];
        _random.NextBytes(bytes);
        return BitConverter.ToInt64(bytes);
    }

    private int RandomLength() => _random.Next(100) switch
    {
        0 => _random.Next(256, 70_000),
        < 30 => _random.Next(32, 300),
        _ => _random.Next(32),
    };

    private byte[] RandomBytes(int length)
    {
        var bytes = new byte[length];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string RandomString(int length)
    {
        var builder = new StringBuilder(length + 1);
        while (builder.Length < length)
        {
            var codePoint = _random.Next(4) switch
            {
                0 => _random.Next(0x20, 0x7F),
                1 => _random.Next(0x400, 0x500),
                2 => _random.Next(0x4E00, 0xA000),
                _ => _random.Next(0x1F300, 0x1F650),
            };
            builder.Append(char.ConvertFromUtf32(codePoint));
        }

        return builder.ToString();
    }

    private MessagePackTimestamp RandomTimestamp() => _random.Next(3) switch
    {
        0 => new MessagePackTimestamp(_random.NextInt64(0, (long)uint.MaxValue + 1), 0),
        1 => new MessagePackTimestamp(_random.NextInt64(0, 1L << 34), (uint)_random.Next(1_000_000_000)),
        _ => new MessagePackTimestamp(_random.NextInt64(-(1L << 50), 1L << 50), (uint)_random.Next(1_000_000_000)),
    };
}
