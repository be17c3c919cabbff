namespace Engine.Tests.Storage.S3;

/// <summary>What <see cref="FaultInjectingHandler"/> does to one request.</summary>
public enum S3Fault
{
    /// <summary>Passed through untouched.</summary>
    None,

    /// <summary>Answered 503 SlowDown without reaching the server.</summary>
    ServiceUnavailable,

    /// <summary>Answered 403 AccessDenied without reaching the server.</summary>
    Forbidden,

    /// <summary>Sent to the server; the response body breaks with a connection reset halfway.</summary>
    ResetMidBody,

    /// <summary>Sent to the server; the response body ends halfway although its Content-Length announces more.</summary>
    TruncateBody,

    /// <summary>Sent to the server; the response body stops halfway and waits until the reader gives up.</summary>
    StallBody,

    /// <summary>Sent to the server without its Range header, as by a server that ignores ranges: the whole object comes back.</summary>
    DropRange,
}
