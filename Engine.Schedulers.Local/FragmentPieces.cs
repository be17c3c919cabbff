using System.Collections;
using Engine.Core.Planning;

namespace Engine.Schedulers.Local;

/// <summary>
/// The tasks of a PARTITION query: fragments up to a size stay whole, and every scan of a larger fragment
/// is cut into row-range pieces of a bounded number of rows, so no such task runs more than a bounded
/// number of morsels. Pieces are built on demand by index (a small record per task, none up front), so a huge table
/// does not materialize millions of fragments. Read-only and safe to index from many threads.
/// </summary>
public sealed class FragmentPieces : IReadOnlyList<QueryFragment>
{
    /// <summary>The most tasks one query is cut into; beyond it pieces grow past the requested size.</summary>
    public const int MaxTasks = 1 << 20;

    private readonly IReadOnlyList<QueryFragment> _fragments;
    private readonly Entry[] _entries;
    private readonly long _pieceRows;

    private FragmentPieces(IReadOnlyList<QueryFragment> fragments, Entry[] entries, long pieceRows, int count)
    {
        _fragments = fragments;
        _entries = entries;
        _pieceRows = pieceRows;
        Count = count;
    }

    /// <summary>The rows a piece of a split fragment reads at most.</summary>
    public long PieceRows => _pieceRows;

    /// <summary>How many fragments were larger than the piece size and were cut.</summary>
    public int SplitFragments { get; private init; }

    /// <inheritdoc />
    public int Count { get; }

    /// <summary>
    /// Plans the tasks for <paramref name="fragments"/>: a fragment of at most <paramref name="splitAboveRows"/>
    /// rows is one task; a larger one becomes one task per <paramref name="pieceRows"/> rows of each scan.
    /// When that would exceed <see cref="MaxTasks"/>, the piece size grows so the count fits.
    /// </summary>
    public static FragmentPieces Create(IReadOnlyList<QueryFragment> fragments, long splitAboveRows, long pieceRows)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(splitAboveRows);
        ArgumentOutOfRangeException.ThrowIfLessThan(pieceRows, 1);
        while (true)
        {
            var entries = new List<Entry>(fragments.Count);
            long next = 0;
            var split = 0;
            for (var f = 0; f < fragments.Count && next <= MaxTasks; f++)
            {
                var fragment = fragments[f];
                if (fragment.RowCount <= splitAboveRows)
                {
                    entries.Add(new Entry(next, f, -1));
                    next++;
                    continue;
                }

                split++;
                for (var s = 0; s < fragment.Scans.Count; s++)
                {
                    var rows = fragment.Scans[s].RowCount;
                    if (rows > 0)
                    {
                        entries.Add(new Entry(next, f, s));
                        next += (rows / pieceRows) + (rows % pieceRows == 0 ? 0 : 1);
                    }
                }
            }

            if (next <= MaxTasks)
            {
                return new FragmentPieces(fragments, [.. entries], pieceRows, (int)next) { SplitFragments = split };
            }

            // Too many pieces: double the piece size (a huge table still gets about MaxTasks / 2 tasks or more).
            pieceRows = checked(pieceRows * 2);
        }
    }

    /// <summary>
    /// Task <paramref name="index"/>: a whole fragment, or one row range of one scan of a split fragment; its
    /// FragmentId is <paramref name="index"/>, so ids stay unique within the query.
    /// </summary>
    public QueryFragment this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            var lo = 0;
            var hi = _entries.Length - 1;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) / 2;
                if (_entries[mid].FirstTask <= index)
                {
                    lo = mid;
                }
                else
                {
                    hi = mid - 1;
                }
            }

            var entry = _entries[lo];
            var fragment = _fragments[entry.Fragment];
            if (entry.Scan < 0)
            {
                return fragment.FragmentId == index ? fragment : fragment with { FragmentId = index };
            }

            var scan = fragment.Scans[entry.Scan];
            var offset = (index - entry.FirstTask) * _pieceRows;
            var piece = scan with { RowStart = scan.RowStart + offset, RowCount = Math.Min(_pieceRows, scan.RowCount - offset) };
            return fragment with { FragmentId = index, Scans = [piece] };
        }
    }

    /// <inheritdoc />
    public IEnumerator<QueryFragment> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    // Tasks from FirstTask on belong to fragment Fragment: the whole fragment (Scan = -1) or pieces of one scan.
    private readonly record struct Entry(long FirstTask, int Fragment, int Scan);
}
