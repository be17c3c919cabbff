using System.Runtime.InteropServices;

namespace Engine.Storage.Compression;

/// <summary>The one-shot compression entry points of libzstd, used by the Parquet writer.</summary>
internal static unsafe partial class NativeZstd
{
    /// <summary>The largest compressed size of <paramref name="sourceSize"/> bytes (the destination capacity that never fails).</summary>
    [LibraryImport(Library, EntryPoint = "ZSTD_compressBound")]
    internal static partial nuint CompressBound(nuint sourceSize);

    /// <summary>Compresses <paramref name="source"/> into one frame at <paramref name="level"/>; returns the size or an error code.</summary>
    [LibraryImport(Library, EntryPoint = "ZSTD_compress")]
    internal static partial nuint Compress(byte* destination, nuint destinationCapacity, byte* source, nuint sourceSize, int level);
}
