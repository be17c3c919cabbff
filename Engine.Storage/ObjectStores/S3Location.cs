using Engine.Core.Errors;

namespace Engine.Storage.ObjectStores;

/// <summary>
/// A bucket and a key prefix parsed from an <c>s3://bucket/prefix</c> location, as given to
/// <c>--data</c> or in configuration. The prefix is "" or ends with '/', so a store key is always
/// <c>Prefix + key</c>.
/// </summary>
/// <param name="Bucket">The bucket name (3–63 lowercase letters, digits, '.' and '-').</param>
/// <param name="Prefix">"" or a '/'-terminated key prefix inside the bucket.</param>
public sealed record S3Location(string Bucket, string Prefix)
{
    /// <summary>The URI scheme this type parses.</summary>
    public const string Scheme = "s3://";

    /// <summary>True when <paramref name="text"/> starts with <c>s3://</c> (any case): a caller picks S3 storage by this.</summary>
    public static bool IsS3Uri(string? text) => text is not null && text.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Parses <c>s3://bucket</c>, <c>s3://bucket/</c> or <c>s3://bucket/some/prefix</c>. Throws
    /// <see cref="ConfigurationException"/> naming <paramref name="configurationKey"/> (the option or setting
    /// the text came from) and what is wrong: another scheme, a missing or invalid bucket name, or a prefix that
    /// is not a valid key prefix (empty segments, "." or "..", backslashes, control characters).
    /// </summary>
    public static S3Location Parse(string text, string configurationKey = "Engine:Storage:Root")
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!IsS3Uri(text))
        {
            throw new ConfigurationException(configurationKey, $"'{text}' is not an S3 location; expected s3://bucket[/prefix]");
        }

        var rest = text[Scheme.Length..];
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        var bucket = slash < 0 ? rest : rest[..slash];
        var prefix = slash < 0 ? string.Empty : rest[(slash + 1)..];
        var bucketProblem = FindBucketProblem(bucket);
        if (bucketProblem is not null)
        {
            throw new ConfigurationException(configurationKey, $"'{text}' has an invalid bucket name '{bucket}': {bucketProblem}");
        }

        if (prefix.Length > 0)
        {
            if (!prefix.EndsWith('/'))
            {
                prefix += "/";
            }

            try
            {
                ObjectKeys.ValidatePrefix(prefix);
            }
            catch (StorageException exception)
            {
                throw new ConfigurationException(configurationKey, $"'{text}' has an invalid key prefix: {exception.Message}");
            }
        }

        return new S3Location(bucket, prefix);
    }

    /// <summary>The location as <c>s3://bucket/prefix</c>.</summary>
    public override string ToString() => Scheme + Bucket + "/" + Prefix;

    /// <summary>The problem with <paramref name="bucket"/> under the S3 bucket naming rules, or null when it is valid.</summary>
    internal static string? FindBucketProblem(string bucket)
    {
        if (bucket.Length == 0)
        {
            return "the bucket name is empty";
        }

        if (bucket.Length is < 3 or > 63)
        {
            return $"a bucket name has 3 to 63 characters, this one has {bucket.Length}";
        }

        foreach (var c in bucket)
        {
            if (c is not ((>= 'a' and <= 'z') or (>= '0' and <= '9') or '.' or '-'))
            {
                return $"the character '{c}' is not allowed (only lowercase letters, digits, '.' and '-')";
            }
        }

        if (!char.IsAsciiLetterOrDigit(bucket[0]) || !char.IsAsciiLetterOrDigit(bucket[^1]))
        {
            return "a bucket name starts and ends with a letter or a digit";
        }

        return bucket.Contains("..", StringComparison.Ordinal) ? "a bucket name has no two adjacent periods" : null;
    }
}
