using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>
/// product(x): the product of each group's non-NULL values in double arithmetic (BIGINT values converted),
/// NULL over none. State: [DOUBLE product, BOOLEAN has a value]; merging multiplies, so only the rounding of
/// the last bits depends on how rows were split.
/// </summary>
internal sealed class ProductAccumulator : GroupedAccumulator
{
    private double[] _products = [];
    private bool[] _present = [];

    public override void EnsureGroups(int groupCount)
    {
        var old = _products.Length;
        Grow(ref _products, groupCount);
        Grow(ref _present, groupCount);
        _products.AsSpan(old).Fill(1);
    }

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments)
    {
        var column = arguments[0];
        var check = column.HasNulls;
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (check && column.IsNull(i))
            {
                continue;
            }

            var group = groupIds[i];
            _products[group] *= NumberAt(column, i);
            _present[group] = true;
        }
    }

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap)
    {
        var products = ((DoubleColumn)state[0]).Values;
        var present = (BoolColumn)state[1];
        for (var g = 0; g < groupMap.Length; g++)
        {
            if (present.GetValue(g))
            {
                _products[groupMap[g]] *= products[g];
                _present[groupMap[g]] = true;
            }
        }
    }

    public override IReadOnlyList<Column> ExportState(int groupCount) =>
        [new DoubleColumn(_products[..groupCount]), BoolColumn.FromValues(_present.AsSpan(0, groupCount))];

    public override Column Finalize(int groupCount) =>
        new DoubleColumn(_products[..groupCount], ValidityFrom(_present.AsSpan(0, groupCount)));
}
