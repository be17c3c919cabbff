namespace Engine.Storage.Catalog;

/// <summary>
/// Reads Hive-style partition keys from an object key: every <c>name=value</c> folder segment, with
/// values URL-decoded as Hive and DuckDB write them and <c>__HIVE_DEFAULT_PARTITION__</c> meaning NULL.
/// </summary>
public static class HivePath
{
    /// <summary>The value Hive writes for a NULL partition key.</summary>
    public const string NullValue = "__HIVE_DEFAULT_PARTITION__";

    /// <summary>The (name, value) pairs of the folder segments of <paramref name="key"/>, in path order; value null for NULL.</summary>
    public static IReadOnlyList<(string Name, string? Value)> Keys(string key)
    {
        var segments = key.Split('/');
        var keys = new List<(string, string?)>();
        for (var i = 0; i < segments.Length - 1; i++)
        {
            var equals = segments[i].IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var name = Uri.UnescapeDataString(segments[i][..equals]);
            var value = Uri.UnescapeDataString(segments[i][(equals + 1)..]);
            keys.Add((name, value == NullValue ? null : value));
        }

        return keys;
    }

    /// <summary>The folder segment for <paramref name="name"/> = <paramref name="value"/>, escaped so it round-trips.</summary>
    public static string Segment(string name, string? value) =>
        $"{Uri.EscapeDataString(name)}={(value is null ? NullValue : Uri.EscapeDataString(value))}";
}
