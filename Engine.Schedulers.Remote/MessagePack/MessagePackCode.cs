namespace Engine.Schedulers.Remote.MessagePack;

/// <summary>
/// The first bytes of MessagePack tokens as the spec defines them, and names for error messages.
/// </summary>
internal static class MessagePackCode
{
    public const byte MaxPositiveFixInt = 0x7F;
    public const byte MinFixMap = 0x80;
    public const byte MaxFixMap = 0x8F;
    public const byte MinFixArray = 0x90;
    public const byte MaxFixArray = 0x9F;
    public const byte MinFixStr = 0xA0;
    public const byte MaxFixStr = 0xBF;
    public const byte Nil = 0xC0;
    public const byte NeverUsed = 0xC1;
    public const byte False = 0xC2;
    public const byte True = 0xC3;
    public const byte Bin8 = 0xC4;
    public const byte Bin16 = 0xC5;
    public const byte Bin32 = 0xC6;
    public const byte Ext8 = 0xC7;
    public const byte Ext16 = 0xC8;
    public const byte Ext32 = 0xC9;
    public const byte Float32 = 0xCA;
    public const byte Float64 = 0xCB;
    public const byte UInt8 = 0xCC;
    public const byte UInt16 = 0xCD;
    public const byte UInt32 = 0xCE;
    public const byte UInt64 = 0xCF;
    public const byte Int8 = 0xD0;
    public const byte Int16 = 0xD1;
    public const byte Int32 = 0xD2;
    public const byte Int64 = 0xD3;
    public const byte FixExt1 = 0xD4;
    public const byte FixExt2 = 0xD5;
    public const byte FixExt4 = 0xD6;
    public const byte FixExt8 = 0xD7;
    public const byte FixExt16 = 0xD8;
    public const byte Str8 = 0xD9;
    public const byte Str16 = 0xDA;
    public const byte Str32 = 0xDB;
    public const byte Array16 = 0xDC;
    public const byte Array32 = 0xDD;
    public const byte Map16 = 0xDE;
    public const byte Map32 = 0xDF;
    public const byte MinNegativeFixInt = 0xE0;

    /// <summary>The extension type the spec reserves for timestamps.</summary>
    public const sbyte TimestampExtensionType = -1;

    /// <summary>Maps a first byte to its token family.</summary>
    public static MessagePackType ToMessagePackType(byte code) => code switch
    {
        <= MaxPositiveFixInt => MessagePackType.Integer,
        <= MaxFixMap => MessagePackType.Map,
        <= MaxFixArray => MessagePackType.Array,
        <= MaxFixStr => MessagePackType.String,
        Nil => MessagePackType.Nil,
        NeverUsed => MessagePackType.NeverUsed,
        False or True => MessagePackType.Boolean,
        Bin8 or Bin16 or Bin32 => MessagePackType.Binary,
        Ext8 or Ext16 or Ext32 => MessagePackType.Extension,
        Float32 or Float64 => MessagePackType.Float,
        >= UInt8 and <= Int64 => MessagePackType.Integer,
        >= FixExt1 and <= FixExt16 => MessagePackType.Extension,
        Str8 or Str16 or Str32 => MessagePackType.String,
        Array16 or Array32 => MessagePackType.Array,
        Map16 or Map32 => MessagePackType.Map,
        _ => MessagePackType.Integer,
    };

    /// <summary>The spec's name of the format that starts with <paramref name="code"/>, with the byte in hex.</summary>
    public static string GetFormatName(byte code)
    {
        var name = code switch
        {
            <= MaxPositiveFixInt => "positive fixint",
            <= MaxFixMap => "fixmap",
            <= MaxFixArray => "fixarray",
            <= MaxFixStr => "fixstr",
            Nil => "nil",
            NeverUsed => "never-used byte",
            False => "false",
            True => "true",
            Bin8 => "bin8",
            Bin16 => "bin16",
            Bin32 => "bin32",
            Ext8 => "ext8",
            Ext16 => "ext16",
            Ext32 => "ext32",
            Float32 => "float32",
            Float64 => "float64",
            UInt8 => "uint8",
            UInt16 => "uint16",
            UInt32 => "uint32",
            UInt64 => "uint64",
            Int8 => "int8",
            Int16 => "int16",
            Int32 => "int32",
            Int64 => "int64",
            FixExt1 => "fixext1",
            FixExt2 => "fixext2",
            FixExt4 => "fixext4",
            FixExt8 => "fixext8",
            FixExt16 => "fixext16",
            Str8 => "str8",
            Str16 => "str16",
            Str32 => "str32",
            Array16 => "array16",
            Array32 => "array32",
            Map16 => "map16",
            Map32 => "map32",
            _ => "negative fixint",
        };
        return $"{name} (0x{code:X2})";
    }
}
