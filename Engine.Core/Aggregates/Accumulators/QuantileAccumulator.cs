using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>
/// Exact quantiles (quantile_cont, quantile_disc, median): keeps every non-NULL value per group (state rows
/// <c>[BIGINT group, value]</c>, merged by appending, so any split gives the same answer) and picks at
/// finalize, as DuckDB 1.5 does. Discrete: the value at index max(1, n − ⌊n − n·q⌋) − 1 of the sorted
/// values, with q taken as the decimal the literal spells. Continuous: with RN = (n − 1)·q, the values
/// lo and hi at ⌊RN⌋ and ⌈RN⌉ interpolated as lo·(1 − d) + hi·d, d = RN − ⌊RN⌋; BIGINT values are
/// converted to DOUBLE first, TIMESTAMP results are rounded half away from zero. A negative fraction
/// counts from the top (descending order), as in DuckDB.
/// </summary>
/// <param name="valueType">The argument's type.</param>
/// <param name="resultType">The finalized type: the argument's, or DOUBLE for a continuous quantile of BIGINT.</param>
/// <param name="fraction">The fraction in [-1, 1].</param>
/// <param name="continuous">Interpolate (quantile_cont) instead of picking a value (quantile_disc).</param>
internal sealed class QuantileAccumulator<T, TKind>(DataType valueType, DataType resultType, double fraction, bool continuous) : GroupedAccumulator
    where TKind : IValueKind<T>
{
    private readonly GroupValueLists<T, TKind> _values = new();

    public override void EnsureGroups(int groupCount) => _values.EnsureGroups(groupCount);

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments) => _values.Add(groupIds, arguments[0]);

    public override void UpdateRun(int group, ReadOnlySpan<Column> arguments, int start, int length) => _values.AddRun(group, arguments[0], start, length);

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap) => _values.Merge(state[0], state[1], groupMap);

    public override IReadOnlyList<Column> ExportState(int groupCount) => _values.Export(groupCount, valueType);

    public override Column Finalize(int groupCount)
    {
        var present = new bool[groupCount];
        var descending = fraction < 0 || (fraction == 0 && double.IsNegative(fraction));
        var q = Math.Abs(fraction);
        if (!continuous)
        {
            var picked = new T[groupCount];
            for (var g = 0; g < groupCount; g++)
            {
                var values = Sorted(g);
                if (values.Length > 0)
                {
                    present[g] = true;
                    picked[g] = At(values, DiscreteIndex(q, values.Length), descending);
                }
            }

            return TKind.Build(picked, ValidityFrom(present), resultType);
        }

        var doubles = new double[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            var values = Sorted(g);
            if (values.Length == 0)
            {
                continue;
            }

            present[g] = true;
            var rn = (values.Length - 1) * q;
            var floor = Math.Floor(rn);
            var lo = TKind.ToDouble(At(values, (int)floor, descending));
            var hi = TKind.ToDouble(At(values, (int)Math.Ceiling(rn), descending));
            var d = rn - floor;
            doubles[g] = d == 0 ? lo : (lo * (1.0 - d)) + (hi * d);
        }

        if (resultType == DataType.Double)
        {
            return new DoubleColumn(doubles, ValidityFrom(present));
        }

        var rounded = new long[groupCount];
        for (var g = 0; g < groupCount; g++)
        {
            rounded[g] = present[g] ? (long)Math.Round(doubles[g], MidpointRounding.AwayFromZero) : 0;
        }

        return new Int64Column(rounded, ValidityFrom(present), resultType);
    }

    private static int DiscreteIndex(double q, int n)
    {
        var floored = decimal.Floor(n - (n * (decimal)q));
        return (int)Math.Max(1, n - floored) - 1;
    }

    private static T At(Span<T> sorted, int index, bool descending) => sorted[descending ? sorted.Length - 1 - index : index];

    private Span<T> Sorted(int group)
    {
        var values = _values.Values(group);
        TKind.Sort(values);
        return values;
    }
}
