using System.Globalization;
using System.Text;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>
/// Strings as DuckDB counts them: in Unicode code points (a surrogate pair is one character), not UTF-16
/// units; grapheme clusters where DuckDB uses them (reverse).
/// </summary>
internal static class CodePoints
{
    /// <summary>The number of code points in <paramref name="text"/>.</summary>
    public static int Count(string text)
    {
        var count = text.Length;
        for (var i = 1; i < text.Length; i++)
        {
            if (char.IsLowSurrogate(text[i]) && char.IsHighSurrogate(text[i - 1]))
            {
                count--;
            }
        }

        return count;
    }

    /// <summary>The UTF-16 length of the code point starting at <paramref name="index"/> (1 or 2).</summary>
    public static int Width(string text, int index) =>
        index + 1 < text.Length && char.IsHighSurrogate(text[index]) && char.IsLowSurrogate(text[index + 1]) ? 2 : 1;

    /// <summary>The UTF-16 offset of code point <paramref name="codePoint"/> (the length when past the end; 0 when negative).</summary>
    public static int Offset(string text, long codePoint)
    {
        var offset = 0;
        for (long k = 0; k < codePoint && offset < text.Length; k++)
        {
            offset += Width(text, offset);
        }

        return offset;
    }

    /// <summary>Code points [<paramref name="start"/>, <paramref name="end"/>) of <paramref name="text"/>, clamped to it.</summary>
    public static string Slice(string text, long start, long end)
    {
        if (end <= start || end <= 0)
        {
            return string.Empty;
        }

        var from = Offset(text, start);
        var to = from;
        for (var k = Math.Max(start, 0); k < end && to < text.Length; k++)
        {
            to += Width(text, to);
        }

        return text[from..to];
    }

    /// <summary>The grapheme clusters of <paramref name="text"/> in reverse order.</summary>
    public static string ReverseGraphemes(string text)
    {
        var builder = new StringBuilder(text.Length);
        var end = text.Length;
        var starts = new List<int>();
        for (var i = 0; i < end; i += StringInfo.GetNextTextElementLength(text, i))
        {
            starts.Add(i);
        }

        for (var k = starts.Count - 1; k >= 0; k--)
        {
            builder.Append(text, starts[k], end - starts[k]);
            end = starts[k];
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="c"/> is a space separator (Unicode category Zs), which one-argument trim removes.</summary>
    public static bool IsSpace(char c) => char.GetUnicodeCategory(c) == UnicodeCategory.SpaceSeparator;
}
