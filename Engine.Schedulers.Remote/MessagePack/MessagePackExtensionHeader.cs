namespace Engine.Schedulers.Remote.MessagePack;

/// <summary>
/// The header of an extension token: the application type code and the length of the payload that follows.
/// Type codes 0..127 belong to applications; negative codes are reserved by the spec (-1 is the timestamp).
/// </summary>
/// <param name="TypeCode">The extension type code.</param>
/// <param name="Length">The number of payload bytes after the header.</param>
internal readonly record struct MessagePackExtensionHeader(sbyte TypeCode, uint Length);
