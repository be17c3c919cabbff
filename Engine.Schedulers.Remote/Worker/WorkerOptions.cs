using System.Net;
using System.Security.Cryptography.X509Certificates;

namespace Engine.Schedulers.Remote.Worker;

/// <summary>How a <see cref="WorkerServer"/> listens, authenticates and runs fragments.</summary>
public sealed class WorkerOptions
{
    /// <summary>The address and port to listen on; port 0 picks a free port (see <see cref="WorkerServer.Start"/>).</summary>
    public IPEndPoint Listen { get; init; } = new(IPAddress.Loopback, 7400);

    /// <summary>The name the worker gives itself in Challenge and HelloOk, and coordinators use in errors.</summary>
    public string NodeName { get; init; } = Environment.MachineName;

    /// <summary>The shared secret coordinators must prove they know; <see langword="null"/> accepts every peer.</summary>
    public byte[]? Secret { get; init; }

    /// <summary>
    /// The certificate (with its private key) to serve TLS with; <see langword="null"/> speaks plain TCP. With a
    /// certificate every connection must complete a TLS handshake, within <see cref="HandshakeTimeout"/>, before
    /// the worker sends its Challenge. Owned by the caller.
    /// </summary>
    public X509Certificate2? TlsCertificate { get; init; }

    /// <summary>Fragments run at once over all connections, and threads of each fragment's local scheduler; 0 = all cores.</summary>
    public int Threads { get; init; }

    /// <summary>How long a peer has to send its Hello before it is dropped.</summary>
    public TimeSpan HandshakeTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long an authenticated connection may go without sending one complete frame before the worker
    /// closes it (and cancels its running fragments). A coordinator's heartbeats keep a healthy connection
    /// open, so this must exceed its heartbeat interval; a peer that sends nothing, or a byte now and then, is dropped.
    /// </summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How long a graceful shutdown waits for running fragments before it cancels them.</summary>
    public TimeSpan ShutdownGrace { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest frame accepted or sent.</summary>
    public int MaxFrameSize { get; init; } = Wire.FrameFormat.DefaultMaxFrameSize;

    /// <summary>
    /// The functions received fragments are bound with; a fragment that calls one missing here is answered
    /// with an error naming it. The built-ins by default.
    /// </summary>
    public Engine.Core.Functions.FunctionRegistry Functions { get; init; } = Engine.Core.Functions.FunctionRegistry.BuiltIn;

    /// <summary>The most partition scans one fragment may name; more is refused with a <see cref="Engine.Core.Errors.ResourceLimitException"/> before any work.</summary>
    public int MaxScansPerFragment { get; init; } = 10_000;

    /// <summary>The most values one IN list of a fragment may hold; more is refused with a <see cref="Engine.Core.Errors.ResourceLimitException"/> before any work.</summary>
    public int MaxInListValues { get; init; } = 100_000;

    /// <summary>The most GROUP BY keys a fragment may have; more is refused with a <see cref="Engine.Core.Errors.ResourceLimitException"/> before any work.</summary>
    public int MaxGroupKeys { get; init; } = 64;

    /// <summary><see cref="Threads"/> with 0 resolved to the processor count.</summary>
    public int EffectiveThreads => Threads > 0 ? Threads : Environment.ProcessorCount;
}
