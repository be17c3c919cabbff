namespace Engine.Schedulers.Remote.MessagePack;

/// <summary>
/// A point in time as the MessagePack timestamp extension (type -1) carries it: whole seconds since the
/// Unix epoch (negative before 1970) plus 0..999 999 999 nanoseconds. Immutable; safe to share.
/// </summary>
internal readonly record struct MessagePackTimestamp
{
    /// <summary>The largest nanosecond part the spec allows.</summary>
    public const uint MaxNanoseconds = 999_999_999;

    /// <summary>Creates a timestamp; throws <see cref="ArgumentOutOfRangeException"/> when nanoseconds exceed 999 999 999.</summary>
    public MessagePackTimestamp(long seconds, uint nanoseconds)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(nanoseconds, MaxNanoseconds);
        Seconds = seconds;
        Nanoseconds = nanoseconds;
    }

    /// <summary>Whole seconds since 1970-01-01T00:00:00Z.</summary>
    public long Seconds { get; }

    /// <summary>The sub-second part, 0..999 999 999.</summary>
    public uint Nanoseconds { get; }

    /// <summary>Creates a timestamp from microseconds since the epoch (Engine's timestamp unit).</summary>
    public static MessagePackTimestamp FromUnixMicroseconds(long microseconds)
    {
        var seconds = Math.DivRem(microseconds, 1_000_000, out var remainder);
        if (remainder < 0)
        {
            seconds--;
            remainder += 1_000_000;
        }

        return new MessagePackTimestamp(seconds, (uint)remainder * 1000);
    }

    /// <summary>
    /// Microseconds since the epoch, truncating sub-microsecond digits toward negative infinity; throws
    /// <see cref="OverflowException"/> when the instant is outside the int64 microsecond range.
    /// </summary>
    public long ToUnixMicroseconds() => checked((Seconds * 1_000_000) + (Nanoseconds / 1000));

    /// <summary>Formats as <c>seconds.nanoseconds</c>, e.g. <c>-1.999999999</c> for one nanosecond before the epoch.</summary>
    public override string ToString() => $"{Seconds}.{Nanoseconds:D9}";
}
