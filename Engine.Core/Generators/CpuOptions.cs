namespace Engine.Core.Generators;

/// <summary>
/// What <see cref="CpuGenerator"/> makes (the TSBS cpu-only use case): how many hosts, the time range,
/// the seed and the reporting interval. Equal options always give identical data.
/// </summary>
public sealed record CpuOptions
{
    /// <summary>Number of hosts <c>host_0</c>, <c>host_1</c>, … (at least 1).</summary>
    public required int Hosts { get; init; }

    /// <summary>First reading time of every host, microseconds since the epoch (UTC), inclusive.</summary>
    public required long StartMicros { get; init; }

    /// <summary>End of the time range, microseconds since the epoch (UTC), exclusive; not before the start.</summary>
    public required long EndMicros { get; init; }

    /// <summary>Seed of the random streams; each host draws from its own stream of this seed.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Time between two readings of a host (at least 1 µs); 10 seconds as in TSBS.</summary>
    public long IntervalMicros { get; init; } = 10_000_000;

    /// <summary>Largest batch, in rows (at least 1).</summary>
    public int BatchRows { get; init; } = 1_000_000;

    /// <summary>
    /// Every setting that decides the rows, as text (<c>gen:cpu:hosts=…:start=…:end=…:seed=…:interval=…</c>):
    /// the version of each generated partition. The batch size is left out, since it changes no row.
    /// </summary>
    public string Spec => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"gen:cpu:hosts={Hosts}:start={StartMicros}:end={EndMicros}:seed={Seed}:interval={IntervalMicros}");
}
