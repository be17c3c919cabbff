using System.Numerics;
using Engine.Core.Columns;

namespace Engine.Core.Execution;

/// <summary>
/// Assigns dense group ids (0, 1, 2, …) to distinct composite group keys with an open-addressing hash
/// table. Each key part is stored as an int64 (strings as ids into a table-wide string list, doubles as
/// normalized bits) plus a NULL flag, so NULL is a group of its own as in SQL. With no key parts there is
/// exactly one group (a global aggregate). A single string key is mapped once per dictionary code, not
/// once per row. Not thread-safe.
/// </summary>
internal sealed class GroupKeyTable
{
    private readonly DataType[] _types;
    private readonly int _width;
    private readonly Dictionary<string, int> _stringIds = new(StringComparer.Ordinal);
    private readonly List<string> _strings = [];
    private readonly long[] _scratch;
    private long[] _keys;
    private ulong[] _nullMasks;
    private int[] _slots;
    private int _count;

    /// <summary>Creates a table for keys of the given part types (at most 64 parts).</summary>
    public GroupKeyTable(IReadOnlyList<DataType> types)
        : this(types, expectedGroups: 16)
    {
    }

    /// <summary>
    /// Creates a table sized for <paramref name="expectedGroups"/> groups, so a merge that knows its group count
    /// up front (the sum over its partials) fills it without growing and re-hashing.
    /// </summary>
    public GroupKeyTable(IReadOnlyList<DataType> types, int expectedGroups)
    {
        if (types.Count > 64)
        {
            throw new ArgumentOutOfRangeException(nameof(types), "At most 64 GROUP BY keys are supported.");
        }

        _types = [.. types];
        _width = _types.Length;
        _scratch = new long[_width];
        var groups = Math.Max(16, expectedGroups);
        _keys = new long[Math.Max(1, _width) * groups];
        _nullMasks = new ulong[groups];
        _slots = new int[(int)Math.Min(1 << 30, BitOperations.RoundUpToPowerOf2((uint)groups) * 2)];
        _count = _width == 0 ? 1 : 0;
    }

    /// <summary>The number of distinct groups seen so far.</summary>
    public int Count => _count;

    /// <summary>The key part types.</summary>
    public IReadOnlyList<DataType> Types => _types;

    /// <summary>Writes the group id of each row of the dense key columns into <paramref name="groupIds"/>, adding new groups.</summary>
    public void Map(IReadOnlyList<Column> keyColumns, Span<int> groupIds)
    {
        if (_width == 0)
        {
            groupIds.Clear();
            return;
        }

        if (_width == 1 && keyColumns[0] is StringColumn strings)
        {
            MapSingleString(strings, groupIds);
            return;
        }

        var stringMaps = new int[]?[_width];
        for (var k = 0; k < _width; k++)
        {
            if (keyColumns[k] is StringColumn column)
            {
                stringMaps[k] = GlobalStringIds(column);
            }
        }

        for (var row = 0; row < groupIds.Length; row++)
        {
            ulong nulls = 0;
            for (var k = 0; k < _width; k++)
            {
                var column = keyColumns[k];
                if (column.IsNull(row))
                {
                    nulls |= 1UL << k;
                    _scratch[k] = 0;
                    continue;
                }

                _scratch[k] = column switch
                {
                    Int64Column ints => ints.Values[row],
                    DoubleColumn doubles => NormalizedBits(doubles.Values[row]),
                    StringColumn text => stringMaps[k]![text.Codes[row]],
                    BoolColumn bools => bools.GetValue(row) ? 1 : 0,
                    _ => throw new InvalidOperationException($"Cannot group by {column.Type.SqlName()}."),
                };
            }

            groupIds[row] = FindOrAdd(_scratch, nulls);
        }
    }

    /// <summary>The distinct keys as columns, one row per group in group-id order.</summary>
    public IReadOnlyList<Column> ToColumns()
    {
        var columns = new Column[_width];
        for (var k = 0; k < _width; k++)
        {
            byte[]? validity = null;
            for (var g = 0; g < _count; g++)
            {
                if ((_nullMasks[g] & (1UL << k)) != 0)
                {
                    validity ??= ValidityBitmap.Create(_count, allValid: true);
                    ValidityBitmap.Set(validity, g, false);
                }
            }

            switch (_types[k].Physical)
            {
                case PhysicalKind.Int64:
                {
                    var values = new long[_count];
                    for (var g = 0; g < _count; g++)
                    {
                        values[g] = _keys[(g * _width) + k];
                    }

                    columns[k] = new Int64Column(values, validity, _types[k]);
                    break;
                }

                case PhysicalKind.Double:
                {
                    var values = new double[_count];
                    for (var g = 0; g < _count; g++)
                    {
                        values[g] = BitConverter.Int64BitsToDouble(_keys[(g * _width) + k]);
                    }

                    columns[k] = new DoubleColumn(values, validity);
                    break;
                }

                case PhysicalKind.Bool:
                {
                    var values = new bool[_count];
                    for (var g = 0; g < _count; g++)
                    {
                        values[g] = _keys[(g * _width) + k] != 0;
                    }

                    columns[k] = BoolColumn.FromValues(values, validity);
                    break;
                }

                default:
                {
                    var codes = new int[_count];
                    for (var g = 0; g < _count; g++)
                    {
                        codes[g] = (int)_keys[(g * _width) + k];
                    }

                    columns[k] = new StringColumn(codes, 0, _count, [.. _strings], validity);
                    break;
                }
            }
        }

        return columns;
    }

    private void MapSingleString(StringColumn column, Span<int> groupIds)
    {
        var globalIds = GlobalStringIds(column);
        var codeGroups = new int[column.Dictionary.Count];
        codeGroups.AsSpan().Fill(-1);
        var nullGroup = -1;
        var codes = column.Codes;
        var hasNulls = column.HasNulls;
        for (var row = 0; row < groupIds.Length; row++)
        {
            if (hasNulls && column.IsNull(row))
            {
                if (nullGroup < 0)
                {
                    _scratch[0] = 0;
                    nullGroup = FindOrAdd(_scratch, 1);
                }

                groupIds[row] = nullGroup;
                continue;
            }

            var code = codes[row];
            var group = codeGroups[code];
            if (group < 0)
            {
                _scratch[0] = globalIds[code];
                group = FindOrAdd(_scratch, 0);
                codeGroups[code] = group;
            }

            groupIds[row] = group;
        }
    }

    private int[] GlobalStringIds(StringColumn column)
    {
        var ids = new int[column.Dictionary.Count];
        for (var code = 0; code < ids.Length; code++)
        {
            var text = column.Dictionary[code];
            if (!_stringIds.TryGetValue(text, out var id))
            {
                id = _strings.Count;
                _strings.Add(text);
                _stringIds.Add(text, id);
            }

            ids[code] = id;
        }

        return ids;
    }

    /// <summary>The table-wide id of <paramref name="text"/> as a string key part, adding it when new.</summary>
    public long StringId(string text)
    {
        if (!_stringIds.TryGetValue(text, out var id))
        {
            id = _strings.Count;
            _strings.Add(text);
            _stringIds.Add(text, id);
        }

        return id;
    }

    /// <summary>
    /// The group id of the composite key <paramref name="key"/> (one int64 per part, strings as
    /// <see cref="StringId"/>s) with NULL parts flagged in <paramref name="nulls"/>, adding the group when new.
    /// </summary>
    public int FindOrAdd(long[] key, ulong nulls)
    {
        var hash = Hash(key, nulls);
        var mask = _slots.Length - 1;
        var slot = (int)(hash & (uint)mask);
        while (true)
        {
            var entry = _slots[slot];
            if (entry == 0)
            {
                return Add(key, nulls, slot);
            }

            var group = entry - 1;
            if (_nullMasks[group] == nulls && key.AsSpan().SequenceEqual(_keys.AsSpan(group * _width, _width)))
            {
                return group;
            }

            slot = (slot + 1) & mask;
        }
    }

    private int Add(long[] key, ulong nulls, int slot)
    {
        var group = _count++;
        if (_keys.Length < _count * _width)
        {
            Array.Resize(ref _keys, _keys.Length * 2);
        }

        if (_nullMasks.Length < _count)
        {
            Array.Resize(ref _nullMasks, _nullMasks.Length * 2);
        }

        key.AsSpan().CopyTo(_keys.AsSpan(group * _width, _width));
        _nullMasks[group] = nulls;
        _slots[slot] = group + 1;
        if (_count * 2 > _slots.Length)
        {
            Rehash();
        }

        return group;
    }

    private void Rehash()
    {
        _slots = new int[_slots.Length * 2];
        var mask = _slots.Length - 1;
        var key = new long[_width];
        for (var group = 0; group < _count; group++)
        {
            _keys.AsSpan(group * _width, _width).CopyTo(key);
            var slot = (int)(Hash(key, _nullMasks[group]) & (uint)mask);
            while (_slots[slot] != 0)
            {
                slot = (slot + 1) & mask;
            }

            _slots[slot] = group + 1;
        }
    }

    private static ulong Hash(long[] key, ulong nulls)
    {
        var hash = 0x9E3779B97F4A7C15UL ^ nulls;
        foreach (var part in key)
        {
            hash = BitOperations.RotateLeft(hash ^ (ulong)part, 27) * 0xC2B2AE3D27D4EB4FUL;
        }

        return hash ^ (hash >> 31);
    }

    private static long NormalizedBits(double value) =>
        value == 0 ? 0 : double.IsNaN(value) ? BitConverter.DoubleToInt64Bits(double.NaN) : BitConverter.DoubleToInt64Bits(value);
}
