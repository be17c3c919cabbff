namespace Engine.Tests.Functions.Time;

/// <summary>A clock that starts at <paramref name="start"/> and moves on by <paramref name="step"/> every time it is read.</summary>
internal sealed class SteppingClock(DateTimeOffset start, TimeSpan step) : TimeProvider
{
    private long _reads;

    /// <summary>How many times the clock was read.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    public override DateTimeOffset GetUtcNow() => start + (step * (Interlocked.Increment(ref _reads) - 1));
}
