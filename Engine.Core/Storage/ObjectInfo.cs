namespace Engine.Core.Storage;

/// <summary>One listed object: its key, its size in bytes and, when the store has one, its version tag.</summary>
/// <param name="Key">The object key, a relative path with '/' separators.</param>
/// <param name="Size">The size of the object in bytes.</param>
/// <param name="ETag">
/// An opaque tag that changes whenever the object's content is replaced (the S3 ETag; the last-write time and
/// length for local files), or null when the store cannot tell. Callers use it to keep what they derived from
/// an object (a Parquet footer) until the object changes; two equal tags for the same key mean the same bytes.
/// </param>
public readonly record struct ObjectInfo(string Key, long Size, string? ETag = null);
