using System.Net;
using System.Net.Sockets;
using Amazon.Runtime;

namespace Engine.Storage.ObjectStores;

/// <summary>
/// Sorts a failed S3 attempt into transient (worth another attempt: HTTP 5xx, 503 SlowDown, 429, 408, a
/// timeout, a reset connection, a body shorter than its Content-Length) or permanent (404, 403, any other
/// 4xx, a configuration or signing problem), and describes it for the error message.
/// </summary>
internal static class S3FailureClassifier
{
    /// <summary>
    /// Classifies <paramref name="exception"/> from one attempt; <paramref name="description"/> names the HTTP
    /// status and S3 error code when the server answered, otherwise the transport failure.
    /// <paramref name="timedOut"/> tells that the attempt's own deadline (not the caller) cancelled it.
    /// </summary>
    public static bool IsTransient(Exception exception, bool timedOut, out string description, out HttpStatusCode? status)
    {
        status = null;
        if (timedOut)
        {
            description = "the attempt timed out";
            return true;
        }

        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is AmazonServiceException service && service.StatusCode != 0)
            {
                status = service.StatusCode;
                var code = (int)service.StatusCode;
                description = $"HTTP {code}{(string.IsNullOrEmpty(service.ErrorCode) ? string.Empty : " " + service.ErrorCode)}{(string.IsNullOrEmpty(service.Message) ? string.Empty : ": " + service.Message)}";
                return code >= 500 || code is 408 or 429 || service.ErrorCode is "SlowDown" or "RequestTimeout" or "InternalError";
            }
        }

        for (var current = exception; current is not null; current = current.InnerException)
        {
            if (current is IOException or HttpRequestException or SocketException or TimeoutException)
            {
                description = $"{current.GetType().Name}: {current.Message}";
                return true;
            }
        }

        description = $"{exception.GetType().Name}: {exception.Message}";
        return false;
    }
}
