using System.Runtime.InteropServices;

namespace Engine.Storage.Compression;

/// <summary>
/// P/Invoke into the system's LZ4 library (liblz4.so.1, Debian package liblz4-1). Only the bounds-checked
/// raw block decoder is bound.
/// </summary>
internal static unsafe partial class NativeLz4
{
    private const string Library = "liblz4.so.1";

    /// <summary>Decodes one raw LZ4 block; returns the bytes written, or a negative value for malformed input.</summary>
    [LibraryImport(Library, EntryPoint = "LZ4_decompress_safe")]
    internal static partial int DecompressSafe(byte* source, byte* destination, int compressedSize, int destinationCapacity);
}
