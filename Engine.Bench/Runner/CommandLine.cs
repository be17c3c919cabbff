using System.Globalization;

namespace Engine.Bench.Runner;

/// <summary>
/// A minimal parser of <c>--name value</c> and <c>--flag</c> arguments. Unknown names are errors, so a
/// typo never silently falls back to a default.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, string?> _values = new(StringComparer.Ordinal);

    private CommandLine()
    {
    }

    /// <summary>Parses <paramref name="args"/>: names in <paramref name="valued"/> take the next argument, names in <paramref name="flags"/> none.</summary>
    public static CommandLine Parse(IReadOnlyList<string> args, IReadOnlyCollection<string> valued, IReadOnlyCollection<string> flags)
    {
        var line = new CommandLine();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            if (flags.Contains(name))
            {
                line._values[name] = null;
            }
            else if (valued.Contains(name))
            {
                if (i + 1 >= args.Count)
                {
                    throw new ArgumentException($"{name} needs a value.");
                }

                line._values[name] = args[++i];
            }
            else
            {
                throw new ArgumentException($"Unknown argument '{name}'. Known: {string.Join(' ', valued.Concat(flags))}.");
            }
        }

        return line;
    }

    /// <summary>True when <paramref name="name"/> was given.</summary>
    public bool Has(string name) => _values.ContainsKey(name);

    /// <summary>The value of <paramref name="name"/>, or <paramref name="fallback"/> when it was not given.</summary>
    public string Get(string name, string fallback) => _values.TryGetValue(name, out var value) && value is not null ? value : fallback;

    /// <summary>The value of <paramref name="name"/> as a non-negative integer, or <paramref name="fallback"/>.</summary>
    public int GetInt(string name, int fallback)
    {
        if (!_values.TryGetValue(name, out var text) || text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ArgumentException($"{name} must be a non-negative integer, got '{text}'.");
    }
}
