namespace Engine.Schedulers.Remote.MessagePack;

/// <summary>
/// The outcome of a span-level read in <see cref="MessagePackPrimitives"/>. The primitives never throw on bad
/// input; the reader layer turns every outcome other than <see cref="Success"/> into a
/// <see cref="MessagePackFormatException"/> that names the offset.
/// </summary>
internal enum MessagePackReadResult
{
    /// <summary>The token was read; the reported token size is the number of bytes it occupies.</summary>
    Success,

    /// <summary>
    /// The source ends inside the token; the reported token size is the number of bytes needed to make
    /// progress (at least the whole header when the header is incomplete).
    /// </summary>
    InsufficientBuffer,

    /// <summary>The next token has a different format than the one asked for; nothing was read.</summary>
    TokenMismatch,

    /// <summary>
    /// The token has the right format but its value does not fit the requested type (an uint64 above
    /// <see cref="long.MaxValue"/> read as int64, a negative value read as unsigned) or breaks the spec (a
    /// timestamp with more than 999 999 999 nanoseconds).
    /// </summary>
    OutOfRange,
}
