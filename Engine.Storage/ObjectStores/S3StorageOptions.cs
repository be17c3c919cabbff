using Engine.Core.Errors;

namespace Engine.Storage.ObjectStores;

/// <summary>
/// Settings of an <see cref="S3ObjectStore"/>: where the objects are (bucket, prefix, region or a custom
/// endpoint such as MinIO or s3rver), how to sign (explicit keys or the standard AWS credential chain) and how
/// hard to retry. Bindable from configuration; <see cref="FromEnvironment"/> fills it from the standard AWS
/// environment variables. Call <see cref="Validate"/> before use (the store does).
/// </summary>
public sealed class S3StorageOptions
{
    /// <summary>The bucket that holds the objects. Required.</summary>
    public string Bucket { get; set; } = string.Empty;

    /// <summary>A key prefix inside the bucket under which the store's keys live ("" for the whole bucket).</summary>
    public string Prefix { get; set; } = string.Empty;

    /// <summary>
    /// The signing region (for example "eu-west-1"). Null uses the SDK's region chain (AWS_REGION, profile)
    /// for AWS, and "us-east-1" for a custom endpoint.
    /// </summary>
    public string? Region { get; set; }

    /// <summary>
    /// A custom endpoint ("http://127.0.0.1:9000") for an S3-compatible server; null talks to AWS. With a
    /// custom endpoint the store avoids features such servers often lack: streaming (chunked) signing of
    /// uploads and checksums the request does not require.
    /// </summary>
    public string? ServiceUrl { get; set; }

    /// <summary>
    /// Path-style addressing (http://host/bucket/key) instead of virtual-hosted style
    /// (http://bucket.host/key). Null means: path style exactly when <see cref="ServiceUrl"/> is set.
    /// </summary>
    public bool? ForcePathStyle { get; set; }

    /// <summary>An access key id; with <see cref="SecretAccessKey"/> it replaces the standard AWS credential chain.</summary>
    public string? AccessKeyId { get; set; }

    /// <summary>The secret for <see cref="AccessKeyId"/>.</summary>
    public string? SecretAccessKey { get; set; }

    /// <summary>An optional session token for temporary credentials given as keys.</summary>
    public string? SessionToken { get; set; }

    /// <summary>Objects per LIST page (1..1000; S3 never returns more than 1000).</summary>
    public int ListPageSize { get; set; } = 1000;

    /// <summary>How many attempts one request gets before a transient failure becomes an error (default 4).</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>The cap on requests in flight; by default shared by every S3 store of the process (64).</summary>
    public RequestConcurrencyLimit ConcurrencyLimit { get; set; } = RequestConcurrencyLimit.Process;

    /// <summary>The backoff before the first retry; it doubles per retry up to <see cref="RetryMaxDelay"/>, with jitter.</summary>
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromMilliseconds(100);

    /// <summary>The longest backoff between two attempts.</summary>
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one attempt (request and body) may take before it counts as a transient timeout.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>True when a custom endpoint is configured (an S3-compatible server rather than AWS).</summary>
    public bool HasCustomEndpoint => !string.IsNullOrWhiteSpace(ServiceUrl);

    /// <summary>The addressing style in force: <see cref="ForcePathStyle"/>, or path style for a custom endpoint.</summary>
    public bool UsesPathStyle => ForcePathStyle ?? HasCustomEndpoint;

    /// <summary>
    /// Options for <paramref name="location"/> completed from the standard AWS environment variables:
    /// AWS_ENDPOINT_URL_S3 (else AWS_ENDPOINT_URL) for the endpoint, AWS_REGION (else AWS_DEFAULT_REGION),
    /// AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY and AWS_SESSION_TOKEN. Variables that are unset leave the SDK's
    /// own chain (profiles, instance roles) in charge. <paramref name="getVariable"/> replaces the process
    /// environment (for tests).
    /// </summary>
    public static S3StorageOptions FromEnvironment(S3Location location, Func<string, string?>? getVariable = null)
    {
        ArgumentNullException.ThrowIfNull(location);
        getVariable ??= Environment.GetEnvironmentVariable;
        return new S3StorageOptions
        {
            Bucket = location.Bucket,
            Prefix = location.Prefix,
            ServiceUrl = NonEmpty(getVariable("AWS_ENDPOINT_URL_S3")) ?? NonEmpty(getVariable("AWS_ENDPOINT_URL")),
            Region = NonEmpty(getVariable("AWS_REGION")) ?? NonEmpty(getVariable("AWS_DEFAULT_REGION")),
            AccessKeyId = NonEmpty(getVariable("AWS_ACCESS_KEY_ID")),
            SecretAccessKey = NonEmpty(getVariable("AWS_SECRET_ACCESS_KEY")),
            SessionToken = NonEmpty(getVariable("AWS_SESSION_TOKEN")),
        };
    }

    /// <summary>
    /// Throws <see cref="ConfigurationException"/> naming the first bad setting (as
    /// <c><paramref name="section"/>:Name</c>) and its value: a missing or invalid bucket, a bad prefix or
    /// endpoint, a key without its secret, or a non-positive attempt count or delay.
    /// </summary>
    public void Validate(string section = "Engine:Storage")
    {
        var bucketProblem = S3Location.FindBucketProblem(Bucket ?? string.Empty);
        if (bucketProblem is not null)
        {
            throw new ConfigurationException($"{section}:{nameof(Bucket)}", $"'{Bucket}': {bucketProblem}");
        }

        if (!string.IsNullOrEmpty(Prefix))
        {
            try
            {
                ObjectKeys.ValidatePrefix(NormalizedPrefix);
            }
            catch (StorageException exception)
            {
                throw new ConfigurationException($"{section}:{nameof(Prefix)}", exception.Message);
            }
        }

        if (HasCustomEndpoint
            && (!Uri.TryCreate(ServiceUrl, UriKind.Absolute, out var endpoint) || (endpoint.Scheme != Uri.UriSchemeHttp && endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            throw new ConfigurationException($"{section}:{nameof(ServiceUrl)}", $"'{ServiceUrl}' is not an absolute http:// or https:// URL");
        }

        if (string.IsNullOrEmpty(AccessKeyId) != string.IsNullOrEmpty(SecretAccessKey))
        {
            throw new ConfigurationException(
                $"{section}:{(string.IsNullOrEmpty(AccessKeyId) ? nameof(AccessKeyId) : nameof(SecretAccessKey))}",
                "an access key id and its secret are given together or not at all");
        }

        if (ListPageSize is < 1 or > 1000)
        {
            throw new ConfigurationException($"{section}:{nameof(ListPageSize)}", $"{ListPageSize} is outside 1..1000");
        }

        if (MaxAttempts is < 1 or > 100)
        {
            throw new ConfigurationException($"{section}:{nameof(MaxAttempts)}", $"{MaxAttempts} is outside 1..100");
        }

        if (RetryBaseDelay < TimeSpan.Zero || RetryMaxDelay < RetryBaseDelay)
        {
            throw new ConfigurationException($"{section}:{nameof(RetryMaxDelay)}", $"the delays must satisfy 0 <= {nameof(RetryBaseDelay)} ({RetryBaseDelay}) <= {nameof(RetryMaxDelay)} ({RetryMaxDelay})");
        }

        if (RequestTimeout <= TimeSpan.Zero)
        {
            throw new ConfigurationException($"{section}:{nameof(RequestTimeout)}", $"{RequestTimeout} is not positive");
        }
    }

    /// <summary><see cref="Prefix"/> as "" or ending with '/'.</summary>
    internal string NormalizedPrefix =>
        string.IsNullOrEmpty(Prefix) ? string.Empty : Prefix.EndsWith('/') ? Prefix : Prefix + "/";

    private static string? NonEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
