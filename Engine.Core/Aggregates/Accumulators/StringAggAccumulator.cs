using System.Text;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>
/// string_agg(x, separator): per group the non-NULL values joined by the separator in arrival order. State:
/// [VARCHAR joined so far], NULL for a group without values; merging joins this group's text, the
/// separator and the other's, so the order is the order rows reached the accumulators (not deterministic
/// across threads, as in DuckDB without ORDER BY).
/// </summary>
/// <param name="separator">The constant separator; null makes every answer NULL, as DuckDB does.</param>
internal sealed class StringAggAccumulator(string? separator) : GroupedAccumulator
{
    private StringBuilder?[] _texts = new StringBuilder?[16];

    public override void EnsureGroups(int groupCount) => Grow(ref _texts, groupCount);

    public override void Update(ReadOnlySpan<int> groupIds, ReadOnlySpan<Column> arguments)
    {
        var values = (StringColumn)arguments[0];
        var check = values.HasNulls;
        for (var i = 0; i < groupIds.Length; i++)
        {
            if (!check || !values.IsNull(i))
            {
                Append(groupIds[i], values.GetValue(i));
            }
        }
    }

    public override void Merge(IReadOnlyList<Column> state, ReadOnlySpan<int> groupMap)
    {
        var texts = (StringColumn)state[0];
        for (var g = 0; g < groupMap.Length; g++)
        {
            if (!texts.IsNull(g))
            {
                Append(groupMap[g], texts.GetValue(g));
            }
        }
    }

    public override IReadOnlyList<Column> ExportState(int groupCount) => [Texts(groupCount, all: true)];

    public override Column Finalize(int groupCount) => Texts(groupCount, all: separator is not null);

    private void Append(int group, string value)
    {
        if (_texts[group] is { } text)
        {
            text.Append(separator).Append(value);
        }
        else
        {
            _texts[group] = new StringBuilder(value);
        }
    }

    private StringColumn Texts(int groupCount, bool all)
    {
        var texts = new string?[groupCount];
        for (var g = 0; g < groupCount && all; g++)
        {
            texts[g] = _texts[g]?.ToString();
        }

        return StringColumn.FromValues(texts);
    }
}
