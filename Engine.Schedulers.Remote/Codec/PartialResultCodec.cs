using Engine.Core.Aggregates;
using Engine.Core.Columns;
using Engine.Core.Execution;
using Engine.Schedulers.Remote.MessagePack;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Schedulers.Remote.Codec;

/// <summary>
/// Encodes a <see cref="PartialResult"/> column by column (see <see cref="ColumnCodec"/>), never one map
/// per group. A <see cref="GroupPartial"/>: <c>[0, rowsScanned, groupCount, [keyType, ...], [keyColumn, ...], [aggregate, ...], [[stateColumn, ...], ...]]</c>
/// (aggregates as <see cref="FragmentCodec.WriteAggregate"/> writes them); a <see cref="RowPartial"/>:
/// <c>[1, rowsScanned, rowCount, [field, ...], [column, ...]]</c>. Reading binds the aggregates with the
/// reader's <see cref="Core.Functions.FunctionRegistry"/> and checks that every key and state column has the
/// declared group count and the type the aggregate's kernel prescribes, that a distinct state's group ids
/// name existing groups, and that every row column has the row count, throwing
/// <see cref="ProtocolException"/> otherwise. Stateless and thread-safe.
/// </summary>
internal static class PartialResultCodec
{
    private const int GroupsKind = 0;
    private const int RowsKind = 1;
    private const int GroupsFields = 7;
    private const int RowsFields = 5;

    /// <summary>Writes <paramref name="partial"/>.</summary>
    public static void Write(MessagePackWriter writer, PartialResult partial)
    {
        ArgumentNullException.ThrowIfNull(partial);
        if (partial is RowPartial { Rows: var rows })
        {
            writer.WriteArrayHeader(RowsFields);
            writer.WriteInt32(RowsKind);
            writer.WriteInt64(partial.RowsScanned);
            writer.WriteInt32(rows.RowCount);
            writer.WriteArrayHeader(rows.Schema.Count);
            foreach (var field in rows.Schema.Fields)
            {
                writer.WriteArrayHeader(3);
                writer.WriteString(field.Name);
                CodecChecks.WriteDataType(writer, field.Type);
                writer.WriteBoolean(field.Nullable);
            }

            WriteColumns(writer, rows.Columns);
            return;
        }

        var groups = (GroupPartial)partial;
        writer.WriteArrayHeader(GroupsFields);
        writer.WriteInt32(GroupsKind);
        writer.WriteInt64(partial.RowsScanned);
        writer.WriteInt32(groups.GroupCount);
        writer.WriteArrayHeader(groups.KeyTypes.Count);
        foreach (var type in groups.KeyTypes)
        {
            CodecChecks.WriteDataType(writer, type);
        }

        WriteColumns(writer, groups.Keys);
        writer.WriteArrayHeader(groups.Aggregates.Count);
        foreach (var call in groups.Aggregates)
        {
            FragmentCodec.WriteAggregate(writer, call);
        }

        writer.WriteArrayHeader(groups.States.Count);
        foreach (var state in groups.States)
        {
            WriteColumns(writer, state);
        }
    }

    /// <summary>Reads a partial written by <see cref="Write"/>, binding its aggregates with <paramref name="functions"/>.</summary>
    public static PartialResult Read(ref MessagePackReader reader, Core.Functions.FunctionRegistry functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var start = reader.Consumed;
        var count = reader.ReadArrayHeader();
        var kind = CodecChecks.ReadTag(ref reader, RowsKind, "partial result kind");
        var expected = kind == RowsKind ? RowsFields : GroupsFields;
        if (count != expected)
        {
            throw CodecChecks.Error(start, $"a partial result of this kind is an array of {expected} elements, this one has {count}");
        }

        var rowsScanned = reader.ReadInt64();
        if (rowsScanned < 0)
        {
            throw CodecChecks.Error(start, $"rows scanned cannot be negative, got {rowsScanned}");
        }

        return kind == RowsKind ? ReadRows(ref reader, rowsScanned) : ReadGroups(ref reader, start, rowsScanned, functions);
    }

    private static RowPartial ReadRows(ref MessagePackReader reader, long rowsScanned)
    {
        var rowCount = CodecChecks.ReadCount(ref reader, "a row count");
        var fields = new Field[reader.ReadArrayHeader()];
        for (var i = 0; i < fields.Length; i++)
        {
            CodecChecks.ReadArray(ref reader, 3, "a field");
            var name = reader.ReadString();
            var type = CodecChecks.ReadDataType(ref reader);
            fields[i] = new Field(name, type, reader.ReadBoolean());
        }

        var columnsOffset = reader.Consumed;
        var columns = ReadColumns(ref reader);
        if (columns.Length != fields.Length)
        {
            throw CodecChecks.Error(columnsOffset, $"{fields.Length} fields but {columns.Length} columns");
        }

        for (var i = 0; i < columns.Length; i++)
        {
            if (columns[i].Length != rowCount || columns[i].Type != fields[i].Type)
            {
                throw CodecChecks.Error(columnsOffset,
                    $"column {i} is {columns[i].Length} rows of {columns[i].Type.SqlName()}, expected {rowCount} rows of {fields[i].Type.SqlName()}");
            }
        }

        Schema schema;
        try
        {
            schema = new Schema(fields);
        }
        catch (ArgumentException ex)
        {
            throw new ProtocolException($"Bad payload at offset {columnsOffset}: {ex.Message}", ex);
        }

        return new RowPartial(new ColumnBatch(schema, columns, rowCount), rowsScanned);
    }

    private static GroupPartial ReadGroups(ref MessagePackReader reader, long start, long rowsScanned, Core.Functions.FunctionRegistry functions)
    {
        var groupCount = CodecChecks.ReadCount(ref reader, "a group count");
        var keyTypes = new DataType[reader.ReadArrayHeader()];
        for (var i = 0; i < keyTypes.Length; i++)
        {
            keyTypes[i] = CodecChecks.ReadDataType(ref reader);
        }

        var keysOffset = reader.Consumed;
        var keys = ReadColumns(ref reader);
        if (keys.Length != keyTypes.Length)
        {
            throw CodecChecks.Error(keysOffset, $"{keyTypes.Length} key types but {keys.Length} key columns");
        }

        for (var k = 0; k < keys.Length; k++)
        {
            if (keys[k].Length != groupCount || keys[k].Type != keyTypes[k])
            {
                throw CodecChecks.Error(keysOffset,
                    $"key column {k} is {keys[k].Length} rows of {keys[k].Type.SqlName()}, expected {groupCount} rows of {keyTypes[k].SqlName()}");
            }
        }

        var aggregates = new AggregateCall[reader.ReadArrayHeader()];
        for (var i = 0; i < aggregates.Length; i++)
        {
            aggregates[i] = FragmentCodec.ReadAggregate(ref reader, functions);
        }

        var statesOffset = reader.Consumed;
        var stateCount = reader.ReadArrayHeader();
        if (stateCount != aggregates.Length)
        {
            throw CodecChecks.Error(statesOffset, $"{aggregates.Length} aggregates but {stateCount} states");
        }

        var states = new IReadOnlyList<Column>[stateCount];
        for (var a = 0; a < stateCount; a++)
        {
            var stateOffset = reader.Consumed;
            var state = ReadColumns(ref reader);
            CheckState(aggregates[a], state, groupCount, stateOffset);
            states[a] = state;
        }

        try
        {
            return new GroupPartial(keyTypes, keys, groupCount, aggregates, states, rowsScanned);
        }
        catch (ArgumentException ex)
        {
            throw new ProtocolException($"Bad payload at offset {start}: {ex.Message}", ex);
        }
    }

    private static void CheckState(AggregateCall call, Column[] state, int groupCount, long offset)
    {
        var types = call.Kernel.StateTypes;
        if (state.Length != types.Count)
        {
            throw CodecChecks.Error(offset, $"the state of {call} has {types.Count} columns, this one has {state.Length}");
        }

        for (var c = 0; c < state.Length; c++)
        {
            if (state[c].Type != types[c])
            {
                throw CodecChecks.Error(offset, $"state column {c} of {call} must be {types[c].SqlName()}, got {state[c].Type.SqlName()}");
            }
        }

        if (call.Kernel.StateHasRowPerGroup)
        {
            for (var c = 0; c < state.Length; c++)
            {
                if (state[c].Length != groupCount)
                {
                    throw CodecChecks.Error(offset, $"state column {c} of {call} has {state[c].Length} rows for {groupCount} groups");
                }
            }

            return;
        }

        // DISTINCT: (group id, value…) rows; every group id must name a group of this partial.
        if (state.Length == 0 || state[0].HasNulls || state.Any(c => c.Length != state[0].Length))
        {
            throw CodecChecks.Error(offset, $"the state of {call} needs non-NULL group ids and value columns of their length");
        }

        var ids = ((Int64Column)state[0]).Values;
        for (var i = 0; i < ids.Length; i++)
        {
            if ((ulong)ids[i] >= (ulong)groupCount)
            {
                throw CodecChecks.Error(offset, $"the state of {call} names group {ids[i]} at entry {i}; there are {groupCount} groups");
            }
        }
    }

    private static void WriteColumns(MessagePackWriter writer, IReadOnlyList<Column> columns)
    {
        writer.WriteArrayHeader(columns.Count);
        foreach (var column in columns)
        {
            ColumnCodec.Write(writer, column);
        }
    }

    private static Column[] ReadColumns(ref MessagePackReader reader)
    {
        var columns = new Column[reader.ReadArrayHeader()];
        for (var i = 0; i < columns.Length; i++)
        {
            columns[i] = ColumnCodec.Read(ref reader);
        }

        return columns;
    }
}
