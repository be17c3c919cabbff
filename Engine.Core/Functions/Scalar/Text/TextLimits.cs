using Engine.Core.Errors;

namespace Engine.Core.Functions.Scalar.Text;

/// <summary>The largest string repeat, lpad and rpad build, so a huge count is an error, not an out-of-memory crash.</summary>
internal static class TextLimits
{
    /// <summary>The most UTF-16 units a built string may have.</summary>
    public const long MaxLength = 1L << 28;

    /// <summary>Throws when a result of <paramref name="length"/> units is too long.</summary>
    /// <exception cref="QueryExecutionException">It is.</exception>
    public static void Check(string function, long length)
    {
        if (length > MaxLength)
        {
            throw new QueryExecutionException($"{function}() would build a string of {length} characters; the limit is {MaxLength}");
        }
    }
}
