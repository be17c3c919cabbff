using System.Runtime.InteropServices;

namespace Engine.Storage.Compression;

/// <summary>
/// P/Invoke into the system's Snappy library (libsnappy.so.1, Debian package libsnappy1v5), whose C API
/// decompresses into a caller's buffer. The library validates its input (a corrupt stream returns
/// <see cref="InvalidInput"/>, never writes past the buffer). When the library is not installed, Snappy
/// pages fall back to IronSnappy, which allocates every page's output.
/// </summary>
internal static unsafe partial class NativeSnappy
{
    /// <summary>snappy_status SNAPPY_OK.</summary>
    internal const int Ok = 0;

    /// <summary>snappy_status SNAPPY_INVALID_INPUT.</summary>
    internal const int InvalidInput = 1;

    private const string Library = "libsnappy.so.1";

    /// <summary>True when libsnappy.so.1 can be loaded in this process; probed once.</summary>
    internal static bool IsAvailable { get; } = NativeLibrary.TryLoad(Library, typeof(NativeSnappy).Assembly, null, out _);

    /// <summary>
    /// Decompresses <paramref name="compressedLength"/> bytes into <paramref name="uncompressed"/>, whose capacity
    /// is passed in and replaced by the bytes written; returns a snappy_status.
    /// </summary>
    [LibraryImport(Library, EntryPoint = "snappy_uncompress")]
    internal static partial int Uncompress(byte* compressed, nuint compressedLength, byte* uncompressed, nuint* uncompressedLength);
}
