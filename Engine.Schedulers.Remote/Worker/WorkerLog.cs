using Microsoft.Extensions.Logging;

namespace Engine.Schedulers.Remote.Worker;

/// <summary>The worker's log messages, defined once so logging allocates nothing when disabled. Never logs secrets or proofs.</summary>
internal static class WorkerLog
{
    private static readonly Action<ILogger, string, int, bool, bool, string, Exception?> s_listening = LoggerMessage.Define<string, int, bool, bool, string>(
        LogLevel.Information, new EventId(1, "Listening"), "worker listening on {Endpoint} with {Threads} threads; authentication {Authenticated}; TLS {Tls}; tables: {Tables}");

    private static readonly Action<ILogger, string, string, Exception?> s_rejected = LoggerMessage.Define<string, string>(
        LogLevel.Warning, new EventId(2, "PeerRejected"), "rejected peer {Peer}: {Reason}");

    private static readonly Action<ILogger, string, string, Exception?> s_accepted = LoggerMessage.Define<string, string>(
        LogLevel.Information, new EventId(3, "PeerAccepted"), "session with {Node} at {Peer} opened");

    private static readonly Action<ILogger, string, string, Exception?> s_closed = LoggerMessage.Define<string, string>(
        LogLevel.Information, new EventId(4, "SessionClosed"), "session with {Peer} closed: {Reason}");

    private static readonly Action<ILogger, int, string, string, Exception?> s_fragmentFailed = LoggerMessage.Define<int, string, string>(
        LogLevel.Warning, new EventId(5, "FragmentFailed"), "fragment {Fragment} of query {Query} failed: {Error}");

    private static readonly Action<ILogger, int, Exception?> s_stopping = LoggerMessage.Define<int>(
        LogLevel.Information, new EventId(6, "Stopping"), "worker stopping; {Running} fragment(s) still running");

    private static readonly Action<ILogger, int, string, int, Exception?> s_fragmentStarted = LoggerMessage.Define<int, string, int>(
        LogLevel.Information, new EventId(7, "FragmentStarted"), "fragment {Fragment} of query {Query} started ({Scans} partition scan(s))");

    private static readonly Action<ILogger, int, string, Exception?> s_fragmentCrashed = LoggerMessage.Define<int, string>(
        LogLevel.Error, new EventId(8, "FragmentCrashed"), "fragment {Fragment} of query {Query} failed with an internal error");

    /// <summary>An internal error of one fragment, logged with its stack trace (the coordinator gets a short message).</summary>
    public static void FragmentCrashed(ILogger logger, int fragment, string query, Exception error) => s_fragmentCrashed(logger, fragment, query, error);

    private static readonly Action<ILogger, int, string, Exception?> s_fragmentCancelled = LoggerMessage.Define<int, string>(
        LogLevel.Information, new EventId(9, "FragmentCancelled"), "fragment {Fragment} of query {Query} cancelled (Cancel, closed connection or shutdown)");

    public static void FragmentCancelled(ILogger logger, int fragment, string query) => s_fragmentCancelled(logger, fragment, query, null);

    public static void FragmentStarted(ILogger logger, int fragment, string query, int scans) => s_fragmentStarted(logger, fragment, query, scans, null);

    public static void Listening(ILogger logger, string endpoint, int threads, bool authenticated, bool tls, string tables) => s_listening(logger, endpoint, threads, authenticated, tls, tables, null);

    public static void Rejected(ILogger logger, string peer, string reason) => s_rejected(logger, peer, reason, null);

    public static void Accepted(ILogger logger, string node, string peer) => s_accepted(logger, node, peer, null);

    public static void Closed(ILogger logger, string peer, string reason) => s_closed(logger, peer, reason, null);

    public static void FragmentFailed(ILogger logger, int fragment, string query, string error) => s_fragmentFailed(logger, fragment, query, error, null);

    public static void Stopping(ILogger logger, int running) => s_stopping(logger, running, null);
}
