using System.Runtime.InteropServices;

namespace Engine.Storage.Compression;

/// <summary>The raw block compression entry points of liblz4, used by the Parquet writer.</summary>
internal static unsafe partial class NativeLz4
{
    /// <summary>The largest compressed size of <paramref name="sourceSize"/> bytes, or 0 when the input is too large for one block.</summary>
    [LibraryImport(Library, EntryPoint = "LZ4_compressBound")]
    internal static partial int CompressBound(int sourceSize);

    /// <summary>Compresses <paramref name="source"/> into one raw block; returns the bytes written, or 0 on failure.</summary>
    [LibraryImport(Library, EntryPoint = "LZ4_compress_default")]
    internal static partial int CompressDefault(byte* source, byte* destination, int sourceSize, int destinationCapacity);
}
