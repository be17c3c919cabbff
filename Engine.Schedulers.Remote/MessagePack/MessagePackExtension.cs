namespace Engine.Schedulers.Remote.MessagePack;

/// <summary>
/// An application extension value (type code and raw payload) in the dynamic value tree of
/// <see cref="MessagePackValue"/>. Equality compares the type code and the payload bytes.
/// </summary>
internal sealed class MessagePackExtension : IEquatable<MessagePackExtension>
{
    /// <summary>Creates an extension value; the payload memory is kept, not copied.</summary>
    public MessagePackExtension(sbyte typeCode, ReadOnlyMemory<byte> data)
    {
        TypeCode = typeCode;
        Data = data;
    }

    /// <summary>The extension type code (0..127 for applications; negative codes are reserved by the spec).</summary>
    public sbyte TypeCode { get; }

    /// <summary>The payload bytes.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <inheritdoc />
    public bool Equals(MessagePackExtension? other) =>
        other is not null && TypeCode == other.TypeCode && Data.Span.SequenceEqual(other.Data.Span);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MessagePackExtension);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(TypeCode);
        hash.AddBytes(Data.Span);
        return hash.ToHashCode();
    }

    /// <summary>Formats as <c>ext(type, hex)</c> for test output and logs.</summary>
    public override string ToString() => $"ext({TypeCode}, {Convert.ToHexString(Data.Span)})";
}
