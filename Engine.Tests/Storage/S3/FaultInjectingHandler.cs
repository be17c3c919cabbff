using System.Net;
using System.Text;

namespace Engine.Tests.Storage.S3;

/// <summary>
/// A handler in the S3 client's HTTP pipeline that injects faults by plan (request number → fault) and
/// counts requests: how many were sent, how many are in flight (sent and not yet finished: the response body
/// not yet disposed) and how many faults were injected. Body faults apply to successful GETs with a body.
/// </summary>
internal sealed class FaultInjectingHandler : DelegatingHandler
{
    private readonly Func<int, HttpRequestMessage, S3Fault> _plan;
    private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _requests;
    private int _inFlight;
    private int _injected;

    /// <summary>Creates a handler in front of <paramref name="inner"/> that follows <paramref name="plan"/>.</summary>
    public FaultInjectingHandler(HttpMessageHandler inner, Func<int, HttpRequestMessage, S3Fault> plan)
        : base(inner)
    {
        _plan = plan;
    }

    /// <summary>Requests sent through this handler.</summary>
    public int Requests => Volatile.Read(ref _requests);

    /// <summary>Requests whose response has not been finished and disposed yet.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Faults injected so far.</summary>
    public int InjectedFaults => Volatile.Read(ref _injected);

    /// <summary>Completes when a <see cref="S3Fault.StallBody"/> body has started to stall.</summary>
    public Task Stalled => _stalled.Task;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var number = Interlocked.Increment(ref _requests);
        var fault = _plan(number, request);
        Interlocked.Increment(ref _inFlight);
        var released = 0;
        void Release()
        {
            if (Interlocked.Exchange(ref released, 1) == 0)
            {
                Interlocked.Decrement(ref _inFlight);
            }
        }

        try
        {
            if (fault is S3Fault.ServiceUnavailable or S3Fault.Forbidden)
            {
                Interlocked.Increment(ref _injected);
                var status = fault == S3Fault.ServiceUnavailable ? HttpStatusCode.ServiceUnavailable : HttpStatusCode.Forbidden;
                var code = fault == S3Fault.ServiceUnavailable ? "SlowDown" : "AccessDenied";
                var xml = $"<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>{code}</Code><Message>injected {code}</Message><RequestId>fault-{number}</RequestId></Error>";
                var error = new HttpResponseMessage(status)
                {
                    RequestMessage = request,
                    Content = new StringContent(request.Method == HttpMethod.Head ? string.Empty : xml, Encoding.UTF8, "application/xml"),
                };
                error.Content = new FaultInjectingContent(error.Content, S3Fault.None, Release, _stalled);
                return error;
            }

            if (fault == S3Fault.DropRange && request.Headers.Range is not null)
            {
                Interlocked.Increment(ref _injected);
                request.Headers.Range = null;
            }

            var response = await base.SendAsync(request, cancellationToken);
            var bodyFault = fault is S3Fault.ResetMidBody or S3Fault.TruncateBody or S3Fault.StallBody && request.Method == HttpMethod.Get && response.IsSuccessStatusCode
                && response.Content.Headers.ContentLength is > 1
                && !request.RequestUri!.Query.Contains("list-type", StringComparison.Ordinal)
                ? fault
                : S3Fault.None;
            if (bodyFault != S3Fault.None)
            {
                Interlocked.Increment(ref _injected);
            }

            response.Content = new FaultInjectingContent(response.Content, bodyFault, Release, _stalled);
            return response;
        }
        catch
        {
            Release();
            throw;
        }
    }
}
