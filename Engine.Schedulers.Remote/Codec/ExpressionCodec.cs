using Engine.Core.Columns;
using Engine.Core.Errors;
using Engine.Core.Expressions;
using Engine.Core.Functions;
using Engine.Schedulers.Remote.MessagePack;
using Engine.Schedulers.Remote.Wire;

namespace Engine.Schedulers.Remote.Codec;

/// <summary>
/// Encodes bound expression trees and scalars. An expression is an array whose first element is a node tag
/// (see <see cref="ExpressionTag"/>) followed by the node's fields and children; a function call travels by
/// its function's wire name and is bound again on the reading side with that side's
/// <see cref="FunctionRegistry"/>. A scalar is <c>[type, value]</c> with nil for NULL. Reading refuses
/// unknown tags, wrong element counts, operator values out of range and trees deeper than 64 levels with
/// <see cref="ProtocolException"/>; a function the reader does not have is an
/// <see cref="UnsupportedFeatureException"/> naming it. Stateless and thread-safe.
/// </summary>
internal static class ExpressionCodec
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
        ArgumentNullException.ThrowIfNull(expression);
        expression.Accept(new Writer(writer));
    }

    /// <summary>Reads nil as <see langword="null"/>, anything else as an expression tree.</summary>
    public static BoundExpression? ReadOptional(ref MessagePackReader reader, FunctionRegistry functions) =>
        reader.TryReadNil() ? null : Read(ref reader, functions);

    /// <summary>Reads one expression tree written by <see cref="Write"/>, binding function calls with <paramref name="functions"/>.</summary>
    public static BoundExpression Read(ref MessagePackReader reader, FunctionRegistry functions)
    {
        ArgumentNullException.ThrowIfNull(functions);
        return Read(ref reader, functions, 1);
    }

    /// <summary>Writes a scalar as <c>[type, value or nil]</c>.</summary>
    public static void WriteScalar(MessagePackWriter writer, ScalarValue value)
    {
        writer.WriteArrayHeader(2);
        CodecChecks.WriteDataType(writer, value.Type);
        if (value.IsNull)
        {
            writer.WriteNil();
            return;
        }

        switch (value.Type.Physical)
        {
            case PhysicalKind.Int64:
                writer.WriteInt64(value.Int64Value);
                break;
            case PhysicalKind.Double:
                writer.WriteDouble(value.DoubleValue);
                break;
            case PhysicalKind.Bool:
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

        return type.Physical switch
        {
            PhysicalKind.Int64 => ScalarValue.FromInt64Bits(type, reader.ReadInt64()),
            PhysicalKind.Double => ScalarValue.FromDouble(reader.ReadDouble()),
            PhysicalKind.Bool => ScalarValue.FromBool(reader.ReadBoolean()),
            _ => ScalarValue.FromString(reader.ReadString()),
        };
    }

    private static void Header(MessagePackWriter writer, ExpressionTag tag, int fields)
    {
        writer.WriteArrayHeader(1 + fields);
        writer.WriteInt32((int)tag);
    }

    private static BoundExpression Read(ref MessagePackReader reader, FunctionRegistry functions, int depth)
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
                or (long)ExpressionTag.InList or (long)ExpressionTag.Function or (long)ExpressionTag.Case
                or (long)ExpressionTag.DistinctFrom or (long)ExpressionTag.Cast => 3,
            (long)ExpressionTag.IsNull => 2,
            (long)ExpressionTag.Literal or (long)ExpressionTag.Not => 1,
            _ => throw CodecChecks.Error(tagOffset, $"unknown expression tag {tag}"),
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
            case ExpressionTag.Comparison:
            {
                var op = (ComparisonOperator)CodecChecks.ReadTag(ref reader, (int)ComparisonOperator.GreaterOrEqual, "comparison operator");
                var left = Read(ref reader, functions, depth + 1);
                return new ComparisonExpression(op, left, Read(ref reader, functions, depth + 1));
            }

            case ExpressionTag.Logical:
            {
                var op = (LogicalOperator)CodecChecks.ReadTag(ref reader, (int)LogicalOperator.Or, "logical operator");
                var left = Read(ref reader, functions, depth + 1);
                return new LogicalExpression(op, left, Read(ref reader, functions, depth + 1));
            }

            case ExpressionTag.Not:
                return new NotExpression(Read(ref reader, functions, depth + 1));
            case ExpressionTag.IsNull:
            {
                var negated = reader.ReadBoolean();
                return new IsNullExpression(Read(ref reader, functions, depth + 1), negated);
            }

            case ExpressionTag.InList:
            {
                var negated = reader.ReadBoolean();
                var operand = Read(ref reader, functions, depth + 1);
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
                var isTry = reader.ReadBoolean();
                var operand = Read(ref reader, functions, depth + 1);
                return TypeCoercion.CanCast(operand.Type, type)
                    ? new CastExpression(operand, type, isTry)
                    : throw CodecChecks.Error(start, $"there is no cast from {operand.Type.SqlName()} to {type.SqlName()}");
            }

            case ExpressionTag.Case:
                return ReadCase(ref reader, functions, depth, start);
            case ExpressionTag.DistinctFrom:
            {
                var negated = reader.ReadBoolean();
                var left = Read(ref reader, functions, depth + 1);
                return new DistinctFromExpression(left, Read(ref reader, functions, depth + 1), negated);
            }

            default:
                return ReadFunction(ref reader, functions, depth, start);
        }
    }

    private static CaseExpression ReadCase(ref MessagePackReader reader, FunctionRegistry functions, int depth, long start)
    {
        var type = CodecChecks.ReadDataType(ref reader);
        var count = reader.ReadArrayHeader();
        if (count == 0 || count % 2 != 0)
        {
            throw CodecChecks.Error(start, $"a CASE has WHEN/THEN pairs, got {count} expressions");
        }

        var branches = new CaseWhen[count / 2];
        for (var i = 0; i < branches.Length; i++)
        {
            var when = Read(ref reader, functions, depth + 1);
            var then = Read(ref reader, functions, depth + 1);
            if (when.Type != DataType.Bool || then.Type != type)
            {
                throw CodecChecks.Error(start, $"CASE branch {i} is WHEN {when.Type.SqlName()} THEN {then.Type.SqlName()}, expected BOOLEAN and {type.SqlName()}");
            }

            branches[i] = new CaseWhen(when, then);
        }

        var otherwise = Read(ref reader, functions, depth + 1);
        return otherwise.Type == type ? new CaseExpression(branches, otherwise, type) : throw CodecChecks.Error(start, $"CASE ELSE is {otherwise.Type.SqlName()}, expected {type.SqlName()}");
    }

    private static FunctionExpression ReadFunction(ref MessagePackReader reader, FunctionRegistry functions, int depth, long start)
    {
        var name = reader.ReadString();
        var resultType = CodecChecks.ReadDataType(ref reader);
        var arguments = new BoundExpression[reader.ReadArrayHeader()];
        for (var i = 0; i < arguments.Length; i++)
        {
            arguments[i] = Read(ref reader, functions, depth + 1);
        }

        if (!functions.TryGetScalarByWireName(name, out var function))
        {
            throw new UnsupportedFeatureException($"scalar function '{name}'", "this worker does not have it (is it registered on the coordinator only?)");
        }

        FunctionExpression bound;
        try
        {
            bound = FunctionExpression.Bind(function, new ScalarBindContext(function.Name, arguments));
        }
        catch (QueryBindException ex)
        {
            throw CodecChecks.Error(start, $"the call of {name} does not bind here: {ex.Message}");
        }

        if (bound.Type != resultType || !bound.Arguments.SequenceEqual(arguments))
        {
            throw CodecChecks.Error(start, $"{name} binds to {bound.Type.SqlName()} here, the sender bound it to {resultType.SqlName()}");
        }

        return bound;
    }

    private sealed class Writer(MessagePackWriter writer) : IExpressionVisitor<bool>
    {
        public bool VisitColumn(ColumnReference column)
        {
            Header(writer, ExpressionTag.Column, 3);
            CodecChecks.WriteDataType(writer, column.Type);
            writer.WriteInt32(column.Index);
            writer.WriteString(column.Name);
            return true;
        }

        public bool VisitLiteral(Literal literal)
        {
            Header(writer, ExpressionTag.Literal, 1);
            WriteScalar(writer, literal.Value);
            return true;
        }

        public bool VisitComparison(ComparisonExpression comparison)
        {
            Header(writer, ExpressionTag.Comparison, 3);
            writer.WriteInt32((int)comparison.Operator);
            comparison.Left.Accept(this);
            comparison.Right.Accept(this);
            return true;
        }

        public bool VisitLogical(LogicalExpression logical)
        {
            Header(writer, ExpressionTag.Logical, 3);
            writer.WriteInt32((int)logical.Operator);
            logical.Left.Accept(this);
            logical.Right.Accept(this);
            return true;
        }

        public bool VisitNot(NotExpression negation)
        {
            Header(writer, ExpressionTag.Not, 1);
            negation.Operand.Accept(this);
            return true;
        }

        public bool VisitIsNull(IsNullExpression isNull)
        {
            Header(writer, ExpressionTag.IsNull, 2);
            writer.WriteBoolean(isNull.Negated);
            isNull.Operand.Accept(this);
            return true;
        }

        public bool VisitInList(InListExpression inList)
        {
            Header(writer, ExpressionTag.InList, 3);
            writer.WriteBoolean(inList.Negated);
            inList.Operand.Accept(this);
            writer.WriteArrayHeader(inList.Values.Count);
            foreach (var value in inList.Values)
            {
                WriteScalar(writer, value);
            }

            return true;
        }

        public bool VisitCast(CastExpression cast)
        {
            Header(writer, ExpressionTag.Cast, 3);
            CodecChecks.WriteDataType(writer, cast.Type);
            writer.WriteBoolean(cast.Try);
            cast.Operand.Accept(this);
            return true;
        }

        public bool VisitCase(CaseExpression choice)
        {
            Header(writer, ExpressionTag.Case, 3);
            CodecChecks.WriteDataType(writer, choice.Type);
            writer.WriteArrayHeader(choice.Branches.Count * 2);
            foreach (var branch in choice.Branches)
            {
                branch.When.Accept(this);
                branch.Then.Accept(this);
            }

            choice.Else.Accept(this);
            return true;
        }

        public bool VisitDistinctFrom(DistinctFromExpression comparison)
        {
            Header(writer, ExpressionTag.DistinctFrom, 3);
            writer.WriteBoolean(comparison.Negated);
            comparison.Left.Accept(this);
            comparison.Right.Accept(this);
            return true;
        }

        public bool VisitFunction(FunctionExpression invocation)
        {
            Header(writer, ExpressionTag.Function, 3);
            writer.WriteString(invocation.Function.WireName);
            CodecChecks.WriteDataType(writer, invocation.Type);
            writer.WriteArrayHeader(invocation.Arguments.Count);
            foreach (var argument in invocation.Arguments)
            {
                argument.Accept(this);
            }

            return true;
        }
    }
}
