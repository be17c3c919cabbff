using System.Globalization;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Generators;

namespace Engine.Cli;

/// <summary>
/// The generated data a <c>--data</c> option names: <c>gen:trades:rows=N:symbols=K[:seed=S][:batch=B]</c> or
/// <c>gen:cpu:hosts=H:hours=X[:seed=S][:batch=B]</c> (cpu starts at 2024-01-01T00:00:00Z). The same spec always
/// yields the same rows and the same partition ids, so a worker and a coordinator that were given the same
/// specs agree on every partition a fragment names.
/// </summary>
public static class GeneratedDataSpec
{
    /// <summary>Whether <paramref name="spec"/> names generated data rather than a directory.</summary>
    public static bool IsGenerated(string spec) => spec.StartsWith("gen:", StringComparison.OrdinalIgnoreCase);

    /// <summary>Generates the table <paramref name="spec"/> names into <paramref name="catalog"/>; a bad spec throws <see cref="ConfigurationException"/> naming <paramref name="option"/>.</summary>
    public static TableInfo Register(InMemoryCatalog catalog, string spec, string option = "--data")
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(spec);
        var parts = spec.Split(':');
        if (parts.Length < 2 || !string.Equals(parts[0], "gen", StringComparison.OrdinalIgnoreCase))
        {
            throw new ConfigurationException(option, $"'{spec}' is not a generator spec; expected gen:trades:rows=N:symbols=K or gen:cpu:hosts=H:hours=X");
        }

        var settings = new Dictionary<string, long>(StringComparer.OrdinalIgnoreCase);
        foreach (var part in parts.AsSpan(2))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || !long.TryParse(part.AsSpan(equals + 1), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < 0)
            {
                throw new ConfigurationException(option, $"'{part}' in '{spec}' is not key=non-negative-integer");
            }

            settings[part[..equals]] = value;
        }

        switch (parts[1].ToLowerInvariant())
        {
            case "trades":
                Known(settings, spec, option, "rows", "symbols", "seed", "batch");
                return TradesGenerator.RegisterTrades(catalog, new TradesOptions
                {
                    Rows = Required(settings, "rows", spec, option),
                    Symbols = checked((int)Required(settings, "symbols", spec, option)),
                    Seed = (ulong)settings.GetValueOrDefault("seed", 42),
                    BatchRows = checked((int)settings.GetValueOrDefault("batch", 1_000_000)),
                });
            case "cpu":
                Known(settings, spec, option, "hosts", "hours", "seed", "batch");
                var start = TradesOptions.DefaultStartMicros;
                return CpuGenerator.RegisterCpu(catalog, new CpuOptions
                {
                    Hosts = checked((int)Required(settings, "hosts", spec, option)),
                    StartMicros = start,
                    EndMicros = checked(start + (Required(settings, "hours", spec, option) * 3_600_000_000L)),
                    Seed = (ulong)settings.GetValueOrDefault("seed", 42),
                    BatchRows = checked((int)settings.GetValueOrDefault("batch", 1_000_000)),
                });
            default:
                throw new ConfigurationException(option, $"'{parts[1]}' in '{spec}' is not a generator; known: trades, cpu");
        }
    }

    private static long Required(Dictionary<string, long> settings, string key, string spec, string option) =>
        settings.TryGetValue(key, out var value) && value > 0
            ? value
            : throw new ConfigurationException(option, $"'{spec}' needs a positive {key}=N");

    private static void Known(Dictionary<string, long> settings, string spec, string option, params string[] known)
    {
        foreach (var key in settings.Keys)
        {
            if (!known.Contains(key, StringComparer.OrdinalIgnoreCase))
            {
                throw new ConfigurationException(option, $"'{key}' in '{spec}' is not a setting of this generator; known: {string.Join(", ", known)}");
            }
        }
    }
}
