using System.Buffers;

namespace Engine.Storage.Buffers;

/// <summary>
/// The one way Engine.Storage rents pooled arrays (from <see cref="ArrayPool{T}.Shared"/>), counting the rentals
/// not yet returned so tests can fail on a leak: after a scan ends — finished, failed or cancelled —
/// <see cref="Outstanding"/> is back where it was. Every <see cref="Rent{T}"/> is matched by exactly one
/// <see cref="Return{T}"/> of the same array by its single owner, in a <c>finally</c>. Thread-safe.
/// </summary>
public static class PooledBuffers
{
    private static long s_outstanding;

    /// <summary>Rented arrays not yet returned, process-wide (empty arrays for a length of 0 are not counted).</summary>
    public static long Outstanding => Interlocked.Read(ref s_outstanding);

    /// <summary>An array of at least <paramref name="minimumLength"/> elements (possibly longer, not cleared); the caller owns it until <see cref="Return{T}"/>.</summary>
    public static T[] Rent<T>(int minimumLength)
    {
        if (minimumLength == 0)
        {
            return [];
        }

        var array = ArrayPool<T>.Shared.Rent(minimumLength);
        Interlocked.Increment(ref s_outstanding);
        return array;
    }

    /// <summary>Gives back an array from <see cref="Rent{T}"/>; the caller must not touch it afterwards.</summary>
    public static void Return<T>(T[] array)
    {
        ArgumentNullException.ThrowIfNull(array);
        if (array.Length == 0)
        {
            return;
        }

        ArrayPool<T>.Shared.Return(array);
        Interlocked.Decrement(ref s_outstanding);
    }
}
