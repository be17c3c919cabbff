using Microsoft.Extensions.Logging;

namespace Engine.Cli;

/// <summary>
/// A minimal <see cref="ILogger"/> for the command line: one line per entry on stderr (then the exception with
/// its stack trace, when the entry has one), so stdout stays for
/// results and the worker's readiness line. Thread-safe (<see cref="TextWriter.Synchronized"/>).
/// </summary>
public sealed class StderrLogger : ILogger
{
    private readonly TextWriter _writer;
    private readonly LogLevel _minimum;

    /// <summary>Creates a logger that writes entries at <paramref name="minimum"/> or above to <paramref name="writer"/>.</summary>
    public StderrLogger(TextWriter writer, LogLevel minimum = LogLevel.Information)
    {
        _writer = TextWriter.Synchronized(writer);
        _minimum = minimum;
    }

    /// <inheritdoc />
    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    /// <inheritdoc />
    public bool IsEnabled(LogLevel logLevel) => logLevel >= _minimum && logLevel != LogLevel.None;

    /// <inheritdoc />
    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        ArgumentNullException.ThrowIfNull(formatter);
        if (!IsEnabled(logLevel))
        {
            return;
        }

        _writer.WriteLine($"engine: {logLevel.ToString().ToLowerInvariant()}: {formatter(state, exception)}");
        if (exception is not null)
        {
            _writer.WriteLine(exception.ToString());
        }
    }
}
