using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Engine.Core.Catalog;
using Engine.Schedulers.Local;
using Engine.Schedulers.Remote.Wire;
using Microsoft.Extensions.Logging;

namespace Engine.Schedulers.Remote.Worker;

/// <summary>
/// The worker side of the remote scheduler: listens on TCP, authenticates each peer (see
/// <see cref="Security.SessionAuthenticator"/>), then runs the fragments it is sent with a
/// <see cref="LocalQueryScheduler"/> over its own data (an <see cref="ITableCatalog"/> and
/// <see cref="IPartitionReader"/> pair) and answers with Result or Error messages. Serves many connections,
/// each with many fragments in flight; at most <see cref="WorkerOptions.EffectiveThreads"/> fragments run at
/// once across all of them. Honours Cancel and answers Ping with Pong. Call <see cref="Start"/> once, then
/// <see cref="RunAsync"/> until its token is cancelled: the worker stops accepting, lets running fragments
/// finish for <see cref="WorkerOptions.ShutdownGrace"/>, then cancels the rest and closes every connection.
/// The counters are for operators and tests; they are updated atomically and may be read from any thread.
/// </summary>
public sealed class WorkerServer : IAsyncDisposable
{
    private readonly ConcurrentDictionary<WorkerSession, byte> _sessions = new();
    private readonly CancellationTokenSource _shutdown = new();
    private TcpListener? _listener;
    private long _connectionsAccepted;
    private long _peersRejected;
    private long _fragmentsReceived;
    private long _fragmentsCompleted;
    private long _fragmentsFailed;
    private long _fragmentsCancelled;

    /// <summary>Creates a worker over <paramref name="reader"/>'s data; nothing listens until <see cref="Start"/>.</summary>
    public WorkerServer(WorkerOptions options, ITableCatalog catalog, IPartitionReader reader, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(logger);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.IdleTimeout, TimeSpan.Zero, nameof(options));
        Options = options;
        Catalog = catalog;
        Reader = reader;
        Logger = logger;
        Scheduler = new LocalQueryScheduler(new LocalSchedulerOptions { MaxThreads = options.EffectiveThreads });
        Slots = new SemaphoreSlim(options.EffectiveThreads, options.EffectiveThreads);
        Validator = new FragmentValidator(catalog, options);
    }

    /// <summary>Connections accepted so far (authenticated or not).</summary>
    public long ConnectionsAccepted => Interlocked.Read(ref _connectionsAccepted);

    /// <summary>Peers dropped during the handshake: wrong, missing or replayed proof, or no Hello.</summary>
    public long PeersRejected => Interlocked.Read(ref _peersRejected);

    /// <summary>Execute messages read from authenticated peers.</summary>
    public long FragmentsReceived => Interlocked.Read(ref _fragmentsReceived);

    /// <summary>Fragments answered with a Result.</summary>
    public long FragmentsCompleted => Interlocked.Read(ref _fragmentsCompleted);

    /// <summary>Fragments answered with an Error.</summary>
    public long FragmentsFailed => Interlocked.Read(ref _fragmentsFailed);

    /// <summary>Fragments stopped by Cancel, a closed connection or shutdown.</summary>
    public long FragmentsCancelled => Interlocked.Read(ref _fragmentsCancelled);

    /// <summary>The address the worker listens on, with the real port once <see cref="Start"/> has run.</summary>
    public IPEndPoint? LocalEndPoint => _listener?.LocalEndpoint as IPEndPoint;

    internal WorkerOptions Options { get; }

    internal ITableCatalog Catalog { get; }

    internal IPartitionReader Reader { get; }

    internal ILogger Logger { get; }

    internal LocalQueryScheduler Scheduler { get; }

    internal SemaphoreSlim Slots { get; }

    internal FragmentValidator Validator { get; }

    /// <summary>Binds and starts listening; returns the bound address (the real port when 0 was asked for).</summary>
    public IPEndPoint Start()
    {
        if (_listener is not null)
        {
            throw new InvalidOperationException("The worker is already started.");
        }

        var listener = new TcpListener(Options.Listen);
        listener.Start();
        _listener = listener;
        var endpoint = (IPEndPoint)listener.LocalEndpoint;
        var tables = Catalog.TableNames.Count == 0 ? "none" : string.Join(", ", Catalog.TableNames);
        WorkerLog.Listening(Logger, endpoint.ToString(), Options.EffectiveThreads, Options.Secret is not null, Options.TlsCertificate is not null, tables);
        return endpoint;
    }

    /// <summary>Accepts connections until <paramref name="stoppingToken"/> fires, then shuts down gracefully.</summary>
    public async Task RunAsync(CancellationToken stoppingToken)
    {
        var listener = _listener ?? throw new InvalidOperationException("Call Start before RunAsync.");
        var sessions = new List<Task>();
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = await listener.AcceptSocketAsync(stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                Interlocked.Increment(ref _connectionsAccepted);
                sessions.Add(Options.TlsCertificate is null
                    ? RunSessionAsync(new ProtocolConnection(socket, Options.MaxFrameSize, Options.Functions))
                    : RunTlsSessionAsync(socket, Options.TlsCertificate));
                sessions.RemoveAll(t => t.IsCompleted);
            }
        }
        finally
        {
            listener.Stop();
            await ShutdownAsync(sessions).ConfigureAwait(false);
        }
    }

    /// <summary>Stops listening and closes every connection at once.</summary>
    public async ValueTask DisposeAsync()
    {
        _listener?.Stop();
        await _shutdown.CancelAsync().ConfigureAwait(false);
        foreach (var session in _sessions.Keys)
        {
            session.Close();
        }

        _shutdown.Dispose();
        Scheduler.Dispose();
    }

    internal CancellationToken ShutdownToken => _shutdown.Token;

    internal void CountRejected() => Interlocked.Increment(ref _peersRejected);

    internal void CountReceived() => Interlocked.Increment(ref _fragmentsReceived);

    internal void CountCompleted() => Interlocked.Increment(ref _fragmentsCompleted);

    internal void CountFailed() => Interlocked.Increment(ref _fragmentsFailed);

    internal void CountCancelled() => Interlocked.Increment(ref _fragmentsCancelled);

    // TLS first: a peer that does not complete the TLS handshake in time is dropped (and counted as rejected)
    // before the worker has sent or read a single protocol frame.
    private async Task RunTlsSessionAsync(Socket socket, X509Certificate2 certificate)
    {
        var peer = socket.RemoteEndPoint?.ToString() ?? "unknown peer";
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
        string? failure = null;
        using (var timeout = CancellationTokenSource.CreateLinkedTokenSource(_shutdown.Token))
        {
            timeout.CancelAfter(Options.HandshakeTimeout);
            try
            {
                var options = new SslServerAuthenticationOptions { ServerCertificate = certificate, ClientCertificateRequired = false };
                await tls.AuthenticateAsServerAsync(options, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                failure = $"no TLS handshake within {Options.HandshakeTimeout.TotalSeconds:0.#} s";
            }
            catch (Exception ex) when (ex is AuthenticationException or IOException or SocketException or ObjectDisposedException)
            {
                failure = $"TLS handshake failed: {ex.Message}";
            }
        }

        if (failure is not null)
        {
            CountRejected();
            WorkerLog.Rejected(Logger, peer, failure);
            await tls.DisposeAsync().ConfigureAwait(false);
            return;
        }

        await RunSessionAsync(new ProtocolConnection(socket, tls, Options.MaxFrameSize, Options.Functions)).ConfigureAwait(false);
    }

    private async Task RunSessionAsync(ProtocolConnection connection)
    {
        var session = new WorkerSession(this, connection);
        _sessions.TryAdd(session, 0);
        try
        {
            await session.RunAsync(_shutdown.Token).ConfigureAwait(false);
        }
        finally
        {
            _sessions.TryRemove(session, out _);
        }
    }

    private async Task ShutdownAsync(List<Task> sessions)
    {
        var running = 0;
        foreach (var session in _sessions.Keys)
        {
            session.StopReading();
            running += session.RunningFragments;
        }

        WorkerLog.Stopping(Logger, running);
        var drained = Task.WhenAll(_sessions.Keys.Select(s => s.WhenFragmentsDoneAsync()));
        await Task.WhenAny(drained, Task.Delay(Options.ShutdownGrace, CancellationToken.None)).ConfigureAwait(false);
        await _shutdown.CancelAsync().ConfigureAwait(false);
        foreach (var session in _sessions.Keys)
        {
            session.Close();
        }

        await Task.WhenAll(sessions).ConfigureAwait(false);
    }
}
