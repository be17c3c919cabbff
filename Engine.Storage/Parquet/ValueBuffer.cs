using Engine.Core.Columns;

namespace Engine.Storage.Parquet;

/// <summary>
/// Growable typed storage for decoded values of one Engine type (longs, doubles, bits or string codes),
/// used for a column chunk's output and for its dictionary page. Grows by doubling up to a limit, so
/// memory follows the values really decoded rather than a count claimed by the file.
/// </summary>
internal sealed class ValueBuffer(DataType type)
{
    /// <summary>The Engine type the buffer holds.</summary>
    public DataType Type { get; } = type;

    /// <summary>Int64 and Timestamp values.</summary>
    public long[] Longs { get; private set; } = [];

    /// <summary>Double values.</summary>
    public double[] Doubles { get; private set; } = [];

    /// <summary>Bool values, bit-packed LSB first.</summary>
    public byte[] Bits { get; private set; } = [];

    /// <summary>String codes into the column's interner.</summary>
    public int[] Codes { get; private set; } = [];

    /// <summary>How many values fit without growing.</summary>
    public int Capacity { get; private set; }

    /// <summary>Grows to hold at least <paramref name="needed"/> values, doubling but never beyond <paramref name="limit"/>.</summary>
    public void EnsureCapacity(int needed, int limit)
    {
        if (needed <= Capacity)
        {
            return;
        }

        var capacity = (int)Math.Min(limit, Math.Max(needed, Math.Max(1024L, Capacity * 2L)));
        capacity = Math.Max(capacity, needed);
        switch (Type.Id)
        {
            case TypeId.Int64 or TypeId.Timestamp:
                Longs = Grow(Longs, capacity);
                break;
            case TypeId.Double:
                Doubles = Grow(Doubles, capacity);
                break;
            case TypeId.Bool:
                Bits = Grow(Bits, ValidityBitmap.ByteCount(capacity), zeroed: true);
                break;
            default:
                Codes = Grow(Codes, capacity);
                break;
        }

        Capacity = capacity;
    }

    /// <summary>Copies value <paramref name="from"/> to <paramref name="to"/> (used to spread dense values over NULL gaps).</summary>
    public void Move(int from, int to)
    {
        switch (Type.Id)
        {
            case TypeId.Int64 or TypeId.Timestamp:
                Longs[to] = Longs[from];
                break;
            case TypeId.Double:
                Doubles[to] = Doubles[from];
                break;
            case TypeId.Bool:
                ValidityBitmap.Set(Bits, to, ValidityBitmap.Get(Bits, from));
                break;
            default:
                Codes[to] = Codes[from];
                break;
        }
    }

    /// <summary>Sets slot <paramref name="to"/> to dictionary entry <paramref name="from"/> of <paramref name="dictionary"/>.</summary>
    public void CopyFrom(ValueBuffer dictionary, int from, int to)
    {
        switch (Type.Id)
        {
            case TypeId.Int64 or TypeId.Timestamp:
                Longs[to] = dictionary.Longs[from];
                break;
            case TypeId.Double:
                Doubles[to] = dictionary.Doubles[from];
                break;
            case TypeId.Bool:
                ValidityBitmap.Set(Bits, to, ValidityBitmap.Get(dictionary.Bits, from));
                break;
            default:
                Codes[to] = dictionary.Codes[from];
                break;
        }
    }

    // Slots are written before they are read (a NULL slot keeps whatever value was moved through it), so
    // only bit-packed bools, written bit by bit, need zeroed memory; skipping the clearing saves a pass over
    // every decoded chunk.
    private static T[] Grow<T>(T[] array, int length, bool zeroed = false)
    {
        var grown = zeroed ? new T[length] : GC.AllocateUninitializedArray<T>(length);
        array.AsSpan().CopyTo(grown);
        return grown;
    }
}
