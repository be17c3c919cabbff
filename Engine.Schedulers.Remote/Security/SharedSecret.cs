using System.Text;
using Engine.Core.Errors;

namespace Engine.Schedulers.Remote.Security;

/// <summary>
/// Loads the shared secret both ends of a connection authenticate with. A secret file holds the secret as
/// text; surrounding whitespace (a trailing newline) is ignored. Errors name the file, never its content.
/// </summary>
public static class SharedSecret
{
    /// <summary>The shortest secret accepted, in bytes; shorter ones are too easy to guess.</summary>
    public const int MinimumLength = 16;

    /// <summary>Reads and checks the secret in <paramref name="path"/>; <paramref name="key"/> names the setting in errors.</summary>
    public static byte[] FromFile(string path, string key)
    {
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (IOException ex)
        {
            throw new ConfigurationException(key, $"cannot read the secret file '{path}': {ex.Message}");
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new ConfigurationException(key, $"cannot read the secret file '{path}': {ex.Message}");
        }

        return FromText(text.Trim(), key);
    }

    /// <summary>Checks a secret given as text; <paramref name="key"/> names the setting in errors.</summary>
    public static byte[] FromText(string secret, string key)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var bytes = Encoding.UTF8.GetBytes(secret);
        return bytes.Length >= MinimumLength
            ? bytes
            : throw new ConfigurationException(key, $"the secret must be at least {MinimumLength} bytes, it has {bytes.Length}");
    }
}
