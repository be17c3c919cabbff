using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Engine.Tests.Remote;

/// <summary>An <see cref="ILogger"/> that keeps every entry (level, text, exception) for assertions; thread-safe.</summary>
internal sealed class RecordingLogger : ILogger
{
    private readonly ConcurrentQueue<(LogLevel Level, string Text, Exception? Exception)> _entries = new();

    public IReadOnlyList<(LogLevel Level, string Text, Exception? Exception)> Entries => [.. _entries];

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _entries.Enqueue((logLevel, formatter(state, exception), exception));
}
