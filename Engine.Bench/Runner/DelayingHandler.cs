namespace Engine.Bench.Runner;

/// <summary>
/// Holds every HTTP request for a fixed time before sending it, as a distant object store would: the delay sits
/// in the S3 client's pipeline, so the real request path (signing, retries, the request cap) runs as in production.
/// </summary>
internal sealed class DelayingHandler(TimeSpan delay, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
    }
}
