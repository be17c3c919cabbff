using System.Security.Cryptography.X509Certificates;
using Engine.Core.Errors;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Schedulers.Remote.Coordinator;

/// <summary>Where the workers are and how the coordinator talks to them. Validated by <see cref="Validate"/> before use.</summary>
public sealed class RemoteSchedulerOptions
{
    /// <summary>The workers, in the order that defines partition affinity (hash of the partition id modulo the count).</summary>
    public IReadOnlyList<WorkerEndpoint> Workers { get; init; } = [];

    /// <summary>
    /// Names that stand for many workers (configured as <c>dns:NAME:PORT</c>): each resolves through
    /// <see cref="Resolver"/> to the workers of the moment, re-resolved every <see cref="WorkerRefreshInterval"/>,
    /// so the pool grows and shrinks without a restart. Their workers follow <see cref="Workers"/> in the
    /// affinity order, sorted by address.
    /// </summary>
    public IReadOnlyList<WorkerEndpoint> WorkerNames { get; init; } = [];

    /// <summary>
    /// How old the last resolution of <see cref="WorkerNames"/> may be when a query starts (zero: resolve for
    /// every query). A query that found no live worker makes the next one resolve again at once.
    /// </summary>
    public TimeSpan WorkerRefreshInterval { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Resolves <see cref="WorkerNames"/>; the system DNS by default.</summary>
    public IWorkerResolver Resolver { get; init; } = DnsWorkerResolver.Instance;

    /// <summary>The shared secret to prove to workers; <see langword="null"/> sends an empty proof (accepted only by workers without a secret).</summary>
    public byte[]? Secret { get; init; }

    /// <summary>How long one fragment may take on a worker before the worker counts as stalled and the fragment moves on.</summary>
    public TimeSpan FragmentTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>How often an idle or busy connection sends a Ping.</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a connection may stay silent (no Pong, no Result) before its worker counts as lost; default three intervals.</summary>
    public TimeSpan? HeartbeatTimeout { get; init; }

    /// <summary>How many workers a fragment is tried on, at most, before the query fails.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>How long connecting and the handshake may take.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>The name this coordinator gives in its Hello.</summary>
    public string NodeName { get; init; } = $"coordinator@{Environment.MachineName}";

    /// <summary>The largest frame accepted or sent.</summary>
    public int MaxFrameSize { get; init; } = FrameFormat.DefaultMaxFrameSize;

    /// <summary>Whether connections to workers run over TLS (workers started with a certificate); the TLS handshake comes before the HMAC one.</summary>
    public bool Tls { get; init; }

    /// <summary>The name the workers' certificates must carry; <see langword="null"/> uses each worker's configured host.</summary>
    public string? TlsServerName { get; init; }

    /// <summary>
    /// A pinned worker certificate thumbprint (upper-case hex, 40 digits for SHA-1 or 64 for SHA-256, see
    /// <see cref="Security.TlsCertificates.ParseThumbprint"/>): a certificate with it is trusted whoever signed it.
    /// </summary>
    public string? TlsThumbprint { get; init; }

    /// <summary>CA certificates the workers' certificates must chain to; <see langword="null"/> uses the system trust store.</summary>
    public X509Certificate2Collection? TlsCaCertificates { get; init; }

    /// <summary><see cref="HeartbeatTimeout"/> with its default resolved.</summary>
    public TimeSpan EffectiveHeartbeatTimeout => HeartbeatTimeout ?? (HeartbeatInterval * 3);

    /// <summary>Throws <see cref="ConfigurationException"/> naming the first bad setting under <paramref name="section"/>.</summary>
    public void Validate(string section)
    {
        if (Workers.Count == 0 && WorkerNames.Count == 0)
        {
            throw new ConfigurationException($"{section}:Workers", "the remote scheduler needs at least one worker (host:port or dns:NAME:PORT)");
        }

        if (WorkerRefreshInterval < TimeSpan.Zero || WorkerRefreshInterval > TimeSpan.FromDays(1))
        {
            throw new ConfigurationException($"{section}:{nameof(WorkerRefreshInterval)}", $"must be a duration from zero to one day, got {WorkerRefreshInterval}");
        }

        ArgumentNullException.ThrowIfNull(Resolver);

        Positive(section, nameof(FragmentTimeout), FragmentTimeout);
        Positive(section, nameof(HeartbeatInterval), HeartbeatInterval);
        Positive(section, nameof(HeartbeatTimeout), EffectiveHeartbeatTimeout);
        Positive(section, nameof(ConnectTimeout), ConnectTimeout);
        if (!Tls && (TlsThumbprint is not null || TlsCaCertificates is not null || TlsServerName is not null))
        {
            throw new ConfigurationException($"{section}:{nameof(Tls)}", "TLS certificate settings are given but Tls is not enabled");
        }

        if (TlsThumbprint is not null && TlsCaCertificates is not null)
        {
            throw new ConfigurationException($"{section}:{nameof(TlsThumbprint)}", "set either TlsThumbprint or TlsCaFile, not both");
        }

        if (MaxAttempts < 1)
        {
            throw new ConfigurationException($"{section}:{nameof(MaxAttempts)}", $"must be at least 1, got {MaxAttempts}");
        }
    }

    private static void Positive(string section, string key, TimeSpan value)
    {
        if (value <= TimeSpan.Zero || value > TimeSpan.FromDays(1))
        {
            throw new ConfigurationException($"{section}:{key}", $"must be a positive duration of at most one day, got {value}");
        }
    }
}
