using System.Buffers;
using Engine.Core.Aggregates;
using Engine.Core.Catalog;
using Engine.Core.Columns;
using Engine.Core.Expressions;
using Engine.Core.Planning;
using Engine.Schedulers.Remote.MessagePack;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Schedulers.Remote.Codec;

/// <summary>
/// Encodes a <see cref="QueryFragment"/>: <c>[queryId, fragmentId, plan, [scan, ...]]</c> where the query id
/// is a 16-byte bin (the GUID in RFC 4122 byte order), the plan is
/// <c>[table, [field, ...], filter|nil, [groupKey, ...], [aggregate, ...], [projection, ...], [sortKey, ...], limit|nil, isAggregate]</c>,
/// a field is <c>[name, type, nullable]</c>, an aggregate <c>[kind, argument|nil, secondArgument|nil, resultType]</c>,
/// a sort key <c>[column, descending, nullsFirst]</c> and a scan <c>[table, partitionId, [column, ...], rowStart, rowCount]</c>.
/// Reading checks every count, tag and range and throws <see cref="ProtocolException"/>. Stateless and thread-safe.
/// </summary>
public static class FragmentCodec
{
    private const int FragmentFields = 4;
    private const int PlanFields = 9;

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
            writer.WriteArrayHeader(5);
            writer.WriteString(scan.Table);
            writer.WriteString(scan.PartitionId);
            writer.WriteArrayHeader(scan.Columns.Count);
            foreach (var column in scan.Columns)
            {
                writer.WriteString(column);
            }

            writer.WriteInt64(scan.RowStart);
            writer.WriteInt64(scan.RowCount);
        }
    }

    /// <summary>Reads a fragment written by <see cref="Write"/>.</summary>
    public static QueryFragment Read(ref MessagePackReader reader)
    {
        CodecChecks.ReadArray(ref reader, FragmentFields, "a fragment");
        var queryId = ReadGuid(ref reader);
        var fragmentId = CodecChecks.ReadCount(ref reader, "a fragment id");
        var plan = ReadPlan(ref reader);
        var scans = new PartitionScan[reader.ReadArrayHeader()];
        for (var i = 0; i < scans.Length; i++)
        {
            CodecChecks.ReadArray(ref reader, 5, "a partition scan");
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

            scans[i] = new PartitionScan(table, partition, columns, rowStart, rowCount);
        }

        return new QueryFragment(queryId, fragmentId, plan, scans);
    }

    /// <summary>Writes an aggregate call as <c>[kind, argument|nil, secondArgument|nil, resultType]</c>.</summary>
    public static void WriteAggregate(MessagePackWriter writer, AggregateCall call)
    {
        ArgumentNullException.ThrowIfNull(call);
        writer.WriteArrayHeader(4);
        writer.WriteInt32((int)call.Kind);
        ExpressionCodec.WriteOptional(writer, call.Argument);
        ExpressionCodec.WriteOptional(writer, call.SecondArgument);
        writer.WriteInt32((int)call.ResultType.Id);
    }

    /// <summary>Reads an aggregate call written by <see cref="WriteAggregate"/>.</summary>
    public static AggregateCall ReadAggregate(ref MessagePackReader reader)
    {
        var start = reader.Consumed;
        CodecChecks.ReadArray(ref reader, 4, "an aggregate call");
        var kind = (AggregateKind)CodecChecks.ReadTag(ref reader, (int)AggregateKind.Vwap, "aggregate kind");
        var argument = ExpressionCodec.ReadOptional(ref reader);
        var second = ExpressionCodec.ReadOptional(ref reader);
        var resultType = CodecChecks.ReadDataType(ref reader);
        var needsArgument = kind != AggregateKind.CountStar;
        if (needsArgument != argument is not null || (kind == AggregateKind.Vwap && second is null))
        {
            throw CodecChecks.Error(start, $"a {kind} aggregate has the wrong arguments");
        }

        return new AggregateCall(kind, argument, second, resultType);
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

    private static void WritePlan(MessagePackWriter writer, FragmentPlan plan)
    {
        writer.WriteArrayHeader(PlanFields);
        writer.WriteString(plan.Table);
        writer.WriteArrayHeader(plan.ScanFields.Count);
        foreach (var field in plan.ScanFields)
        {
            writer.WriteArrayHeader(3);
            writer.WriteString(field.Name);
            writer.WriteInt32((int)field.Type.Id);
            writer.WriteBoolean(field.Nullable);
        }

        ExpressionCodec.WriteOptional(writer, plan.Filter);
        WriteExpressions(writer, plan.GroupKeys);
        writer.WriteArrayHeader(plan.Aggregates.Count);
        foreach (var call in plan.Aggregates)
        {
            WriteAggregate(writer, call);
        }

        WriteExpressions(writer, plan.Projections);
        writer.WriteArrayHeader(plan.OrderBy.Count);
        foreach (var key in plan.OrderBy)
        {
            writer.WriteArrayHeader(3);
            writer.WriteInt32(key.Column);
            writer.WriteBoolean(key.Descending);
            writer.WriteBoolean(key.NullsFirst);
        }

        if (plan.Limit is { } limit)
        {
            writer.WriteInt64(limit);
        }
        else
        {
            writer.WriteNil();
        }

        writer.WriteBoolean(plan.IsAggregate);
    }

    private static FragmentPlan ReadPlan(ref MessagePackReader reader)
    {
        CodecChecks.ReadArray(ref reader, PlanFields, "a fragment plan");
        var table = reader.ReadString();
        var fields = new Field[reader.ReadArrayHeader()];
        for (var i = 0; i < fields.Length; i++)
        {
            CodecChecks.ReadArray(ref reader, 3, "a field");
            var name = reader.ReadString();
            var type = CodecChecks.ReadDataType(ref reader);
            fields[i] = new Field(name, type, reader.ReadBoolean());
        }

        var filter = ExpressionCodec.ReadOptional(ref reader);
        var groupKeys = ReadExpressions(ref reader);
        var aggregates = new AggregateCall[reader.ReadArrayHeader()];
        for (var i = 0; i < aggregates.Length; i++)
        {
            aggregates[i] = ReadAggregate(ref reader);
        }

        var projections = ReadExpressions(ref reader);
        var orderBy = new SortKey[reader.ReadArrayHeader()];
        for (var i = 0; i < orderBy.Length; i++)
        {
            CodecChecks.ReadArray(ref reader, 3, "a sort key");
            var column = CodecChecks.ReadCount(ref reader, "a sort column");
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

        return new FragmentPlan(table, fields, filter, groupKeys, aggregates, projections, orderBy, limit, reader.ReadBoolean());
    }

    private static void WriteExpressions(MessagePackWriter writer, IReadOnlyList<BoundExpression> expressions)
    {
        writer.WriteArrayHeader(expressions.Count);
        foreach (var expression in expressions)
        {
            ExpressionCodec.Write(writer, expression);
        }
    }

    private static BoundExpression[] ReadExpressions(ref MessagePackReader reader)
    {
        var expressions = new BoundExpression[reader.ReadArrayHeader()];
        for (var i = 0; i < expressions.Length; i++)
        {
            expressions[i] = ExpressionCodec.Read(ref reader);
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
