using System.Globalization;
using Engine.Core.Catalog;
using Engine.Core.Generators;

namespace Engine.Bench.Runner;

/// <summary>
/// A data set named on the command line; exactly one of <see cref="Trades"/> and <see cref="Cpu"/> is set.
/// Two generator specs are understood: <c>gen:trades:rows=10000000:symbols=100[:seed=42]</c>, the trades table
/// of <see cref="TradesGenerator"/>, and <c>gen:cpu:rows=10000000:hosts=100[:seed=42]</c> (or <c>hours=X</c>
/// instead of <c>rows=N</c>), the TSBS <c>cpu</c> table of <see cref="CpuGenerator"/>: one reading per host every
/// 10 s from 2024-01-01T00:00:00Z, <c>rows</c> rounded up to a whole number of readings per host.
/// </summary>
public sealed record DataSetSpec
{
    /// <summary>The fewest hosts a cpu data set may have: the TSBS shapes pick 8 hosts.</summary>
    public const int MinCpuHosts = 8;

    private static readonly string[] s_tradesKeys = ["rows", "symbols", "seed"];
    private static readonly string[] s_cpuKeys = ["rows", "hours", "hosts", "seed"];

    // Only Parse and the For* factories make specs, so exactly one data set is always set.
    private DataSetSpec()
    {
    }

    /// <summary>The trades data set, or null when the spec names cpu data.</summary>
    public TradesOptions? Trades { get; private init; }

    /// <summary>The TSBS cpu data set, or null when the spec names trades.</summary>
    public CpuOptions? Cpu { get; private init; }

    /// <summary>The name of the one table the data set holds: <c>trades</c> or <c>cpu</c>.</summary>
    public string Table => Cpu is null ? "trades" : "cpu";

    /// <summary>A spec for the trades table <paramref name="options"/> generates.</summary>
    public static DataSetSpec ForTrades(TradesOptions options) => new() { Trades = options ?? throw new ArgumentNullException(nameof(options)) };

    /// <summary>A spec for the cpu table <paramref name="options"/> generates.</summary>
    public static DataSetSpec ForCpu(CpuOptions options) => new() { Cpu = options ?? throw new ArgumentNullException(nameof(options)) };

    /// <summary>The trades options, for modes that only work on trades; throws <see cref="ArgumentException"/> naming <paramref name="mode"/> otherwise.</summary>
    public TradesOptions RequireTrades(string mode) =>
        Trades ?? throw new ArgumentException($"the {mode} mode needs a gen:trades:... data set, not a {Table} one.");

    /// <summary>Generates the data set into a new in-memory catalog (loaded before any query is timed).</summary>
    public InMemoryCatalog CreateCatalog()
    {
        var catalog = new InMemoryCatalog();
        if (Cpu is { } cpu)
        {
            CpuGenerator.RegisterCpu(catalog, cpu);
        }
        else
        {
            TradesGenerator.RegisterTrades(catalog, Trades!);
        }

        return catalog;
    }

    /// <summary>Parses <paramref name="text"/>; throws <see cref="ArgumentException"/> naming the bad part.</summary>
    public static DataSetSpec Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(':');
        if (parts.Length < 2 || parts[0] != "gen" || (parts[1] != "trades" && parts[1] != "cpu"))
        {
            throw new ArgumentException($"--data must be a generator spec such as gen:trades:rows=10000000:symbols=100 or gen:cpu:rows=10000000:hosts=100, got '{text}'.");
        }

        var isCpu = parts[1] == "cpu";
        var known = isCpu ? s_cpuKeys : s_tradesKeys;
        var settings = new Dictionary<string, ulong>(StringComparer.Ordinal);
        foreach (var part in parts.Skip(2))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2)
            {
                throw new ArgumentException($"--data part '{part}' is not key=value.");
            }

            if (!known.Contains(pair[0]))
            {
                throw new ArgumentException($"--data key '{pair[0]}' is unknown for {parts[1]} ({string.Join(", ", known)}).");
            }

            if (!ulong.TryParse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || (value == 0 && pair[0] != "seed"))
            {
                throw new ArgumentException($"--data {pair[0]}={pair[1]} is not a positive integer.");
            }

            settings[pair[0]] = value;
        }

        var seed = settings.GetValueOrDefault("seed", 42UL);
        return isCpu ? ParseCpu(settings, seed) : ForTrades(new TradesOptions
        {
            Rows = Get(settings, "rows", 1_000_000),
            Symbols = (int)Get(settings, "symbols", 2, int.MaxValue),
            Seed = seed,
        });
    }

    private static DataSetSpec ParseCpu(Dictionary<string, ulong> settings, ulong seed)
    {
        const long interval = 10_000_000;
        var hosts = (int)Get(settings, "hosts", 100, int.MaxValue);
        if (hosts < MinCpuHosts)
        {
            throw new ArgumentException($"--data hosts={hosts} is too few: the TSBS queries pick {MinCpuHosts} hosts.");
        }

        if (settings.ContainsKey("rows") && settings.ContainsKey("hours"))
        {
            throw new ArgumentException("--data gives rows and hours; give one of them.");
        }

        long end;
        try
        {
            var span = settings.ContainsKey("hours")
                ? checked(Get(settings, "hours", 0) * 3_600_000_000L)
                : checked((((Get(settings, "rows", 1_000_000) - 1) / hosts) + 1) * interval);
            end = checked(TradesOptions.DefaultStartMicros + span);
        }
        catch (OverflowException)
        {
            throw new ArgumentException("--data describes a time range too long to represent.");
        }

        return ForCpu(new CpuOptions { Hosts = hosts, StartMicros = TradesOptions.DefaultStartMicros, EndMicros = end, Seed = seed, IntervalMicros = interval });
    }

    private static long Get(Dictionary<string, ulong> settings, string key, long fallback, long max = long.MaxValue)
    {
        if (!settings.TryGetValue(key, out var value))
        {
            return fallback;
        }

        return value <= (ulong)max ? (long)value : throw new ArgumentException($"--data {key}={value} is too large (at most {max}).");
    }
}
