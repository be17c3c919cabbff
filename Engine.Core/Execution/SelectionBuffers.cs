using System.Numerics;

namespace Engine.Core.Execution;

/// <summary>
/// Scratch index buffers for filters, reused morsel after morsel: a conjunction narrows a selection into one
/// buffer, its next term into the other, and so on. Owned by one operator of one worker; not thread-safe.
/// </summary>
internal sealed class SelectionBuffers
{
    private int[] _first = [];
    private int[] _second = [];
    private bool _useFirst = true;

    /// <summary>A buffer of at least <paramref name="length"/> indexes that does not hold the selection returned last.</summary>
    public int[] Next(int length)
    {
        _useFirst = !_useFirst;
        ref var buffer = ref _useFirst ? ref _first : ref _second;
        if (buffer.Length < length)
        {
            buffer = new int[(int)Math.Min(BitOperations.RoundUpToPowerOf2((uint)length), Array.MaxLength)];
        }

        return buffer;
    }
}
