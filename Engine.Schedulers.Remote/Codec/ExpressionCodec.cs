using Engine.Core.Columns;
using Engine.Core.Expressions;
using Engine.Schedulers.Remote.MessagePack;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Schedulers.Remote.Codec;

/// <summary>
/// Encodes bound expression trees and scalars. An expression is an array whose first element is a node tag
/// (see <see cref="ExpressionTag"/>) followed by the node's fields and children; a scalar is
/// <c>[type, value]</c> with nil for NULL. Reading refuses unknown tags, wrong element counts, operator
/// values out of range and trees deeper than 64 levels, each with <see cref="ProtocolException"/>.
/// Stateless and thread-safe.
/// </summary>
public static class ExpressionCodec
{
    /// <summary>Writes <paramref name="expression"/>, or nil for <see langword="null"/>.</summary>
    public static void WriteOptional(MessagePackWriter writer, BoundExpression? expression)
    {
        if (expression is null)
        {
            writer.WriteNil();
            return;
        }

        Write(writer, expression);
    }

    /// <summary>Writes one expression tree.</summary>
    public static void Write(MessagePackWriter writer, BoundExpression expression)
    {
        switch (expression)
        {
            case ColumnReference column:
                Header(writer, ExpressionTag.Column, 3);
                writer.WriteInt32((int)column.Type.Id);
                writer.WriteInt32(column.Index);
                writer.WriteString(column.Name);
                break;
            case Literal literal:
                Header(writer, ExpressionTag.Literal, 1);
                WriteScalar(writer, literal.Value);
                break;
            case ArithmeticExpression arithmetic:
                Header(writer, ExpressionTag.Arithmetic, 4);
                writer.WriteInt32((int)arithmetic.Operator);
                writer.WriteInt32((int)arithmetic.Type.Id);
                Write(writer, arithmetic.Left);
                Write(writer, arithmetic.Right);
                break;
            case ComparisonExpression comparison:
                Header(writer, ExpressionTag.Comparison, 3);
                writer.WriteInt32((int)comparison.Operator);
                Write(writer, comparison.Left);
                Write(writer, comparison.Right);
                break;
            case LogicalExpression logical:
                Header(writer, ExpressionTag.Logical, 3);
                writer.WriteInt32((int)logical.Operator);
                Write(writer, logical.Left);
                Write(writer, logical.Right);
                break;
            case NotExpression not:
                Header(writer, ExpressionTag.Not, 1);
                Write(writer, not.Operand);
                break;
            case NegateExpression negate:
                Header(writer, ExpressionTag.Negate, 1);
                Write(writer, negate.Operand);
                break;
            case IsNullExpression isNull:
                Header(writer, ExpressionTag.IsNull, 2);
                writer.WriteBoolean(isNull.Negated);
                Write(writer, isNull.Operand);
                break;
            case InListExpression inList:
                Header(writer, ExpressionTag.InList, 3);
                writer.WriteBoolean(inList.Negated);
                Write(writer, inList.Operand);
                writer.WriteArrayHeader(inList.Values.Count);
                foreach (var value in inList.Values)
                {
                    WriteScalar(writer, value);
                }

                break;
            case CastExpression cast:
                Header(writer, ExpressionTag.Cast, 2);
                writer.WriteInt32((int)cast.Type.Id);
                Write(writer, cast.Operand);
                break;
            case TimeBucketExpression bucket:
                Header(writer, ExpressionTag.TimeBucket, 3);
                writer.WriteInt64(bucket.WidthMicros);
                writer.WriteInt64(bucket.OriginMicros);
                Write(writer, bucket.Timestamp);
                break;
            default:
                throw new ArgumentException($"A {expression.GetType().Name} cannot be encoded.", nameof(expression));
        }
    }

    /// <summary>Reads nil as <see langword="null"/>, anything else as an expression tree.</summary>
    public static BoundExpression? ReadOptional(ref MessagePackReader reader) =>
        reader.TryReadNil() ? null : Read(ref reader);

    /// <summary>Reads one expression tree written by <see cref="Write"/>.</summary>
    public static BoundExpression Read(ref MessagePackReader reader) => Read(ref reader, 1);

    /// <summary>Writes a scalar as <c>[type, value or nil]</c>.</summary>
    public static void WriteScalar(MessagePackWriter writer, ScalarValue value)
    {
        writer.WriteArrayHeader(2);
        writer.WriteInt32((int)value.Type.Id);
        if (value.IsNull)
        {
            writer.WriteNil();
            return;
        }

        switch (value.Type.Id)
        {
            case TypeId.Int64 or TypeId.Timestamp:
                writer.WriteInt64(value.Int64Value);
                break;
            case TypeId.Double:
                writer.WriteDouble(value.DoubleValue);
                break;
            case TypeId.Bool:
                writer.WriteBoolean(value.BoolValue);
                break;
            default:
                writer.WriteString(value.StringValue);
                break;
        }
    }

    /// <summary>Reads a scalar written by <see cref="WriteScalar"/>.</summary>
    public static ScalarValue ReadScalar(ref MessagePackReader reader)
    {
        CodecChecks.ReadArray(ref reader, 2, "a scalar");
        var type = CodecChecks.ReadDataType(ref reader);
        if (reader.TryReadNil())
        {
            return ScalarValue.Null(type);
        }

        return type.Id switch
        {
            TypeId.Int64 => ScalarValue.FromInt64(reader.ReadInt64()),
            TypeId.Timestamp => ScalarValue.FromTimestamp(reader.ReadInt64()),
            TypeId.Double => ScalarValue.FromDouble(reader.ReadDouble()),
            TypeId.Bool => ScalarValue.FromBool(reader.ReadBoolean()),
            _ => ScalarValue.FromString(reader.ReadString()),
        };
    }

    private static void Header(MessagePackWriter writer, ExpressionTag tag, int fields)
    {
        writer.WriteArrayHeader(1 + fields);
        writer.WriteInt32((int)tag);
    }

    private static BoundExpression Read(ref MessagePackReader reader, int depth)
    {
        var start = reader.Consumed;
        if (depth > CodecChecks.MaxExpressionDepth)
        {
            throw CodecChecks.Error(start, $"the expression tree is deeper than {CodecChecks.MaxExpressionDepth} levels");
        }

        var count = reader.ReadArrayHeader();
        if (count < 1)
        {
            throw CodecChecks.Error(start, "an expression node is an array that starts with its tag; this array is empty");
        }

        var tagOffset = reader.Consumed;
        var tag = reader.ReadInt64();
        var fields = tag switch
        {
            (long)ExpressionTag.Column or (long)ExpressionTag.Comparison or (long)ExpressionTag.Logical
                or (long)ExpressionTag.InList or (long)ExpressionTag.TimeBucket => 3,
            (long)ExpressionTag.Arithmetic => 4,
            (long)ExpressionTag.IsNull or (long)ExpressionTag.Cast => 2,
            (long)ExpressionTag.Literal or (long)ExpressionTag.Not or (long)ExpressionTag.Negate => 1,
            _ => throw CodecChecks.Error(tagOffset, $"unknown expression tag {tag} (known: 1..{(int)ExpressionTag.TimeBucket})"),
        };
        if (count != 1 + fields)
        {
            throw CodecChecks.Error(start, $"a {(ExpressionTag)tag} node has {fields} fields after its tag, this one has {count - 1}");
        }

        switch ((ExpressionTag)tag)
        {
            case ExpressionTag.Column:
            {
                var type = CodecChecks.ReadDataType(ref reader);
                var index = CodecChecks.ReadCount(ref reader, "a column index");
                return new ColumnReference(index, reader.ReadString(), type);
            }

            case ExpressionTag.Literal:
                return new Literal(ReadScalar(ref reader));
            case ExpressionTag.Arithmetic:
            {
                var op = (ArithmeticOperator)CodecChecks.ReadTag(ref reader, (int)ArithmeticOperator.Modulo, "arithmetic operator");
                var type = CodecChecks.ReadDataType(ref reader);
                var left = Read(ref reader, depth + 1);
                return new ArithmeticExpression(op, left, Read(ref reader, depth + 1), type);
            }

            case ExpressionTag.Comparison:
            {
                var op = (ComparisonOperator)CodecChecks.ReadTag(ref reader, (int)ComparisonOperator.GreaterOrEqual, "comparison operator");
                var left = Read(ref reader, depth + 1);
                return new ComparisonExpression(op, left, Read(ref reader, depth + 1));
            }

            case ExpressionTag.Logical:
            {
                var op = (LogicalOperator)CodecChecks.ReadTag(ref reader, (int)LogicalOperator.Or, "logical operator");
                var left = Read(ref reader, depth + 1);
                return new LogicalExpression(op, left, Read(ref reader, depth + 1));
            }

            case ExpressionTag.Not:
                return new NotExpression(Read(ref reader, depth + 1));
            case ExpressionTag.Negate:
                return new NegateExpression(Read(ref reader, depth + 1));
            case ExpressionTag.IsNull:
            {
                var negated = reader.ReadBoolean();
                return new IsNullExpression(Read(ref reader, depth + 1), negated);
            }

            case ExpressionTag.InList:
            {
                var negated = reader.ReadBoolean();
                var operand = Read(ref reader, depth + 1);
                var values = new ScalarValue[reader.ReadArrayHeader()];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = ReadScalar(ref reader);
                }

                return new InListExpression(operand, values, negated);
            }

            case ExpressionTag.Cast:
            {
                var type = CodecChecks.ReadDataType(ref reader);
                return new CastExpression(Read(ref reader, depth + 1), type);
            }

            default:
            {
                var widthOffset = reader.Consumed;
                var width = reader.ReadInt64();
                if (width <= 0)
                {
                    throw CodecChecks.Error(widthOffset, $"a time_bucket width must be positive, got {width}");
                }

                var origin = reader.ReadInt64();
                return new TimeBucketExpression(width, origin, Read(ref reader, depth + 1));
            }
        }
    }
}
