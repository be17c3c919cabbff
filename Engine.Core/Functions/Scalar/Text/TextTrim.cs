namespace Engine.Core.Functions.Scalar.Text;

/// <summary>The trimming trim, ltrim and rtrim share, over code points.</summary>
internal static class TextTrim
{
    /// <summary>Which ends to trim.</summary>
    public enum Side
    {
        /// <summary>Both ends.</summary>
        Both,

        /// <summary>The start.</summary>
        Left,

        /// <summary>The end.</summary>
        Right,
    }

    /// <summary><paramref name="text"/> without the space separators, or the code points of <paramref name="characters"/>, at <paramref name="side"/>.</summary>
    public static string Trim(string text, string? characters, Side side)
    {
        var start = 0;
        var end = text.Length;
        if (side != Side.Right)
        {
            while (start < end && Removes(text, start, CodePoints.Width(text, start), characters))
            {
                start += CodePoints.Width(text, start);
            }
        }

        if (side != Side.Left)
        {
            while (end > start)
            {
                var width = end - 2 >= start && char.IsLowSurrogate(text[end - 1]) && char.IsHighSurrogate(text[end - 2]) ? 2 : 1;
                if (!Removes(text, end - width, width, characters))
                {
                    break;
                }

                end -= width;
            }
        }

        return text[start..end];
    }

    private static bool Removes(string text, int index, int width, string? characters) =>
        characters is null ? width == 1 && CodePoints.IsSpace(text[index]) : characters.AsSpan().IndexOf(text.AsSpan(index, width), StringComparison.Ordinal) >= 0;
}
