using Engine.Core.Columns;

namespace Engine.Core.Aggregates;

/// <summary>
/// <c>agg(DISTINCT …)</c> for any aggregate: the state is the set of distinct argument tuples per group,
/// exported as one row per (group, tuple) — <c>[BIGINT group, argument…]</c> — and merged by union; at
/// finalize the wrapped aggregate runs over each group's distinct tuples. -0.0 and 0.0 are one value, and
/// so are all NaNs, as in DuckDB.
/// </summary>
internal sealed class DistinctKernel(AggregateKernel inner, IReadOnlyList<DataType> argumentTypes)
    : AggregateKernel(inner.ResultType, [DataType.Int64, .. argumentTypes])
{
    public override bool StateHasRowPerGroup => false;

    public override GroupedAccumulator CreateAccumulator() => new Accumulator(inner, argumentTypes);

    private sealed class Accumulator(AggregateKernel inner, IReadOnlyList<DataType> types) : GroupedAccumulator
    {
        private HashSet<DistinctTuple>?[] _sets = new HashSet<DistinctTuple>?[16];

        public override void EnsureGroups(int groupCount) => Grow(ref _sets, groupCount);

        public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments)
        {
            for (var i = 0; i < groupIds.Length; i++)
            {
                Add(groupIds[i], DistinctTuple.FromRow(arguments, i));
            }
        }

        public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap)
        {
            var groups = ((Int64Column)state[0]).Values;
            var values = new Column[state.Count - 1];
            for (var c = 0; c < values.Length; c++)
            {
                values[c] = state[c + 1];
            }

            for (var i = 0; i < groups.Length; i++)
            {
                var group = groups[i];
                if ((ulong)group >= (ulong)groupMap.Length)
                {
                    throw new ArgumentException($"A distinct set names group {group} of {groupMap.Length}.", nameof(state));
                }

                Add(groupMap[(int)group], DistinctTuple.FromRow(values, i));
            }
        }

        public override IReadOnlyList<Column> ExportState(int groupCount)
        {
            var (groups, values) = Flatten(groupCount);
            return [new Int64Column(groups), .. values];
        }

        public override Column Finalize(int groupCount)
        {
            var (groups, values) = Flatten(groupCount);
            var ids = new int[groups.Length];
            for (var i = 0; i < ids.Length; i++)
            {
                ids[i] = (int)groups[i];
            }

            var accumulator = inner.CreateAccumulator();
            accumulator.EnsureGroups(groupCount);
            accumulator.Update(ids, values);
            return accumulator.Finalize(groupCount);
        }

        private (long[] Groups, Column[] Values) Flatten(int groupCount)
        {
            var groups = new List<long>();
            var builders = new ColumnBuilder[types.Count];
            for (var c = 0; c < builders.Length; c++)
            {
                builders[c] = new ColumnBuilder(types[c]);
            }

            for (var g = 0; g < groupCount; g++)
            {
                if (_sets[g] is not { } set)
                {
                    continue;
                }

                foreach (var tuple in set)
                {
                    groups.Add(g);
                    tuple.AppendTo(builders);
                }
            }

            return ([.. groups], [.. builders.Select(b => b.Build())]);
        }

        private void Add(int group, DistinctTuple tuple) => (_sets[group] ??= []).Add(tuple);
    }
}
