using System.Globalization;
using Engine.Core.Errors;
using Microsoft.Extensions.Configuration;

namespace Engine.Core.Hosting;

/// <summary>
/// Reads typed values from a configuration section and fails with a <see cref="ConfigurationException"/>
/// naming the full key (for example <c>Engine:Scheduler:MaxThreads</c>) when a value does not parse or a
/// key is unknown, so a typo in appsettings is reported at start-up instead of being ignored.
/// </summary>
public static class ConfigurationReader
{
    /// <summary>Throws when <paramref name="section"/> has a child key outside <paramref name="known"/> (case-insensitive).</summary>
    public static void RejectUnknownKeys(IConfigurationSection section, params string[] known)
    {
        foreach (var child in section.GetChildren())
        {
            if (!known.Contains(child.Key, StringComparer.OrdinalIgnoreCase))
            {
                throw new ConfigurationException(child.Path, $"unknown setting; known settings here are {string.Join(", ", known)}");
            }
        }
    }

    /// <summary>The string at <paramref name="key"/>, or <paramref name="fallback"/> when absent.</summary>
    public static string GetString(IConfigurationSection section, string key, string fallback) =>
        section[key] is { Length: > 0 } value ? value : fallback;

    /// <summary>The optional string at <paramref name="key"/>.</summary>
    public static string? GetOptionalString(IConfigurationSection section, string key) =>
        section[key] is { Length: > 0 } value ? value : null;

    /// <summary>The 64-bit integer at <paramref name="key"/>, or <paramref name="fallback"/> when absent.</summary>
    public static long GetInt64(IConfigurationSection section, string key, long fallback)
    {
        var text = section[key];
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new ConfigurationException(ConfigurationPath.Combine(section.Path, key), $"'{text}' is not a whole number");
    }

    /// <summary>The 32-bit integer at <paramref name="key"/>, or <paramref name="fallback"/> when absent.</summary>
    public static int GetInt32(IConfigurationSection section, string key, int fallback)
    {
        var value = GetInt64(section, key, fallback);
        return value is >= int.MinValue and <= int.MaxValue
            ? (int)value
            : throw new ConfigurationException(ConfigurationPath.Combine(section.Path, key), $"{value} is out of range");
    }
}
