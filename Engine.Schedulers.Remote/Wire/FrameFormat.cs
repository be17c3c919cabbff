namespace Engine.Schedulers.Remote.Wire;

/// <summary>
/// The framing of the remote protocol: every frame is a 4-byte big-endian unsigned payload length followed
/// by that many payload bytes (one MessagePack message envelope).
/// </summary>
internal static class FrameFormat
{
    /// <summary>The size of the length prefix.</summary>
    public const int HeaderSize = 4;

    /// <summary>The default largest payload a peer may send or receive: 64 MiB.</summary>
    public const int DefaultMaxFrameSize = 64 * 1024 * 1024;
}
