namespace Engine.Schedulers.Remote.MessagePack;

/// <summary>The family of a MessagePack token, as told by its first byte.</summary>
internal enum MessagePackType
{
    /// <summary>The byte 0xC1, which the spec reserves and never uses; always invalid input.</summary>
    NeverUsed,

    /// <summary>nil.</summary>
    Nil,

    /// <summary>true or false.</summary>
    Boolean,

    /// <summary>positive/negative fixint, uint8..uint64, int8..int64.</summary>
    Integer,

    /// <summary>float32 or float64.</summary>
    Float,

    /// <summary>fixstr, str8, str16, str32 (UTF-8 text).</summary>
    String,

    /// <summary>bin8, bin16, bin32 (raw bytes).</summary>
    Binary,

    /// <summary>fixarray, array16, array32.</summary>
    Array,

    /// <summary>fixmap, map16, map32.</summary>
    Map,

    /// <summary>fixext1..fixext16, ext8, ext16, ext32 (including the timestamp extension, type -1).</summary>
    Extension,
}
