namespace Engine.Core.Storage;

/// <summary>One listed object: its key and its size in bytes.</summary>
/// <param name="Key">The object key, a relative path with '/' separators.</param>
/// <param name="Size">The size of the object in bytes.</param>
public readonly record struct ObjectInfo(string Key, long Size);
