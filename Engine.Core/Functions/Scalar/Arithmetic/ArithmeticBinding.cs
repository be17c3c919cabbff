using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Arithmetic;

/// <summary>
/// The binding rules the arithmetic operators share, as in DuckDB 1.5: BIGINT with BIGINT stays BIGINT
/// (overflow is an error), anything with a DOUBLE is DOUBLE (the BIGINT side is cast). Temporal operands
/// have their own rules (<see cref="TryBindTemporal"/>).
/// </summary>
internal static class ArithmeticBinding
{
    /// <summary>The kernel for <c>left op right</c> over two numbers.</summary>
    public static ScalarKernel BindNumeric<TOperation>(ScalarBindContext context)
        where TOperation : struct, IArithmeticOperation
    {
        RequireBinary(context, TOperation.Symbol);
        RequireNumbers(context, TOperation.Symbol);
        if (context.TypeOf(0) == DataType.Int64 && context.TypeOf(1) == DataType.Int64)
        {
            return new Int64ArithmeticKernel<TOperation>(DataType.Int64);
        }

        context.Cast(0, DataType.Double);
        context.Cast(1, DataType.Double);
        return new DoubleArithmeticKernel<TOperation>();
    }

    /// <summary>
    /// The kernel for <c>+</c> or <c>-</c> when an operand is a TIMESTAMP or an INTERVAL: TIMESTAMP ± INTERVAL
    /// and INTERVAL + TIMESTAMP are TIMESTAMPs, INTERVAL ± INTERVAL is an INTERVAL, TIMESTAMP − TIMESTAMP is
    /// the INTERVAL between them. False when neither operand is temporal; throws for other temporal mixes.
    /// </summary>
    public static bool TryBindTemporal<TOperation>(ScalarBindContext context, bool subtract, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ScalarKernel? kernel)
        where TOperation : struct, IArithmeticOperation
    {
        RequireBinary(context, TOperation.Symbol);
        var left = context.TypeOf(0).Id;
        var right = context.TypeOf(1).Id;
        DataType? result = (left, right) switch
        {
            (TypeId.Timestamp, TypeId.Interval) => DataType.Timestamp,
            (TypeId.Interval, TypeId.Timestamp) when !subtract => DataType.Timestamp,
            (TypeId.Interval, TypeId.Interval) => DataType.Interval,
            (TypeId.Timestamp, TypeId.Timestamp) when subtract => DataType.Interval,
            _ => null,
        };
        if (result is { } type)
        {
            kernel = new Int64ArithmeticKernel<TOperation>(type);
            return true;
        }

        if (left is TypeId.Timestamp or TypeId.Interval || right is TypeId.Timestamp or TypeId.Interval)
        {
            throw left == TypeId.Timestamp
                ? context.Error(1, $"A TIMESTAMP can only be shifted by an interval such as INTERVAL '1 hour', not by {context.TypeOf(1).SqlName()}")
                : context.Error($"Operator '{TOperation.Symbol}' cannot combine {context.TypeOf(0).SqlName()} and {context.TypeOf(1).SqlName()}");
        }

        kernel = null;
        return false;
    }

    /// <summary>Throws unless the call has exactly two arguments.</summary>
    public static void RequireBinary(ScalarBindContext context, string symbol)
    {
        if (context.Count != 2)
        {
            throw context.Error($"Operator '{symbol}' takes 2 operands, got {context.Count}");
        }
    }

    /// <summary>Throws unless both operands are numbers.</summary>
    public static void RequireNumbers(ScalarBindContext context, string symbol)
    {
        var left = context.TypeOf(0);
        var right = context.TypeOf(1);
        if (!left.IsNumeric() || !right.IsNumeric())
        {
            throw context.Error(left.IsNumeric() ? 1 : 0, $"Operator '{symbol}' needs numbers, got {left.SqlName()} and {right.SqlName()}");
        }
    }

    /// <summary>Infix display: <c>(left op right)</c>.</summary>
    public static string Infix(string symbol, IReadOnlyList<BoundExpression> arguments) =>
        arguments.Count == 2 ? $"({arguments[0]} {symbol} {arguments[1]})" : $"{symbol}({string.Join(", ", arguments)})";
}
