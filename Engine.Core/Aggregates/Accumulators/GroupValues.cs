using Engine.Core.Columns;
using Engine.Core.Execution.Kernels;

namespace Engine.Core.Aggregates.Accumulators;

/// <summary>One value slot per group of a given type, for min/max/first/last. Not thread-safe.</summary>
internal abstract class GroupValues
{
    /// <summary>Creates slots for values of <paramref name="type"/>.</summary>
    public static GroupValues Create(DataType type) => type.Id switch
    {
        TypeId.Int64 or TypeId.Timestamp or TypeId.Interval => new Int64GroupValues(type),
        TypeId.Double => new DoubleGroupValues(),
        TypeId.String => new StringGroupValues(),
        _ => new BoolGroupValues(),
    };

    /// <summary>Makes room for <paramref name="groupCount"/> groups.</summary>
    public abstract void EnsureGroups(int groupCount);

    /// <summary>Compares row <paramref name="row"/> of <paramref name="column"/> with the value held for <paramref name="group"/>.</summary>
    public abstract int CompareRowToGroup(Column column, int row, int group);

    /// <summary>Stores row <paramref name="row"/> of <paramref name="column"/> as the value of <paramref name="group"/>.</summary>
    public abstract void Set(int group, Column column, int row);

    /// <summary>The values of groups [0, present.Length) with NULL where <paramref name="present"/> is false.</summary>
    public abstract Column ToColumn(ReadOnlySpan<bool> present);

    private static byte[]? Validity(ReadOnlySpan<bool> present)
    {
        byte[]? validity = null;
        for (var g = 0; g < present.Length; g++)
        {
            if (!present[g])
            {
                validity ??= ValidityBitmap.Create(present.Length, allValid: true);
                ValidityBitmap.Set(validity, g, false);
            }
        }

        return validity;
    }

    private sealed class Int64GroupValues(DataType type) : GroupValues
    {
        private long[] _values = new long[16];

        public override void EnsureGroups(int groupCount)
        {
            if (_values.Length < groupCount)
            {
                Array.Resize(ref _values, Math.Max(groupCount, _values.Length * 2));
            }
        }

        public override int CompareRowToGroup(Column column, int row, int group) =>
            ((Int64Column)column).Values[row].CompareTo(_values[group]);

        public override void Set(int group, Column column, int row) => _values[group] = ((Int64Column)column).Values[row];

        public override Column ToColumn(ReadOnlySpan<bool> present) =>
            new Int64Column(_values[..present.Length], Validity(present), type);
    }

    private sealed class DoubleGroupValues : GroupValues
    {
        private double[] _values = new double[16];

        public override void EnsureGroups(int groupCount)
        {
            if (_values.Length < groupCount)
            {
                Array.Resize(ref _values, Math.Max(groupCount, _values.Length * 2));
            }
        }

        public override int CompareRowToGroup(Column column, int row, int group) =>
            DoubleOrder.Compare(((DoubleColumn)column).Values[row], _values[group]);

        public override void Set(int group, Column column, int row) => _values[group] = ((DoubleColumn)column).Values[row];

        public override Column ToColumn(ReadOnlySpan<bool> present) => new DoubleColumn(_values[..present.Length], Validity(present));
    }

    private sealed class StringGroupValues : GroupValues
    {
        private string[] _values = new string[16];

        public override void EnsureGroups(int groupCount)
        {
            if (_values.Length < groupCount)
            {
                Array.Resize(ref _values, Math.Max(groupCount, _values.Length * 2));
            }
        }

        public override int CompareRowToGroup(Column column, int row, int group) =>
            string.CompareOrdinal(((StringColumn)column).GetValue(row), _values[group]);

        public override void Set(int group, Column column, int row) => _values[group] = ((StringColumn)column).GetValue(row);

        public override Column ToColumn(ReadOnlySpan<bool> present)
        {
            var strings = new string?[present.Length];
            for (var g = 0; g < present.Length; g++)
            {
                strings[g] = present[g] ? _values[g] : null;
            }

            return StringColumn.FromValues(strings);
        }
    }

    private sealed class BoolGroupValues : GroupValues
    {
        private bool[] _values = new bool[16];

        public override void EnsureGroups(int groupCount)
        {
            if (_values.Length < groupCount)
            {
                Array.Resize(ref _values, Math.Max(groupCount, _values.Length * 2));
            }
        }

        public override int CompareRowToGroup(Column column, int row, int group) =>
            ((BoolColumn)column).GetValue(row).CompareTo(_values[group]);

        public override void Set(int group, Column column, int row) => _values[group] = ((BoolColumn)column).GetValue(row);

        public override Column ToColumn(ReadOnlySpan<bool> present) => BoolColumn.FromValues(_values.AsSpan(0, present.Length), Validity(present));
    }
}
