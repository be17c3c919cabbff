using System.Text;
using Engine.Core.Errors;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>The padding lpad and rpad share, in code points.</summary>
internal static class TextPad
{
    /// <summary>
    /// <paramref name="text"/> cut or padded with <paramref name="fill"/> (repeated, cut at a code point) to
    /// <paramref name="width"/> code points, on the left or the right; empty for a negative width.
    /// </summary>
    /// <exception cref="QueryExecutionException">Padding is needed and <paramref name="fill"/> is empty, or the result is too long.</exception>
    public static string Pad(string text, long width, string fill, bool left)
    {
        if (width <= 0)
        {
            return string.Empty;
        }

        long length = CodePoints.Count(text);
        if (width <= length)
        {
            return CodePoints.Slice(text, 0, width);
        }

        if (fill.Length == 0)
        {
            throw new QueryExecutionException($"Insufficient padding in {(left ? "LPAD" : "RPAD")}.");
        }

        TextLimits.Check(left ? "lpad" : "rpad", width * 2);
        var padding = new StringBuilder();
        var position = 0;
        for (var k = length; k < width; k++)
        {
            var w = CodePoints.Width(fill, position);
            padding.Append(fill, position, w);
            position = position + w >= fill.Length ? 0 : position + w;
        }

        return left ? padding.Append(text).ToString() : padding.Insert(0, text).ToString();
    }
}
