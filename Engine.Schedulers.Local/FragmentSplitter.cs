using Engine.Core.Catalog;
using Engine.Core.Planning;

namespace Engine.Schedulers.Local;

/// <summary>
/// Splits fragments into row-range chunks of at most a given number of rows: every fragment (CHUNKED mode)
/// or only those above a size (PARTITION mode's bounded tasks).
/// </summary>
public static class FragmentSplitter
{
    /// <summary>
    /// Every scan of every fragment cut into pieces of at most <paramref name="chunkRows"/> rows, each piece
    /// its own fragment with a fresh id. The pieces cover exactly the original rows.
    /// </summary>
    public static IReadOnlyList<QueryFragment> Split(IReadOnlyList<QueryFragment> fragments, long chunkRows)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(chunkRows, 1);
        var chunks = new List<QueryFragment>();
        foreach (var fragment in fragments)
        {
            foreach (var scan in fragment.Scans)
            {
                for (long start = 0; start < scan.RowCount; start += chunkRows)
                {
                    var piece = scan with { RowStart = scan.RowStart + start, RowCount = Math.Min(chunkRows, scan.RowCount - start) };
                    chunks.Add(fragment with { FragmentId = chunks.Count, Scans = [piece] });
                }
            }
        }

        return chunks;
    }

    /// <summary>
    /// The fragments of at most <paramref name="splitAboveRows"/> rows as they are, and larger ones cut into
    /// pieces of at most <paramref name="pieceRows"/> rows (see <see cref="FragmentPieces"/>; pieces are built
    /// on demand).
    /// </summary>
    public static FragmentPieces SplitLarge(IReadOnlyList<QueryFragment> fragments, long splitAboveRows, long pieceRows) =>
        FragmentPieces.Create(fragments, splitAboveRows, pieceRows);
}
