namespace Engine.Core.Errors;

/// <summary>
/// The base of every error Engine raises on purpose. Callers that want to tell a bad query or bad data
/// from a bug catch this type; anything else escaping the engine is a defect.
/// </summary>
public class EngineException : Exception
{
    /// <summary>Creates an error with a message that says what was wrong.</summary>
    public EngineException(string message) : base(message)
    {
    }

    /// <summary>Creates an error that wraps the cause that led to it.</summary>
    public EngineException(string message, Exception? innerException) : base(message, innerException)
    {
    }
}
