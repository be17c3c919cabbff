using Engine.Core.Errors;

namespace Engine.Storage.ObjectStores;

/// <summary>
/// Validation of object keys shared by the stores: a key is a non-empty relative path of '/'-separated
/// segments, none empty, "." or "..", with no backslash, colon or control character, so that no store can
/// be steered outside its root by a key read from a file, a listing or a query.
/// </summary>
internal static class ObjectKeys
{
    /// <summary>Throws <see cref="StorageException"/> unless <paramref name="key"/> is a valid object key.</summary>
    public static void Validate(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var problem = FindProblem(key, allowTrailingSlash: false);
        if (problem is not null)
        {
            throw new StorageException(key, 0, $"invalid object key: {problem}");
        }
    }

    /// <summary>Throws <see cref="StorageException"/> unless <paramref name="prefix"/> is "" or a valid key prefix.</summary>
    public static void ValidatePrefix(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        if (prefix.Length == 0)
        {
            return;
        }

        var problem = FindProblem(prefix, allowTrailingSlash: true);
        if (problem is not null)
        {
            throw new StorageException(prefix, 0, $"invalid key prefix: {problem}");
        }
    }

    private static string? FindProblem(string key, bool allowTrailingSlash)
    {
        if (key.Length == 0)
        {
            return "the key is empty";
        }

        if (key[0] == '/')
        {
            return "the key starts with '/' (keys are relative to the store root)";
        }

        foreach (var c in key)
        {
            if (c == '\\' || c == ':' || char.IsControl(c))
            {
                return $"the key contains the character U+{(int)c:X4}";
            }
        }

        var segments = key.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment.Length == 0 && !(allowTrailingSlash && i == segments.Length - 1))
            {
                return "the key has an empty path segment";
            }

            if (segment is "." or "..")
            {
                return $"the key has a '{segment}' segment, which could escape the store root";
            }
        }

        return null;
    }
}
