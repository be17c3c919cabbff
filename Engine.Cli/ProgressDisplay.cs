using System.Diagnostics;

namespace Engine.Cli;

/// <summary>
/// One self-overwriting progress line on stderr, drawn only when stderr is a terminal (never mixed into
/// stdout, never written into redirected logs), at most ten times a second. Thread-safe.
/// </summary>
public sealed class ProgressDisplay : IDisposable
{
    private readonly TextWriter _error;
    private readonly bool _enabled;
    private readonly Stopwatch _elapsed = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private long _lastDrawMs = -1000;
    private int _lastLength;

    /// <summary>Creates a display on <paramref name="error"/>; drawing is enabled when <paramref name="enabled"/>.</summary>
    public ProgressDisplay(TextWriter error, bool enabled)
    {
        _error = error;
        _enabled = enabled;
    }

    /// <summary>A display on the console's stderr, enabled when stderr is not redirected.</summary>
    public static ProgressDisplay ForConsole() => new(Console.Error, !Console.IsErrorRedirected);

    /// <summary>Time since the display was created.</summary>
    public TimeSpan Elapsed => _elapsed.Elapsed;

    /// <summary>Shows <paramref name="text"/> followed by the elapsed time, unless drawn less than 100 ms ago.</summary>
    public void Show(string text, bool force = false)
    {
        if (!_enabled)
        {
            return;
        }

        lock (_gate)
        {
            var now = _elapsed.ElapsedMilliseconds;
            if (!force && now - _lastDrawMs < 100)
            {
                return;
            }

            _lastDrawMs = now;
            var line = $"{text}, {_elapsed.Elapsed.TotalSeconds:F1} s";
            _error.Write('\r' + line.PadRight(_lastLength));
            _lastLength = line.Length;
        }
    }

    /// <summary>Erases the progress line so the next output starts on a clean line.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_enabled && _lastLength > 0)
            {
                _error.Write('\r' + new string(' ', _lastLength) + '\r');
                _lastLength = 0;
            }
        }
    }
}
