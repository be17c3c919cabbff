using Engine.Core.Aggregates;
using Engine.Core.Catalog;
using Engine.Core.Columns;
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
        var plan = fragment.Plan;
        var columns = plan.ScanFields.Select(f => f.Name).ToArray();
        var scanSchema = new Schema(plan.ScanFields);
        var aggregation = plan.IsAggregate ? new AggregationState(plan) : null;
        var rows = plan.IsAggregate ? null : new RowCollector(plan);
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
                    var selection = plan.Filter is null ? null : ExpressionEvaluator.Filter(plan.Filter, morsel, null);
                    if (selection is { Length: 0 })
                    {
                        continue;
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

        return aggregation is not null ? aggregation.ToPartial(rowsScanned) : rows!.ToPartial(rowsScanned);
    }

    private sealed class AggregationState(FragmentPlan plan)
    {
        private readonly GroupKeyTable _table = new(plan.GroupKeys.Select(k => k.Type).ToArray());
        private readonly GroupedAccumulator[] _accumulators = plan.Aggregates.Select(AccumulatorFactory.Create).ToArray();

        public void Add(ColumnBatch morsel, int[]? selection)
        {
            var count = selection?.Length ?? morsel.RowCount;
            var keys = new Column[plan.GroupKeys.Count];
            for (var k = 0; k < keys.Length; k++)
            {
                keys[k] = ExpressionEvaluator.Evaluate(plan.GroupKeys[k], morsel, selection);
            }

            var groupIds = new int[count];
            _table.Map(keys, groupIds);
            for (var a = 0; a < _accumulators.Length; a++)
            {
                var call = plan.Aggregates[a];
                var input = call.Argument is null ? null : ExpressionEvaluator.Evaluate(call.Argument, morsel, selection);
                var second = call.SecondArgument is null ? null : ExpressionEvaluator.Evaluate(call.SecondArgument, morsel, selection);
                _accumulators[a].EnsureGroups(_table.Count);
                _accumulators[a].Update(groupIds, input, second);
            }
        }

        public PartialAggResult ToPartial(long rowsScanned) =>
            PartialAggMerger.Export(_table, plan.Aggregates, _accumulators, rowsScanned);
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
