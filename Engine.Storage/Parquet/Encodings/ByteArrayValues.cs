namespace Engine.Storage.Parquet.Encodings;

/// <summary>
/// A decoded run of variable-length byte values: value i is <c>Data[Offsets[i]..Offsets[i + 1]]</c>.
/// <see cref="Data"/> may be the page buffer itself (PLAIN) or a buffer built by the decoder (DELTA_BYTE_ARRAY).
/// </summary>
internal readonly struct ByteArrayValues(byte[] data, int[] offsets, int count)
{
    /// <summary>The bytes the offsets point into.</summary>
    public byte[] Data { get; } = data;

    /// <summary>Count + 1 offsets.</summary>
    public int[] Offsets { get; } = offsets;

    /// <summary>The number of values.</summary>
    public int Count { get; } = count;

    /// <summary>The bytes of value <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> this[int index] => Data.AsSpan(Offsets[index], Offsets[index + 1] - Offsets[index]);
}
