namespace Engine.Core.Generators;

/// <summary>
/// What <see cref="TradesGenerator"/> makes: how many rows over how many symbols, from which seed and start
/// time, in batches of at most how many rows. Equal options always give identical data.
/// </summary>
public sealed record TradesOptions
{
    /// <summary>2024-01-01T00:00:00Z in microseconds since the epoch, the default start.</summary>
    public const long DefaultStartMicros = 1_704_067_200_000_000;

    /// <summary>Total rows over all symbols (at least 0); split evenly, the remainder going to the first symbols.</summary>
    public required long Rows { get; init; }

    /// <summary>Number of symbols <c>S0001</c>, <c>S0002</c>, …; one partition each (at least 1).</summary>
    public required int Symbols { get; init; }

    /// <summary>Seed of the random streams; each symbol draws from its own stream of this seed.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Time of the first possible trade, microseconds since the epoch (UTC).</summary>
    public long StartMicros { get; init; } = DefaultStartMicros;

    /// <summary>
    /// Base spacing of a symbol's trades: trade k is at <c>Start + k·Step + jitter</c> with jitter uniform in
    /// [0, Step), so timestamps strictly increase. The default 100 ms puts a million trades of one symbol in
    /// about a day and a half.
    /// </summary>
    public long StepMicros { get; init; } = 100_000;

    /// <summary>Largest batch, in rows (at least 1).</summary>
    public int BatchRows { get; init; } = 1_000_000;

    /// <summary>
    /// Every setting that decides the rows, as text (<c>gen:trades:rows=…:symbols=…:seed=…:start=…:step=…</c>):
    /// the version of each generated partition. The batch size is left out, since it changes no row.
    /// </summary>
    public string Spec => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"gen:trades:rows={Rows}:symbols={Symbols}:seed={Seed}:start={StartMicros}:step={StepMicros}");
}
