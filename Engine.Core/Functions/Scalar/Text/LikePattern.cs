using System.Text;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>
/// A compiled LIKE pattern: <c>%</c> matches any run of characters, <c>_</c> exactly one code point, and an
/// escape character (when given) makes the next character literal. A pattern without <c>_</c> matches as
/// plain ordinal string searches (equality, prefix, suffix, contains, or an anchored chain of them); one
/// with <c>_</c> runs a backtracking wildcard matcher over the UTF-16 text. No regular expressions.
/// ILIKE lower-cases the pattern and the value (invariant culture) before matching, as DuckDB does.
/// Immutable; safe on many threads.
/// </summary>
internal sealed class LikePattern
{
    private const int AnyOne = -1;
    private const int AnyRun = -2;

    private readonly bool _caseInsensitive;
    private readonly int[] _tokens;
    private readonly string[] _segments;
    private readonly bool _anchoredStart;
    private readonly bool _anchoredEnd;
    private readonly bool _hasAnyOne;

    private LikePattern(bool caseInsensitive, int[] tokens, string[] segments, bool anchoredStart, bool anchoredEnd, bool hasAnyOne)
    {
        _caseInsensitive = caseInsensitive;
        _tokens = tokens;
        _segments = segments;
        _anchoredStart = anchoredStart;
        _anchoredEnd = anchoredEnd;
        _hasAnyOne = hasAnyOne;
    }

    /// <summary>
    /// Compiles <paramref name="pattern"/> with the escape character <paramref name="escape"/> (none when
    /// null or empty). Throws <see cref="ArgumentException"/> with DuckDB's message when the escape is longer
    /// than one character or the pattern ends with an escape character that escapes nothing.
    /// </summary>
    public static LikePattern Compile(string pattern, string? escape, bool caseInsensitive)
    {
        if (escape is { Length: > 1 })
        {
            throw new ArgumentException("Invalid escape string. Escape string must be empty or one character.");
        }

        if (caseInsensitive)
        {
            pattern = pattern.ToLowerInvariant();
        }

        var escapeChar = escape is { Length: 1 } ? escape[0] : (char?)null;
        var tokens = new List<int>(pattern.Length);
        var segments = new List<string>();
        var current = new StringBuilder();
        var hasAnyOne = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == escapeChar)
            {
                if (i == pattern.Length - 1)
                {
                    throw new ArgumentException("Like pattern must not end with escape character!");
                }

                c = pattern[++i];
                tokens.Add(c);
                current.Append(c);
            }
            else if (c == '%')
            {
                if (tokens.Count == 0 || tokens[^1] != AnyRun)
                {
                    tokens.Add(AnyRun);
                }

                segments.Add(current.ToString());
                current.Clear();
            }
            else
            {
                hasAnyOne |= c == '_';
                tokens.Add(c == '_' ? AnyOne : c);
                current.Append(c);
            }
        }

        segments.Add(current.ToString());
        var anchoredStart = segments[0].Length > 0 || tokens.Count == 0 || tokens[0] != AnyRun;
        var anchoredEnd = segments[^1].Length > 0 || tokens.Count == 0 || tokens[^1] != AnyRun;
        return new LikePattern(caseInsensitive, [.. tokens], [.. segments.Where(s => s.Length > 0)], anchoredStart, anchoredEnd, hasAnyOne);
    }

    /// <summary>Whether <paramref name="value"/> matches the whole pattern.</summary>
    public bool IsMatch(string value)
    {
        if (_caseInsensitive)
        {
            value = value.ToLowerInvariant();
        }

        return _hasAnyOne ? MatchWildcards(value) : MatchSegments(value);
    }

    private bool MatchSegments(string value)
    {
        var segments = _segments;
        if (segments.Length == 0)
        {
            // '' matches only the empty string; '%' (any number of them) matches everything.
            return !_anchoredStart || value.Length == 0;
        }

        if (segments.Length == 1 && _anchoredStart && _anchoredEnd)
        {
            return string.Equals(value, segments[0], StringComparison.Ordinal);
        }

        var from = 0;
        var to = value.Length;
        var first = 0;
        var last = segments.Length - 1;
        if (_anchoredStart)
        {
            if (!value.StartsWith(segments[0], StringComparison.Ordinal))
            {
                return false;
            }

            from = segments[0].Length;
            first = 1;
        }

        if (_anchoredEnd)
        {
            if (to - from < segments[last].Length || !value.EndsWith(segments[last], StringComparison.Ordinal))
            {
                return false;
            }

            to -= segments[last].Length;
            last--;
        }

        for (var k = first; k <= last; k++)
        {
            var found = value.AsSpan(from, to - from).IndexOf(segments[k], StringComparison.Ordinal);
            if (found < 0)
            {
                return false;
            }

            from += found + segments[k].Length;
        }

        return true;
    }

    private bool MatchWildcards(string value)
    {
        var tokens = _tokens;
        int s = 0, p = 0, runToken = -1, runStart = 0;
        while (s < value.Length)
        {
            if (p < tokens.Length && tokens[p] == AnyOne)
            {
                s += CodePoints.Width(value, s);
                p++;
            }
            else if (p < tokens.Length && tokens[p] == value[s])
            {
                s++;
                p++;
            }
            else if (p < tokens.Length && tokens[p] == AnyRun)
            {
                runToken = p++;
                runStart = s;
            }
            else if (runToken >= 0)
            {
                runStart += CodePoints.Width(value, runStart);
                s = runStart;
                p = runToken + 1;
            }
            else
            {
                return false;
            }
        }

        while (p < tokens.Length && tokens[p] == AnyRun)
        {
            p++;
        }

        return p == tokens.Length;
    }
}
