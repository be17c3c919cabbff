namespace Engine.Core.Errors;

/// <summary>
/// Engine options are invalid. The message names the configuration key (for example
/// <c>Engine:Scheduler:MaxThreads</c>) and the value that was rejected.
/// </summary>
public sealed class ConfigurationException : EngineException
{
    /// <summary>Creates an error naming the bad key and what is wrong with it.</summary>
    public ConfigurationException(string key, string problem) : base($"Invalid configuration '{key}': {problem}")
    {
        Key = key;
    }

    /// <summary>The configuration key that holds the bad value.</summary>
    public string Key { get; }
}
