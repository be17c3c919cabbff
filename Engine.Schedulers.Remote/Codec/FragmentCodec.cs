using System.Buffers;
using Engine.Core.Aggregates;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Expressions;
using Engine.Core.Functions;
using Engine.Core.Pipelines;
using Engine.Core.Planning;
using Engine.Schedulers.Remote.MessagePack;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Schedulers.Remote.Codec;

/// <summary>
/// Encodes a <see cref="QueryFragment"/>: <c>[queryId, fragmentId, plan, [scan, ...]]</c> where the query id
/// is a 16-byte bin (the GUID in RFC 4122 byte order), the plan is its pipeline
/// <c>[table, [field, ...], [operator, ...], sink]</c>, a field is <c>[name, type, nullable]</c>, an operator
/// <c>["Filter", predicate]</c> or <c>["Project", [expression, ...], [name, ...]]</c>, a sink
/// <c>["Aggregate", [key, ...], [aggregate, ...]]</c> or <c>["Collect", [field, ...], [sortKey, ...], limit|nil]</c>,
/// an aggregate <c>[wireName, distinct, [argument, ...], resultType, filter|nil]</c> (bound again by the reader's
/// <see cref="FunctionRegistry"/>), a sort key <c>[column, descending, nullsFirst]</c> and a scan
/// <c>[table, partitionId, [column, ...], rowStart, rowCount, identity|nil]</c> with the identity of the partition
/// the coordinator planned against as <c>[rowCount, byteSize (-1 = not a file), version|nil]</c>. Reading checks every count, tag and range
/// and throws <see cref="ProtocolException"/>; an aggregate or function the reader lacks is an
/// <see cref="UnsupportedFeatureException"/> naming it. Stateless and thread-safe.
/// </summary>
internal static class FragmentCodec
{
    private const int FragmentFields = 4;
    private const int PlanFields = 4;
    private const int ScanFields = 6;

    /// <summary>Writes <paramref name="fragment"/>.</summary>
    public static void Write(MessagePackWriter writer, QueryFragment fragment)
    {
        ArgumentNullException.ThrowIfNull(fragment);
        writer.WriteArrayHeader(FragmentFields);
        WriteGuid(writer, fragment.QueryId);
        writer.WriteInt32(fragment.FragmentId);
        WritePlan(writer, fragment.Plan);
        writer.WriteArrayHeader(fragment.Scans.Count);
        foreach (var scan in fragment.Scans)
        {
            writer.WriteArrayHeader(ScanFields);
            writer.WriteString(scan.Table);
            writer.WriteString(scan.PartitionId);
            writer.WriteArrayHeader(scan.Columns.Count);
            foreach (var column in scan.Columns)
            {
                writer.WriteString(column);
            }

            writer.WriteInt64(scan.RowStart);
            writer.WriteInt64(scan.RowCount);
            WriteIdentity(writer, scan.Expected);
        }
    }

    /// <summary>Reads a fragment written by <see cref="Write"/>, binding its calls with <paramref name="functions"/>.</summary>
    public static QueryFragment Read(ref MessagePackReader reader, FunctionRegistry functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        CodecChecks.ReadArray(ref reader, FragmentFields, "a fragment");
        var queryId = ReadGuid(ref reader);
        var fragmentId = CodecChecks.ReadCount(ref reader, "a fragment id");
        FragmentPlan plan;
        try
        {
            plan = ReadPlan(ref reader, functions);
        }
        catch (UnsupportedFeatureException ex)
        {
            throw new RejectedFragmentException(queryId, fragmentId, ex);
        }

        var scans = new PartitionScan[reader.ReadArrayHeader()];
        for (var i = 0; i < scans.Length; i++)
        {
            CodecChecks.ReadArray(ref reader, ScanFields, "a partition scan");
            var table = reader.ReadString();
            var partition = reader.ReadString();
            var columns = ReadStrings(ref reader);
            var rangeOffset = reader.Consumed;
            var rowStart = reader.ReadInt64();
            var rowCount = reader.ReadInt64();
            if (rowStart < 0 || rowCount < 0 || rowStart > long.MaxValue - rowCount)
            {
                throw CodecChecks.Error(rangeOffset, $"scan row range start {rowStart} count {rowCount} is not a valid range");
            }

            scans[i] = new PartitionScan(table, partition, columns, rowStart, rowCount) { Expected = ReadIdentity(ref reader) };
        }

        return new QueryFragment(queryId, fragmentId, plan, scans);
    }

    /// <summary>Writes an aggregate call as <c>[wireName, distinct, [argument, ...], resultType, filter|nil]</c>.</summary>
    public static void WriteAggregate(MessagePackWriter writer, AggregateCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        writer.WriteArrayHeader(5);
        writer.WriteString(call.Function.WireName);
        writer.WriteBoolean(call.Distinct);
        WriteExpressions(writer, call.Arguments);
        CodecChecks.WriteDataType(writer, call.ResultType);
        ExpressionCodec.WriteOptional(writer, call.Filter);
    }

    /// <summary>Reads an aggregate call written by <see cref="WriteAggregate"/>, binding it with <paramref name="functions"/>.</summary>
    public static AggregateCall ReadAggregate(ref MessagePackReader reader, FunctionRegistry functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        var start = reader.Consumed;
        CodecChecks.ReadArray(ref reader, 5, "an aggregate call");
        var name = reader.ReadString();
        var distinct = reader.ReadBoolean();
        var arguments = ReadExpressions(ref reader, functions);
        var resultType = CodecChecks.ReadDataType(ref reader);
        var filter = ExpressionCodec.ReadOptional(ref reader, functions);
        if (filter is not null && filter.Type != DataType.Bool)
        {
            throw CodecChecks.Error(start, $"the FILTER of {name} is {filter.Type.SqlName()}, not BOOLEAN");
        }
        if (!functions.TryGetAggregateByWireName(name, out var function))
        {
            throw new UnsupportedFeatureException($"aggregate function '{name}'", "this worker does not have it (is it registered on the coordinator only?)");
        }

        AggregateCall call;
        try
        {
            call = AggregateCall.Bind(function, new AggregateBindContext(function.Name, arguments), distinct, filter);
        }
        catch (QueryBindException ex)
        {
            throw CodecChecks.Error(start, $"the call of {name} does not bind here: {ex.Message}");
        }

        if (call.ResultType != resultType || !call.Arguments.SequenceEqual(arguments))
        {
            throw CodecChecks.Error(start, $"{name} binds to {call.ResultType.SqlName()} here, the sender bound it to {resultType.SqlName()}");
        }

        return call;
    }

    /// <summary>Writes a GUID as a 16-byte bin in RFC 4122 (big-endian) byte order.</summary>
    public static void WriteGuid(MessagePackWriter writer, Guid value)
    {
        Span<byte> bytes = stackalloc byte[16];
        value.TryWriteBytes(bytes, bigEndian: true, out _);
        writer.WriteBinary(bytes);
    }

    /// <summary>Reads a GUID written by <see cref="WriteGuid"/>.</summary>
    public static Guid ReadGuid(ref MessagePackReader reader)
    {
        var offset = reader.Consumed;
        var bytes = reader.ReadBytes();
        if (bytes.Length != 16)
        {
            throw CodecChecks.Error(offset, $"a query id is 16 bytes, got {bytes.Length}");
        }

        Span<byte> span = stackalloc byte[16];
        bytes.CopyTo(span);
        return new Guid(span, bigEndian: true);
    }

    private static void WriteIdentity(MessagePackWriter writer, PartitionIdentity? identity)
    {
        if (identity is null)
        {
            writer.WriteNil();
            return;
        }

        writer.WriteArrayHeader(3);
        writer.WriteInt64(identity.RowCount);
        writer.WriteInt64(identity.ByteSize);
        if (identity.Version is { } version)
        {
            writer.WriteString(version);
        }
        else
        {
            writer.WriteNil();
        }
    }

    private static PartitionIdentity? ReadIdentity(ref MessagePackReader reader)
    {
        if (reader.TryReadNil())
        {
            return null;
        }

        CodecChecks.ReadArray(ref reader, 3, "a partition identity");
        var offset = reader.Consumed;
        var rows = reader.ReadInt64();
        var bytes = reader.ReadInt64();
        if (rows < 0 || bytes < -1)
        {
            throw CodecChecks.Error(offset, $"a partition identity of {rows} rows and {bytes} bytes is not valid");
        }

        var version = reader.TryReadNil() ? null : reader.ReadString();
        return new PartitionIdentity(rows, bytes, version);
    }

    private static void WritePlan(MessagePackWriter writer, FragmentPlan plan)
    {
        writer.WriteArrayHeader(PlanFields);
        writer.WriteString(plan.Table);
        WriteFields(writer, plan.ScanFields);
        writer.WriteArrayHeader(plan.Operators.Count);
        foreach (var step in plan.Operators)
        {
            switch (step)
            {
                case FilterOperator filter:
                    writer.WriteArrayHeader(2);
                    writer.WriteString(filter.Name);
                    ExpressionCodec.Write(writer, filter.Predicate);
                    break;
                case ProjectOperator project:
                    writer.WriteArrayHeader(3);
                    writer.WriteString(project.Name);
                    WriteExpressions(writer, project.Expressions);
                    writer.WriteArrayHeader(project.Names.Count);
                    foreach (var name in project.Names)
                    {
                        writer.WriteString(name);
                    }

                    break;
                default:
                    throw new ArgumentException($"The {step.Name} operator cannot run inside a fragment.", nameof(plan));
            }
        }

        switch (plan.Sink)
        {
            case AggregateSink aggregate:
                writer.WriteArrayHeader(3);
                writer.WriteString(aggregate.Name);
                WriteExpressions(writer, aggregate.GroupKeys);
                writer.WriteArrayHeader(aggregate.Aggregates.Count);
                foreach (var call in aggregate.Aggregates)
                {
                    WriteAggregate(writer, call);
                }

                break;
            case CollectSink collect:
                writer.WriteArrayHeader(4);
                writer.WriteString(collect.Name);
                WriteFields(writer, collect.Rows.Fields);
                writer.WriteArrayHeader(collect.OrderBy.Count);
                foreach (var key in collect.OrderBy)
                {
                    writer.WriteArrayHeader(3);
                    writer.WriteInt32(key.Column);
                    writer.WriteBoolean(key.Descending);
                    writer.WriteBoolean(key.NullsFirst);
                }

                if (collect.Limit is { } limit)
                {
                    writer.WriteInt64(limit);
                }
                else
                {
                    writer.WriteNil();
                }

                break;
            default:
                throw new ArgumentException($"The {plan.Sink.Name} sink has no wire encoding.", nameof(plan));
        }
    }

    private static FragmentPlan ReadPlan(ref MessagePackReader reader, FunctionRegistry functions)
    {
        CodecChecks.ReadArray(ref reader, PlanFields, "a fragment plan");
        var table = reader.ReadString();
        var fields = ReadFields(ref reader);
        var operators = new PipelineOperator[reader.ReadArrayHeader()];
        for (var i = 0; i < operators.Length; i++)
        {
            var start = reader.Consumed;
            var count = reader.ReadArrayHeader();
            var name = count > 0 ? reader.ReadString() : string.Empty;
            operators[i] = (name, count) switch
            {
                ("Filter", 2) => new FilterOperator(ExpressionCodec.Read(ref reader, functions)),
                ("Project", 3) => ReadProject(ref reader, functions, start),
                _ => throw CodecChecks.Error(start, $"'{name}' with {count - 1} fields is not an operator a fragment runs (Filter, Project)"),
            };
        }

        var sinkStart = reader.Consumed;
        var sinkCount = reader.ReadArrayHeader();
        var sinkName = sinkCount > 0 ? reader.ReadString() : string.Empty;
        SinkPlan sink = (sinkName, sinkCount) switch
        {
            ("Aggregate", 3) => ReadAggregateSink(ref reader, functions),
            ("Collect", 4) => ReadCollectSink(ref reader, sinkStart),
            _ => throw CodecChecks.Error(sinkStart, $"'{sinkName}' with {sinkCount - 1} fields is not a sink (Aggregate, Collect)"),
        };
        return new FragmentPlan(table, fields, operators, sink);
    }

    private static ProjectOperator ReadProject(ref MessagePackReader reader, FunctionRegistry functions, long start)
    {
        var expressions = ReadExpressions(ref reader, functions);
        var names = ReadStrings(ref reader);
        if (names.Length != expressions.Length)
        {
            throw CodecChecks.Error(start, $"a projection of {expressions.Length} expressions has {names.Length} names");
        }

        return new ProjectOperator(expressions, names);
    }

    private static AggregateSink ReadAggregateSink(ref MessagePackReader reader, FunctionRegistry functions)
    {
        var keys = ReadExpressions(ref reader, functions);
        var aggregates = new AggregateCall[reader.ReadArrayHeader()];
        for (var i = 0; i < aggregates.Length; i++)
        {
            aggregates[i] = ReadAggregate(ref reader, functions);
        }

        return new AggregateSink(keys, aggregates);
    }

    private static CollectSink ReadCollectSink(ref MessagePackReader reader, long start)
    {
        var fields = ReadFields(ref reader);
        var orderBy = new SortKey[reader.ReadArrayHeader()];
        for (var i = 0; i < orderBy.Length; i++)
        {
            CodecChecks.ReadArray(ref reader, 3, "a sort key");
            var columnOffset = reader.Consumed;
            var column = CodecChecks.ReadCount(ref reader, "a sort column");
            if (column >= fields.Length)
            {
                throw CodecChecks.Error(columnOffset, $"sort column {column} is not one of the {fields.Length} collected columns");
            }

            var descending = reader.ReadBoolean();
            orderBy[i] = new SortKey(column, descending, reader.ReadBoolean());
        }

        long? limit = null;
        if (!reader.TryReadNil())
        {
            var limitOffset = reader.Consumed;
            var value = reader.ReadInt64();
            limit = value >= 0 ? value : throw CodecChecks.Error(limitOffset, $"a LIMIT cannot be negative, got {value}");
        }

        try
        {
            return new CollectSink(new Schema(fields), orderBy, limit);
        }
        catch (ArgumentException ex)
        {
            throw CodecChecks.Error(start, ex.Message);
        }
    }

    private static void WriteFields(MessagePackWriter writer, IReadOnlyList<Field> fields)
    {
        writer.WriteArrayHeader(fields.Count);
        foreach (var field in fields)
        {
            writer.WriteArrayHeader(3);
            writer.WriteString(field.Name);
            CodecChecks.WriteDataType(writer, field.Type);
            writer.WriteBoolean(field.Nullable);
        }
    }

    private static Field[] ReadFields(ref MessagePackReader reader)
    {
        var fields = new Field[reader.ReadArrayHeader()];
        for (var i = 0; i < fields.Length; i++)
        {
            CodecChecks.ReadArray(ref reader, 3, "a field");
            var name = reader.ReadString();
            var type = CodecChecks.ReadDataType(ref reader);
            fields[i] = new Field(name, type, reader.ReadBoolean());
        }

        return fields;
    }

    private static void WriteExpressions(MessagePackWriter writer, IReadOnlyList<BoundExpression> expressions)
    {
        writer.WriteArrayHeader(expressions.Count);
        foreach (var expression in expressions)
        {
            ExpressionCodec.Write(writer, expression);
        }
    }

    private static BoundExpression[] ReadExpressions(ref MessagePackReader reader, FunctionRegistry functions)
    {
        var expressions = new BoundExpression[reader.ReadArrayHeader()];
        for (var i = 0; i < expressions.Length; i++)
        {
            expressions[i] = ExpressionCodec.Read(ref reader, functions);
        }

        return expressions;
    }

    private static string[] ReadStrings(ref MessagePackReader reader)
    {
        var values = new string[reader.ReadArrayHeader()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = reader.ReadString();
        }

        return values;
    }
}
