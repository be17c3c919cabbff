using System.Buffers;
using Engine.Core.Aggregates;
using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Core.Expressions;
using Engine.Core.Functions.Scalar.Time;

namespace Engine.Core.Pipelines;

/// <summary>
/// Groups the rows by <paramref name="GroupKeys"/> (none: one global group) and accumulates
/// <paramref name="Aggregates"/> per group; the partial is a <see cref="GroupPartial"/>, and at the
/// coordinator the merged groups finalize into a batch of [keys…, aggregates…].
/// </summary>
/// <param name="GroupKeys">The grouping expressions over the sink's input.</param>
/// <param name="Aggregates">The aggregate calls, arguments over the sink's input.</param>
public sealed record AggregateSink(IReadOnlyList<BoundExpression> GroupKeys, IReadOnlyList<AggregateCall> Aggregates) : SinkPlan
{
    /// <inheritdoc />
    public override string Name => "Aggregate";

    /// <inheritdoc />
    public override string Describe() =>
        $"Aggregate by {(GroupKeys.Count == 0 ? "(one group)" : string.Join(", ", GroupKeys))}: {string.Join(", ", Aggregates)}";

    /// <inheritdoc />
    public override Schema FinalSchema =>
        new([.. GroupKeys.Select(k => k.Type).Concat(Aggregates.Select(a => a.ResultType)).Select((t, i) => new Field($"p{i}", t))]);

    /// <summary>Equal when the keys and calls are, in order.</summary>
    public bool Equals(AggregateSink? other) =>
        other is not null && GroupKeys.SequenceEqual(other.GroupKeys) && Aggregates.SequenceEqual(other.Aggregates);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(GroupKeys.Count, Aggregates.Count);

    /// <inheritdoc />
    public override ColumnBatch Finalize(PartialResult merged)
    {
        var groups = merged as GroupPartial ?? throw new ArgumentException("An aggregate sink finalizes group partials.", nameof(merged));
        return new ColumnBatch(FinalSchema, PartialMerger.Finalize(groups), groups.GroupCount);
    }

    internal override SinkState CreateState() => new State(this);

    /// <summary>
    /// The grouped aggregation of one worker. Buffers (group ids, runs, evaluated arguments) are allocated
    /// once and reused for every morsel. When every key is partition-constant (a string column with a
    /// one-entry dictionary, as a Hive <c>symbol=</c> partition reads) or is the one <c>time_bucket</c> over a
    /// timestamp column, the morsel is cut into runs of rows of one group and the accumulators take each run
    /// whole (<see cref="GroupedAccumulator.UpdateRun"/>); sorted timestamps make the runs long. Other keys go
    /// through the hash table row by row.
    /// </summary>
    private sealed class State : SinkState
    {
        // Runs of one group per morsel beyond which the row path is cheaper (one run per 8 rows at most).
        private const int MaxRuns = FragmentExecutor.MorselRows / 8;

        private readonly AggregateSink _plan;
        private readonly GroupKeyTable _table;
        private readonly GroupedAccumulator[] _accumulators;
        private readonly Column[][] _arguments;
        private readonly Column[] _keys;
        private readonly long[] _key;
        private readonly bool _anyFilter;
        private readonly SelectionBuffers _filterBuffers = new();
        private int[]? _groupIds;
        private int[]? _runStarts;
        private int[]? _runGroups;

        public State(AggregateSink plan)
        {
            _plan = plan;
            _table = new GroupKeyTable([.. plan.GroupKeys.Select(k => k.Type)]);
            _accumulators = [.. plan.Aggregates.Select(a => a.Kernel.CreateAccumulator())];
            _arguments = [.. plan.Aggregates.Select(a => new Column[a.Arguments.Count])];
            _keys = new Column[plan.GroupKeys.Count];
            _key = new long[plan.GroupKeys.Count];
            _anyFilter = plan.Aggregates.Any(a => a.Filter is not null);
        }

        public override void Sink(in Chunk chunk)
        {
            var batch = chunk.Batch;
            var selection = chunk.Selection;
            var count = selection.Count;
            for (var a = 0; a < _accumulators.Length; a++)
            {
                var call = _plan.Aggregates[a];
                for (var i = 0; call.Filter is null && i < call.Arguments.Count; i++)
                {
                    _arguments[a][i] = ExpressionEvaluator.Evaluate(call.Arguments[i], batch, selection);
                }
            }

            _runStarts ??= ArrayPool<int>.Shared.Rent(MaxRuns + 1);
            _runGroups ??= ArrayPool<int>.Shared.Rent(MaxRuns);
            // A FILTER picks rows out of runs, so filtered aggregates take the row path with everyone.
            var runs = _anyFilter ? 0 : MapRuns(batch, selection, count, _runStarts, _runGroups);
            if (runs > 0)
            {
                _runStarts[runs] = count;
                for (var a = 0; a < _accumulators.Length; a++)
                {
                    var accumulator = _accumulators[a];
                    accumulator.EnsureGroups(_table.Count);
                    for (var r = 0; r < runs; r++)
                    {
                        accumulator.UpdateRun(_runGroups[r], _arguments[a], _runStarts[r], _runStarts[r + 1] - _runStarts[r]);
                    }
                }

                return;
            }

            for (var k = 0; k < _keys.Length; k++)
            {
                _keys[k] = ExpressionEvaluator.Evaluate(_plan.GroupKeys[k], batch, selection);
            }

            _groupIds ??= ArrayPool<int>.Shared.Rent(FragmentExecutor.MorselRows);
            if (_groupIds.Length < count)
            {
                ArrayPool<int>.Shared.Return(_groupIds);
                _groupIds = ArrayPool<int>.Shared.Rent(count);
            }

            var groupIds = _groupIds.AsSpan(0, count);
            _table.Map(_keys, groupIds);
            for (var a = 0; a < _accumulators.Length; a++)
            {
                _accumulators[a].EnsureGroups(_table.Count);
                if (_plan.Aggregates[a].Filter is { } filter)
                {
                    UpdateFiltered(a, filter, batch, selection, groupIds);
                }
                else
                {
                    _accumulators[a].Update(groupIds, _arguments[a]);
                }
            }
        }

        // The rows of the chunk where the FILTER holds: their group ids and arguments, in chunk order.
        private void UpdateFiltered(int aggregate, Expressions.BoundExpression filter, ColumnBatch batch, Selection selection, ReadOnlySpan<int> groupIds)
        {
            var condition = (BoolColumn)ExpressionEvaluator.Evaluate(filter, batch, selection);
            var rows = _filterBuffers.Next(selection.Count);
            var ids = new int[selection.Count];
            var kept = 0;
            for (var i = 0; i < selection.Count; i++)
            {
                if (condition.GetValue(i) && !condition.IsNull(i))
                {
                    rows[kept] = selection[i];
                    ids[kept++] = groupIds[i];
                }
            }

            var filtered = Selection.Of(rows, kept);
            var call = _plan.Aggregates[aggregate];
            for (var i = 0; i < call.Arguments.Count; i++)
            {
                _arguments[aggregate][i] = ExpressionEvaluator.Evaluate(call.Arguments[i], batch, filtered);
            }

            _accumulators[aggregate].Update(ids.AsSpan(0, kept), _arguments[aggregate]);
        }

        public override PartialResult Combine(long rowsScanned) => PartialMerger.Export(_table, _plan.Aggregates, _accumulators, rowsScanned);

        protected override void Release()
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
        /// Cuts the chunk into runs of one group when the keys allow it (see the class summary): fills
        /// <paramref name="runStarts"/> / <paramref name="runGroups"/> and returns the run count, or 0 when the row
        /// path must be used (other key shapes, or more than one run per 8 rows, as unsorted times give).
        /// </summary>
        private int MapRuns(ColumnBatch batch, Selection selection, int count, int[] runStarts, int[] runGroups)
        {
            if (count == 0)
            {
                return 0;
            }

            var bucketKey = -1;
            long width = 0, origin = 0;
            BoundExpression? bucketTime = null;
            for (var k = 0; k < _key.Length; k++)
            {
                var key = _plan.GroupKeys[k];
                if (key is ColumnReference reference && batch.Columns[reference.Index] is StringColumn { Dictionary.Count: 1, HasNulls: false } constant)
                {
                    _key[k] = _table.StringId(constant.Dictionary[0]);
                }
                else if (bucketKey < 0 && TimeBucketFunction.TryMatch(key, out width, out origin, out var time) && time is ColumnReference)
                {
                    bucketKey = k;
                    bucketTime = time;
                }
                else
                {
                    return 0;
                }
            }

            if (bucketTime is null)
            {
                runStarts[0] = 0;
                runGroups[0] = _key.Length == 0 ? 0 : _table.FindOrAdd(_key, 0);
                return 1;
            }

            if (ExpressionEvaluator.Evaluate(bucketTime, batch, selection) is not Int64Column { HasNulls: false } times)
            {
                return 0;
            }

            var ts = times.Values;
            var limit = Math.Min(MaxRuns, Math.Max(1, count / 8));
            var runs = 0;
            var low = long.MaxValue;
            var high = long.MinValue;
            for (var i = 0; i < ts.Length; i++)
            {
                var t = ts[i];
                if (t >= low && t < high)
                {
                    continue;
                }

                if (runs == limit)
                {
                    return 0;
                }

                low = TimeBucketFunction.BucketStart(t, width, origin);
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
}
