using System.Buffers;
using Engine.Core.Aggregates;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Expressions;
using Engine.Core.Planning;

namespace Engine.Core.Execution;

/// <summary>
/// Runs one <see cref="QueryFragment"/> against an <see cref="IPartitionReader"/>: reads the scans batch by
/// batch, cuts batches into morsels, filters with selection vectors, and either aggregates into grouped
/// accumulators or collects projected rows (keeping only the top N when the plan has a LIMIT). Safe to
/// use from many threads; each call has its own state.
/// </summary>
public sealed class FragmentExecutor
{
    /// <summary>Rows processed at a time within a batch, so per-morsel buffers stay cache-sized.</summary>
    public const int MorselRows = 64 * 1024;

    private readonly IPartitionReader _reader;

    /// <summary>Creates an executor that reads through <paramref name="reader"/>.</summary>
    public FragmentExecutor(IPartitionReader reader)
    {
        _reader = reader;
    }

    /// <summary>Executes <paramref name="fragment"/>; stops promptly when <paramref name="cancellationToken"/> fires.</summary>
    public async ValueTask<PartialAggResult> ExecuteAsync(QueryFragment fragment, CancellationToken cancellationToken)
    {
        using var session = Begin(fragment.Plan);
        await session.AddAsync(fragment, cancellationToken).ConfigureAwait(false);
        return session.ToPartial();
    }

    /// <summary>
    /// Starts worker-local state for fragments of <paramref name="plan"/>: a worker adds every fragment it runs
    /// to one session and exports one partial at the end, instead of a partial per fragment merged afterwards.
    /// </summary>
    public Session Begin(FragmentPlan plan) => new(_reader, plan);

    /// <summary>
    /// The state one worker accumulates over the fragments it runs (all of one plan): grouped aggregates or
    /// collected rows. Not thread-safe; dispose it to release its pooled buffers.
    /// </summary>
    public sealed class Session : IDisposable
    {
        private readonly IPartitionReader _reader;
        private readonly FragmentPlan _plan;
        private readonly string[] _columns;
        private readonly Schema _scanSchema;
        private readonly AggregationState? _aggregation;
        private readonly RowCollector? _rows;
        private long _rowsScanned;

        internal Session(IPartitionReader reader, FragmentPlan plan)
        {
            _reader = reader;
            _plan = plan;
            _columns = [.. plan.ScanFields.Select(f => f.Name)];
            _scanSchema = new Schema(plan.ScanFields);
            _aggregation = plan.IsAggregate ? new AggregationState(plan) : null;
            _rows = plan.IsAggregate ? null : new RowCollector(plan);
        }

        /// <summary>Reads and processes <paramref name="fragment"/>, whose plan must be the session's.</summary>
        public async ValueTask AddAsync(QueryFragment fragment, CancellationToken cancellationToken)
        {
            if (!ReferenceEquals(fragment.Plan, _plan) && fragment.Plan != _plan)
            {
                throw new ArgumentException("A session only takes fragments of the plan it was started with.", nameof(fragment));
            }

            var plan = _plan;
            var columns = _columns;
            var scanSchema = _scanSchema;
            var aggregation = _aggregation;
            var rows = _rows;
            if (rows is { IsSatisfied: true })
            {
                return;
            }

            long rowsScanned = 0;
            foreach (var scan in fragment.Scans)
            {
                var request = scan with { Columns = columns };
                await foreach (var batch in _reader.ReadAsync(request, cancellationToken).ConfigureAwait(false))
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    var typed = new ColumnBatch(scanSchema, batch.Columns, batch.RowCount);
                    rowsScanned += batch.RowCount;
                    for (var start = 0; start < typed.RowCount; start += MorselRows)
                    {
                        var morsel = start == 0 && typed.RowCount <= MorselRows ? typed : typed.Slice(start, Math.Min(MorselRows, typed.RowCount - start));
                        if (plan.Filter is not null && SortedRangeFilter.TryRange(plan.Filter, morsel, out var from, out var length))
                        {
                            // A range over sorted columns is a slice: two binary searches, no selection vector.
                            if (length > 0)
                            {
                                morsel = length == morsel.RowCount ? morsel : morsel.Slice(from, length);
                                aggregation?.Add(morsel, null);
                                rows?.Add(morsel, null);
                            }

                            continue;
                        }

                        var outcome = plan.Filter is null ? FilterOutcome.All : MorselRangeCheck.Check(plan.Filter, morsel);
                        if (outcome == FilterOutcome.None)
                        {
                            continue;
                        }

                        var selection = outcome == FilterOutcome.All ? null : ExpressionEvaluator.Filter(plan.Filter!, morsel, null);
                        if (selection is { Length: 0 })
                        {
                            continue;
                        }

                        if (selection is not null && selection[^1] - selection[0] + 1 == selection.Length)
                        {
                            // A contiguous selection (a time range over sorted rows) is a slice: no gather copies.
                            morsel = morsel.Slice(selection[0], selection.Length);
                            selection = null;
                        }

                        aggregation?.Add(morsel, selection);
                        rows?.Add(morsel, selection);
                    }

                    if (rows is { IsSatisfied: true })
                    {
                        break;
                    }
                }

                if (rows is { IsSatisfied: true })
                {
                    break;
                }
            }

            _rowsScanned += rowsScanned;
        }

        /// <summary>The partial result of every fragment added so far.</summary>
        public PartialAggResult ToPartial() => _aggregation is not null ? _aggregation.ToPartial(_rowsScanned) : _rows!.ToPartial(_rowsScanned);

        /// <inheritdoc />
        public void Dispose() => _aggregation?.Release();
    }

    /// <summary>
    /// The grouped aggregation of one fragment. Buffers (group ids, runs, evaluated inputs) are allocated
    /// once per fragment and reused for every morsel. When every key is partition-constant (a string column
    /// with a one-entry dictionary, as a Hive <c>symbol=</c> partition reads) or is the one
    /// <c>time_bucket</c> over a timestamp column, the morsel is cut into runs of rows of one group and the
    /// accumulators take each run whole (<see cref="GroupedAccumulator.UpdateRun"/>); sorted timestamps make
    /// the runs long. Other keys go through the hash table row by row.
    /// </summary>
    private sealed class AggregationState
    {
        private readonly FragmentPlan _plan;
        private readonly GroupKeyTable _table;
        private readonly GroupedAccumulator[] _accumulators;
        private int[]? _groupIds;
        private int[]? _runStarts;
        private int[]? _runGroups;
        private readonly Column?[] _inputs;
        private readonly Column?[] _seconds;
        private readonly Column[] _keys;
        private readonly long[] _key;

        // Runs of one group per morsel beyond which the row path is cheaper (one run per 8 rows at most).
        private const int MaxRuns = MorselRows / 8;

        public AggregationState(FragmentPlan plan)
        {
            _plan = plan;
            _table = new GroupKeyTable(plan.GroupKeys.Select(k => k.Type).ToArray());
            _accumulators = plan.Aggregates.Select(AccumulatorFactory.Create).ToArray();
            _inputs = new Column?[_accumulators.Length];
            _seconds = new Column?[_accumulators.Length];
            _keys = new Column[plan.GroupKeys.Count];
            _key = new long[plan.GroupKeys.Count];
        }

        public void Add(ColumnBatch morsel, int[]? selection)
        {
            var count = selection?.Length ?? morsel.RowCount;
            for (var a = 0; a < _accumulators.Length; a++)
            {
                var call = _plan.Aggregates[a];
                _inputs[a] = call.Argument is null ? null : ExpressionEvaluator.Evaluate(call.Argument, morsel, selection);
                _seconds[a] = call.SecondArgument is null ? null : ExpressionEvaluator.Evaluate(call.SecondArgument, morsel, selection);
            }

            _runStarts ??= ArrayPool<int>.Shared.Rent(MaxRuns + 1);
            _runGroups ??= ArrayPool<int>.Shared.Rent(MaxRuns);
            var runs = MapRuns(morsel, selection, count, _runStarts, _runGroups);
            if (runs > 0)
            {
                _runStarts[runs] = count;
                for (var a = 0; a < _accumulators.Length; a++)
                {
                    var accumulator = _accumulators[a];
                    accumulator.EnsureGroups(_table.Count);
                    var runStarts = _runStarts;
                    for (var r = 0; r < runs; r++)
                    {
                        accumulator.UpdateRun(_runGroups[r], _inputs[a], _seconds[a], runStarts[r], runStarts[r + 1] - runStarts[r]);
                    }
                }

                return;
            }

            for (var k = 0; k < _keys.Length; k++)
            {
                _keys[k] = ExpressionEvaluator.Evaluate(_plan.GroupKeys[k], morsel, selection);
            }

            _groupIds ??= ArrayPool<int>.Shared.Rent(MorselRows);
            var groupIds = _groupIds.AsSpan(0, count);
            _table.Map(_keys, groupIds);
            for (var a = 0; a < _accumulators.Length; a++)
            {
                _accumulators[a].EnsureGroups(_table.Count);
                _accumulators[a].Update(groupIds, _inputs[a], _seconds[a]);
            }
        }

        public PartialAggResult ToPartial(long rowsScanned) =>
            PartialAggMerger.Export(_table, _plan.Aggregates, _accumulators, rowsScanned);

        /// <summary>Returns the rented buffers to the pool; called once when the fragment ends, however it ends.</summary>
        public void Release()
        {
            Return(ref _groupIds);
            Return(ref _runStarts);
            Return(ref _runGroups);
        }

        private static void Return(ref int[]? buffer)
        {
            if (buffer is not null)
            {
                ArrayPool<int>.Shared.Return(buffer);
                buffer = null;
            }
        }

        /// <summary>
        /// Cuts the morsel into runs of one group when the keys allow it (see the class summary): fills
        /// <c>_runStarts</c> / <c>_runGroups</c> and returns the run count, or 0 when the row path must be
        /// used (other key shapes, or more than one run per 8 rows, as unsorted times give).
        /// </summary>
        private int MapRuns(ColumnBatch morsel, int[]? selection, int count, int[] runStarts, int[] runGroups)
        {
            if (count == 0)
            {
                return 0;
            }

            var bucketKey = -1;
            TimeBucketExpression? bucket = null;
            for (var k = 0; k < _key.Length; k++)
            {
                switch (_plan.GroupKeys[k])
                {
                    case ColumnReference reference when morsel.Columns[reference.Index] is StringColumn { Dictionary.Count: 1, HasNulls: false } constant:
                        _key[k] = _table.StringId(constant.Dictionary[0]);
                        break;
                    case TimeBucketExpression { Timestamp: ColumnReference } timeBucket when bucketKey < 0:
                        bucketKey = k;
                        bucket = timeBucket;
                        break;
                    default:
                        return 0;
                }
            }

            if (bucket is null)
            {
                runStarts[0] = 0;
                runGroups[0] = _key.Length == 0 ? 0 : _table.FindOrAdd(_key, 0);
                return 1;
            }

            if (ExpressionEvaluator.Evaluate(bucket.Timestamp, morsel, selection) is not Int64Column { HasNulls: false } times)
            {
                return 0;
            }

            var ts = times.Values;
            var width = bucket.WidthMicros;
            var origin = bucket.OriginMicros;
            var limit = Math.Min(MaxRuns, Math.Max(1, count / 8));
            var runs = 0;
            var low = long.MaxValue;
            var high = long.MinValue;
            for (var i = 0; i < ts.Length; i++)
            {
                var time = ts[i];
                if (time >= low && time < high)
                {
                    continue;
                }

                if (runs == limit)
                {
                    return 0;
                }

                low = ExpressionEvaluator.BucketStart(time, width, origin);
                high = low + width;
                if (high < low)
                {
                    high = long.MaxValue;
                }

                _key[bucketKey] = low;
                runStarts[runs] = i;
                runGroups[runs] = _table.FindOrAdd(_key, 0);
                runs++;
            }

            return runs;
        }
    }

    private sealed class RowCollector(FragmentPlan plan)
    {
        private readonly Schema _schema = new(plan.Projections.Select((p, i) => new Field($"c{i}", p.Type)).ToArray());
        private readonly List<ColumnBatch> _batches = [];
        private long _rows;

        /// <summary>True when a LIMIT without ORDER BY already has all the rows it needs.</summary>
        public bool IsSatisfied => plan.Limit is { } limit && plan.OrderBy.Count == 0 && _rows >= limit;

        public void Add(ColumnBatch morsel, int[]? selection)
        {
            if (IsSatisfied)
            {
                return;
            }

            var count = selection?.Length ?? morsel.RowCount;
            var columns = new Column[plan.Projections.Count];
            for (var p = 0; p < columns.Length; p++)
            {
                columns[p] = ExpressionEvaluator.Evaluate(plan.Projections[p], morsel, selection);
            }

            _batches.Add(new ColumnBatch(_schema, columns, count));
            _rows += count;
            if (plan.Limit is { } limit && plan.OrderBy.Count > 0 && _rows > (2 * limit) + MorselRows)
            {
                Compact();
            }
        }

        public PartialAggResult ToPartial(long rowsScanned)
        {
            Compact();
            var rows = _batches.Count == 0 ? ColumnConcat.Concat(_schema, [EmptyBatch()]) : _batches[0];
            return PartialAggResult.ForRows(rows, rowsScanned);
        }

        private void Compact()
        {
            if (_batches.Count == 0)
            {
                return;
            }

            var all = ColumnConcat.Concat(_schema, _batches);
            var order = RowSorter.Order(all, plan.OrderBy, plan.Limit);
            var kept = order.Length == all.RowCount && plan.OrderBy.Count == 0 ? all : RowSorter.Take(all, order);
            _batches.Clear();
            _batches.Add(kept);
            _rows = kept.RowCount;
        }

        private ColumnBatch EmptyBatch()
        {
            var columns = _schema.Fields.Select(f => new ColumnBuilder(f.Type).Build()).ToArray();
            return new ColumnBatch(_schema, columns, 0);
        }
    }
}
