using Amazon.Runtime;

namespace Engine.Storage.ObjectStores;

/// <summary>
/// Gives the S3 client an <see cref="HttpClient"/> whose pipeline is a caller's handler chain around a plain
/// <see cref="SocketsHttpHandler"/>: tests inject faults and latency there, hosts can add their own
/// instrumentation. Clients are cached per S3 client (never shared with another store), so each store sees
/// only its own handlers.
/// </summary>
internal sealed class WrappingHttpClientFactory : HttpClientFactory
{
    private readonly Func<HttpMessageHandler, HttpMessageHandler> _wrap;

    /// <summary>Creates a factory that passes the transport handler through <paramref name="wrap"/>.</summary>
    public WrappingHttpClientFactory(Func<HttpMessageHandler, HttpMessageHandler> wrap)
    {
        _wrap = wrap;
    }

    /// <inheritdoc />
    public override HttpClient CreateHttpClient(IClientConfig clientConfig)
    {
        var transport = new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            AutomaticDecompression = System.Net.DecompressionMethods.None,
            UseCookies = false,
        };
        return new HttpClient(_wrap(transport), disposeHandler: true) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <inheritdoc />
    public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => true;

    /// <inheritdoc />
    public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => false;

    /// <inheritdoc />
    public override string? GetConfigUniqueString(IClientConfig clientConfig) => null;
}
