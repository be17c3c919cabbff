using System.Net;

namespace Engine.Tests.Storage.S3;

/// <summary>
/// Response content that hands out its inner content's body through a <see cref="FaultInjectingStream"/>
/// and tells its handler when the response is finished (content or body disposed, whichever comes first).
/// </summary>
internal sealed class FaultInjectingContent : HttpContent
{
    private readonly HttpContent _inner;
    private readonly S3Fault _fault;
    private readonly Action _release;
    private readonly TaskCompletionSource _stalled;

    /// <summary>Wraps <paramref name="inner"/>, copying its headers; <paramref name="release"/> runs once when finished.</summary>
    public FaultInjectingContent(HttpContent inner, S3Fault fault, Action release, TaskCompletionSource stalled)
    {
        _inner = inner;
        _fault = fault;
        _release = release;
        _stalled = stalled;
        foreach (var header in inner.Headers)
        {
            Headers.TryAddWithoutValidation(header.Key, header.Value);
        }
    }

    protected override async Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken)
    {
        var body = await _inner.ReadAsStreamAsync(cancellationToken);
        return new FaultInjectingStream(body, _fault, _inner.Headers.ContentLength ?? 0, _release, _stalled);
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => CreateContentReadStreamAsync(CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        await using var body = await CreateContentReadStreamAsync(cancellationToken);
        await body.CopyToAsync(stream, cancellationToken);
    }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override bool TryComputeLength(out long length)
    {
        length = _inner.Headers.ContentLength ?? 0;
        return _inner.Headers.ContentLength is not null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _release();
        }

        base.Dispose(disposing);
    }
}
