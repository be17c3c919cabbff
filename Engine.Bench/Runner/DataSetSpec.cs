using System.Globalization;
using Engine.Core.Generators;

namespace Engine.Bench.Runner;

/// <summary>
/// A data set named on the command line. Only generator specs are understood:
/// <c>gen:trades:rows=10000000:symbols=100[:seed=42]</c>, the trades table of <see cref="TradesGenerator"/>.
/// </summary>
public sealed record DataSetSpec(TradesOptions Trades)
{
    /// <summary>Parses <paramref name="text"/>; throws <see cref="ArgumentException"/> naming the bad part.</summary>
    public static DataSetSpec Parse(string text)
    {
        var parts = text.Split(':');
        if (parts.Length < 2 || parts[0] != "gen" || parts[1] != "trades")
        {
            throw new ArgumentException($"--data must be a generator spec such as gen:trades:rows=10000000:symbols=100, got '{text}'.");
        }

        long rows = 1_000_000;
        var symbols = 2;
        ulong seed = 42;
        foreach (var part in parts.Skip(2))
        {
            var pair = part.Split('=', 2);
            if (pair.Length != 2)
            {
                throw new ArgumentException($"--data part '{part}' is not key=value.");
            }

            switch (pair[0])
            {
                case "rows":
                    rows = long.Parse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "symbols":
                    symbols = int.Parse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                case "seed":
                    seed = ulong.Parse(pair[1], NumberStyles.None, CultureInfo.InvariantCulture);
                    break;
                default:
                    throw new ArgumentException($"--data key '{pair[0]}' is unknown (rows, symbols, seed).");
            }
        }

        return new DataSetSpec(new TradesOptions { Rows = rows, Symbols = symbols, Seed = seed });
    }
}
