using System.Globalization;
using System.Net;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Engine.Core.Errors;
using Engine.Core.Storage;
using Engine.Storage.Buffers;

namespace Engine.Storage.ObjectStores;

/// <summary>
/// An object store over an S3 bucket (AWS or an S3-compatible server) through AWSSDK.S3: list is
/// ListObjectsV2 with paging, size is HEAD, a read is one ranged GET, a write is one PUT. Store keys live
/// under <see cref="S3StorageOptions.Prefix"/>. Every request is retried on transient failures (5xx, 503
/// SlowDown, timeouts, reset connections, bodies shorter than announced) with exponential backoff and jitter,
/// up to <see cref="S3StorageOptions.MaxAttempts"/> attempts; permanent failures (404, 403, other 4xx) fail at
/// once. Either way the error is a <see cref="StorageException"/> naming the key, the HTTP status and the
/// attempts. Cancellation aborts the request in flight and throws <see cref="OperationCanceledException"/>.
/// Thread-safe; dispose it to release the SDK client and its connections.
/// </summary>
public sealed class S3ObjectStore : IObjectStore, IDisposable
{
    private const int DiscardBufferSize = 81920;

    private readonly AmazonS3Client _client;
    private readonly S3StorageOptions _options;
    private readonly string _prefix;

    /// <summary>
    /// Creates a store for <paramref name="options"/> (validated first: <see cref="ConfigurationException"/>
    /// names a bad setting). <paramref name="wrapHandler"/>, when given, wraps the HTTP transport handler of
    /// the SDK client, so a caller can put its own <see cref="DelegatingHandler"/>s (fault injection, latency,
    /// tracing) between the SDK and the network.
    /// </summary>
    public S3ObjectStore(S3StorageOptions options, Func<HttpMessageHandler, HttpMessageHandler>? wrapHandler = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _prefix = options.NormalizedPrefix;
        var config = new AmazonS3Config
        {
            ForcePathStyle = options.UsesPathStyle,
            MaxErrorRetry = 0,
            Timeout = options.RequestTimeout,
        };
        if (options.HasCustomEndpoint)
        {
            config.ServiceURL = options.ServiceUrl;
            config.AuthenticationRegion = options.Region ?? "us-east-1";
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
            config.ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED;
        }
        else if (options.Region is not null)
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(options.Region);
        }

        if (wrapHandler is not null)
        {
            config.HttpClientFactory = new WrappingHttpClientFactory(wrapHandler);
        }

        try
        {
            _client = string.IsNullOrEmpty(options.AccessKeyId)
                ? new AmazonS3Client(config)
                : new AmazonS3Client(CreateCredentials(options), config);
        }
        catch (AmazonClientException exception)
        {
            throw new ConfigurationException("Engine:Storage", $"the S3 client could not be created for bucket '{options.Bucket}': {exception.Message}");
        }
    }

    /// <summary>The options this store was created with.</summary>
    public S3StorageOptions Options => _options;

    /// <inheritdoc />
    public ObjectStoreStatistics Statistics { get; } = new();

    /// <summary>
    /// Lists the objects under <paramref name="prefix"/>, page by page (each page one request, retried on its
    /// own), then yields them in ordinal key order. Folder markers (keys ending in '/') are skipped; a listed
    /// key that is not a valid store key is a <see cref="StorageException"/>.
    /// </summary>
    public async IAsyncEnumerable<ObjectInfo> ListAsync(string prefix, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ObjectKeys.ValidatePrefix(prefix);
        var listed = new List<ObjectInfo>();
        string? continuation = null;
        do
        {
            var request = new ListObjectsV2Request
            {
                BucketName = _options.Bucket,
                Prefix = _prefix + prefix,
                ContinuationToken = continuation,
                MaxKeys = _options.ListPageSize,
            };
            var response = await ExecuteAsync(
                prefix,
                "LIST",
                (token) => _client.ListObjectsV2Async(request, token),
                cancellationToken).ConfigureAwait(false);
            Statistics.RecordList();
            AddPage(prefix, response, listed);
            continuation = null;
            if (response.IsTruncated == true)
            {
                continuation = string.IsNullOrEmpty(response.NextContinuationToken)
                    ? throw new StorageException(prefix, 1, $"LIST of {Describe(_prefix + prefix)} returned a truncated page without a continuation token")
                    : response.NextContinuationToken;
            }
        }
        while (continuation is not null);

        listed.Sort(static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        foreach (var info in listed)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return info;
        }
    }

    /// <summary>The size of <paramref name="key"/> from one HEAD request (retried when transient).</summary>
    public async ValueTask<long> GetSizeAsync(string key, CancellationToken cancellationToken)
    {
        var fullKey = FullKey(key);
        var response = await ExecuteAsync(
            key,
            "HEAD",
            (token) => _client.GetObjectMetadataAsync(new GetObjectMetadataRequest { BucketName = _options.Bucket, Key = fullKey }, token),
            cancellationToken).ConfigureAwait(false);
        Statistics.RecordHead();
        return response.ContentLength >= 0
            ? response.ContentLength
            : throw new StorageException(key, 1, $"HEAD of {Describe(fullKey)} returned no content length");
    }

    /// <summary>
    /// Reads a byte range of <paramref name="key"/> with one ranged GET (retried when transient; a body that
    /// ends before its Content-Length is retried too). A zero-length <paramref name="destination"/> costs a
    /// HEAD, so a missing object still fails.
    /// </summary>
    public async ValueTask<int> ReadAsync(string key, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var fullKey = FullKey(key);
        if (destination.Length == 0)
        {
            await GetSizeAsync(key, cancellationToken).ConfigureAwait(false);
            return 0;
        }

        var read = await ExecuteAsync(
            key,
            "GET",
            (token) => ReadOnceAsync(key, fullKey, offset, destination, token),
            cancellationToken).ConfigureAwait(false);
        Statistics.RecordRead(read);
        return read;
    }

    /// <summary>Stores <paramref name="content"/> as <paramref name="key"/> with one PUT (retried when transient).</summary>
    public async ValueTask WriteAsync(string key, ReadOnlyMemory<byte> content, CancellationToken cancellationToken)
    {
        var fullKey = FullKey(key);
        var body = MemoryMarshal.TryGetArray(content, out var segment) && segment.Array is not null
            ? segment
            : new ArraySegment<byte>(content.ToArray());
        await ExecuteAsync(
            key,
            "PUT",
            (token) => _client.PutObjectAsync(
                new PutObjectRequest
                {
                    BucketName = _options.Bucket,
                    Key = fullKey,
                    InputStream = new MemoryStream(body.Array!, body.Offset, body.Count, writable: false),
                    AutoCloseStream = true,
                    ContentType = "application/octet-stream",
                    UseChunkEncoding = !_options.HasCustomEndpoint,
                },
                token),
            cancellationToken).ConfigureAwait(false);
        Statistics.RecordWrite(content.Length);
    }

    /// <summary>Releases the SDK client and its pooled connections.</summary>
    public void Dispose() => _client.Dispose();

    private static AWSCredentials CreateCredentials(S3StorageOptions options) =>
        string.IsNullOrEmpty(options.SessionToken)
            ? new BasicAWSCredentials(options.AccessKeyId, options.SecretAccessKey)
            : new SessionAWSCredentials(options.AccessKeyId, options.SecretAccessKey, options.SessionToken);

    private static (long Start, long End) ParseContentRange(string key, string? contentRange)
    {
        // "bytes <first>-<last>/<total or *>"
        var text = contentRange ?? string.Empty;
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        var slash = text.IndexOf('/', StringComparison.Ordinal);
        if (!text.StartsWith("bytes ", StringComparison.OrdinalIgnoreCase) || dash < 0 || slash < dash
            || !long.TryParse(text.AsSpan(6, dash - 6), NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            || !long.TryParse(text.AsSpan(dash + 1, slash - dash - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var end)
            || end < start)
        {
            throw new InvalidDataException($"the server answered a ranged GET of '{key}' with an unreadable Content-Range '{text}'");
        }

        return (start, end);
    }

    private async Task<int> ReadOnceAsync(string key, string fullKey, long offset, Memory<byte> destination, CancellationToken cancellationToken)
    {
        var request = new GetObjectRequest
        {
            BucketName = _options.Bucket,
            Key = fullKey,
            ByteRange = new ByteRange(offset, checked(offset + destination.Length - 1)),
        };
        GetObjectResponse response;
        try
        {
            response = await _client.GetObjectAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception exception) when (exception.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable)
        {
            // The object exists and the range starts at or past its end.
            return 0;
        }

        using (response)
        {
            // Disposing the response aborts a body read that does not observe the token itself.
            await using var abort = cancellationToken.UnsafeRegister(static state => ((IDisposable)state!).Dispose(), response).ConfigureAwait(false);
            var body = response.ResponseStream;
            var announced = response.ContentLength;
            long skip;
            int wanted;
            if (response.HttpStatusCode == HttpStatusCode.PartialContent)
            {
                var (start, end) = ParseContentRange(key, response.ContentRange);
                var length = end - start + 1;
                if (start != offset || length > destination.Length || (announced >= 0 && announced != length))
                {
                    throw new InvalidDataException($"the server answered a GET of bytes {offset}-{offset + destination.Length - 1} with Content-Range '{response.ContentRange}' and {announced} bytes");
                }

                skip = 0;
                wanted = (int)length;
            }
            else
            {
                // The server ignored the range and sent the whole object: skip to the offset.
                if (announced < 0)
                {
                    throw new InvalidDataException($"the server answered a ranged GET with HTTP {(int)response.HttpStatusCode} and no content length");
                }

                skip = Math.Min(offset, announced);
                wanted = (int)Math.Min(destination.Length, announced - skip);
            }

            await SkipAsync(body, skip, cancellationToken).ConfigureAwait(false);
            var total = 0;
            while (total < wanted)
            {
                var read = await body.ReadAsync(destination[total..wanted], cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException($"the response body of {Describe(fullKey)} ended after {total} of {wanted} bytes");
                }

                total += read;
            }

            return total;
        }
    }

    private static async ValueTask SkipAsync(Stream body, long count, CancellationToken cancellationToken)
    {
        if (count == 0)
        {
            return;
        }

        var scratch = PooledBuffers.Rent<byte>(DiscardBufferSize);
        try
        {
            while (count > 0)
            {
                var read = await body.ReadAsync(scratch.AsMemory(0, (int)Math.Min(scratch.Length, count)), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    throw new IOException($"the response body ended with {count} bytes still to skip");
                }

                count -= read;
            }
        }
        finally
        {
            PooledBuffers.Return(scratch);
        }
    }

    /// <summary>
    /// Runs one request up to <see cref="S3StorageOptions.MaxAttempts"/> times: each attempt gets its own
    /// deadline; a transient failure waits (exponential backoff with jitter) and tries again, a permanent one or
    /// the last transient one throws <see cref="StorageException"/>; the caller's cancellation ends it at once.
    /// </summary>
    private async Task<T> ExecuteAsync<T>(string key, string operation, Func<CancellationToken, Task<T>> attempt, CancellationToken cancellationToken)
    {
        for (var number = 1; ; number++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            deadline.CancelAfter(_options.RequestTimeout);
            try
            {
                return await _options.ConcurrencyLimit.RunAsync(() => attempt(deadline.Token), deadline.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not StorageException)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var timedOut = deadline.IsCancellationRequested;
                var transient = S3FailureClassifier.IsTransient(exception, timedOut, out var description, out var status);
                if (!transient || number >= _options.MaxAttempts)
                {
                    var what = status == HttpStatusCode.NotFound ? "the object does not exist" : transient ? "gave up after transient failures" : "failed";
                    throw new StorageException(key, number, $"{operation} {Describe(_prefix + key)} {what} ({description})", exception);
                }
            }

            Statistics.RecordRetry();
            await Task.Delay(Backoff(number), cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan Backoff(int failedAttempts)
    {
        var ceiling = _options.RetryBaseDelay.TotalMilliseconds * Math.Pow(2, failedAttempts - 1);
        var delay = Math.Min(ceiling, _options.RetryMaxDelay.TotalMilliseconds);
        return TimeSpan.FromMilliseconds((delay / 2) + (Random.Shared.NextDouble() * delay / 2));
    }

    private void AddPage(string prefix, ListObjectsV2Response response, List<ObjectInfo> listed)
    {
        if (response.S3Objects is null)
        {
            return;
        }

        foreach (var item in response.S3Objects)
        {
            var fullKey = item.Key ?? string.Empty;
            if (!fullKey.StartsWith(_prefix + prefix, StringComparison.Ordinal))
            {
                throw new StorageException(prefix, 1, $"LIST of {Describe(_prefix + prefix)} returned the key '{fullKey}' outside that prefix");
            }

            var key = fullKey[_prefix.Length..];
            if (key.EndsWith('/'))
            {
                continue;
            }

            ObjectKeys.Validate(key);
            var size = item.Size ?? -1;
            if (size < 0)
            {
                throw new StorageException(key, 1, $"LIST of {Describe(_prefix + prefix)} returned '{fullKey}' without a size");
            }

            listed.Add(new ObjectInfo(key, size, string.IsNullOrEmpty(item.ETag) ? null : item.ETag));
        }
    }

    private string FullKey(string key)
    {
        ObjectKeys.Validate(key);
        return _prefix + key;
    }

    private string Describe(string fullKey) => $"s3://{_options.Bucket}/{fullKey}";
}
