namespace Engine.Storage.Parquet.Encodings;

/// <summary>
/// A decoded run of variable-length byte values: value i is <c>Data[Starts[i]..Ends[i]]</c>.
/// <see cref="Data"/> may be the page buffer itself (PLAIN, whose values sit between length prefixes) or a
/// buffer built by the decoder (DELTA_BYTE_ARRAY).
/// </summary>
internal readonly struct ByteArrayValues(byte[] data, int[] starts, int[] ends, int count)
{
    /// <summary>The bytes the offsets point into.</summary>
    public byte[] Data { get; } = data;

    /// <summary>The number of values.</summary>
    public int Count { get; } = count;

    /// <summary>The bytes of value <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> this[int index] => Data.AsSpan(starts[index], ends[index] - starts[index]);
}
