using System.Buffers;
using System.Globalization;
using System.Numerics;
using Engine.Schedulers.Remote.MessagePack;

namespace Engine.Tests.Remote;

/// <summary>Encoding, decoding, hex and semantic comparison helpers shared by the MessagePack tests.</summary>
internal static class MessagePackTestHelpers
{
    public static byte[] Encode(object? value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        MessagePackValue.Write(new MessagePackWriter(buffer), value);
        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Encode(Action<MessagePackWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>();
        write(new MessagePackWriter(buffer));
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Decodes exactly one value that must span the whole input.</summary>
    public static object? Decode(ReadOnlySequence<byte> input, MessagePackReaderOptions? options = null)
    {
        var reader = new MessagePackReader(input, options);
        var value = MessagePackValue.Read(ref reader);
        if (!reader.End)
        {
            throw new InvalidOperationException($"{reader.Remaining} bytes left after the value.");
        }

        return value;
    }

    public static object? Decode(byte[] input, MessagePackReaderOptions? options = null) =>
        Decode(new ReadOnlySequence<byte>(input), options);

    /// <summary>Parses the corpus notation: two-digit hex bytes joined by '-', "" for none.</summary>
    public static byte[] ParseDashedHex(string text) =>
        text.Length == 0 ? [] : Convert.FromHexString(text.Replace("-", string.Empty, StringComparison.Ordinal));

    public static string ToDashedHex(ReadOnlySpan<byte> bytes) =>
        string.Join('-', Convert.ToHexString(bytes).ToLowerInvariant().Chunk(2).Select(pair => new string(pair)));

    /// <summary>
    /// Compares two value trees by meaning: integers and floating-point numbers by numeric value (a peer may
    /// write an integral double as an integer), byte strings by content, maps in order.
    /// </summary>
    public static bool SemanticEquals(object? expected, object? actual)
    {
        if (expected is null || actual is null)
        {
            return expected is null && actual is null;
        }

        if (IsNumber(expected) && IsNumber(actual))
        {
            return NumbersEqual(expected, actual);
        }

        return (expected, actual) switch
        {
            (bool a, bool b) => a == b,
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (byte[] a, byte[] b) => a.AsSpan().SequenceEqual(b),
            (MessagePackTimestamp a, MessagePackTimestamp b) => a == b,
            (MessagePackExtension a, MessagePackExtension b) => a.Equals(b),
            (KeyValuePair<object?, object?>[] a, KeyValuePair<object?, object?>[] b) =>
                a.Length == b.Length && a.Zip(b).All(pair => SemanticEquals(pair.First.Key, pair.Second.Key) && SemanticEquals(pair.First.Value, pair.Second.Value)),
            (object?[] a, object?[] b) => a.Length == b.Length && a.Zip(b).All(pair => SemanticEquals(pair.First, pair.Second)),
            _ => false,
        };
    }

    public static string Describe(object? value) => value switch
    {
        null => "nil",
        string s => $"\"{s}\"",
        byte[] b => $"bin[{Convert.ToHexString(b)}]",
        float f => f.ToString("R", CultureInfo.InvariantCulture) + "f",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        KeyValuePair<object?, object?>[] map => "{" + string.Join(", ", map.Select(e => $"{Describe(e.Key)}: {Describe(e.Value)}")) + "}",
        object?[] array => "[" + string.Join(", ", array.Select(Describe)) + "]",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    private static bool IsNumber(object value) =>
        value is long or ulong or int or uint or short or ushort or sbyte or byte or float or double or BigInteger;

    private static bool IsInteger(object value) => value is not (float or double);

    private static bool NumbersEqual(object a, object b)
    {
        if (IsInteger(a) && IsInteger(b))
        {
            return ToBigInteger(a) == ToBigInteger(b);
        }

        var x = ToDouble(a);
        var y = ToDouble(b);
        return x.Equals(y) || x == y;
    }

    private static BigInteger ToBigInteger(object value) => value switch
    {
        BigInteger big => big,
        ulong u => u,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };

    private static double ToDouble(object value) => value switch
    {
        float f => f,
        double d => d,
        BigInteger big => (double)big,
        ulong u => u,
        _ => Convert.ToInt64(value, CultureInfo.InvariantCulture),
    };
}
