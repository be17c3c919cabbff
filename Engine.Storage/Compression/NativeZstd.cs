using System.Runtime.InteropServices;

namespace Engine.Storage.Compression;

/// <summary>
/// P/Invoke into the system's Zstandard library (libzstd.so.1, Debian package libzstd1). Only the one-shot
/// decompression entry points are bound; the library checks the destination capacity itself.
/// </summary>
internal static unsafe partial class NativeZstd
{
    private const string Library = "libzstd.so.1";

    /// <summary>Decompresses all frames of <paramref name="source"/> into <paramref name="destination"/>; returns the size or an error code.</summary>
    [LibraryImport(Library, EntryPoint = "ZSTD_decompress")]
    internal static partial nuint Decompress(byte* destination, nuint destinationCapacity, byte* source, nuint sourceSize);

    /// <summary>Non-zero when <paramref name="code"/> returned by another call is an error.</summary>
    [LibraryImport(Library, EntryPoint = "ZSTD_isError")]
    internal static partial uint IsError(nuint code);

    /// <summary>A static, NUL-terminated description of an error code.</summary>
    [LibraryImport(Library, EntryPoint = "ZSTD_getErrorName")]
    internal static partial byte* GetErrorName(nuint code);
}
