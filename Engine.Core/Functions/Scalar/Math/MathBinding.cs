using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// The binding rules the math functions share, as in DuckDB 1.5: arguments are numbers (BIGINT or DOUBLE);
/// a function defined on DOUBLE only casts a BIGINT argument, and a text constant too (<c>sqrt('4')</c>).
/// </summary>
internal static class MathBinding
{
    /// <summary>Throws unless the call has one argument and it is a number; returns its type.</summary>
    public static DataType RequireOneNumber(ScalarBindContext context, string signature)
    {
        context.RequireCount(1, 1, signature);
        RequireNumber(context, 0);
        return context.TypeOf(0);
    }

    /// <summary>Throws unless argument <paramref name="index"/> is a number (BIGINT or DOUBLE).</summary>
    public static void RequireNumber(ScalarBindContext context, int index)
    {
        if (!context.TypeOf(index).IsNumeric())
        {
            throw context.Error(index, $"{context.Name}() needs a number, got {context.TypeOf(index).SqlName()}");
        }
    }

    /// <summary>Casts argument <paramref name="index"/> to DOUBLE, accepting a BIGINT or a text constant; throws for anything else.</summary>
    public static void CastToDouble(ScalarBindContext context, int index)
    {
        if (!(context.TryGetConstant(index, out var constant) && constant.Type == DataType.String))
        {
            RequireNumber(context, index);
        }

        context.Cast(index, DataType.Double);
    }

    /// <summary>The kernel of a function of one DOUBLE (<paramref name="signature"/> names it in messages, e.g. <c>sqrt(x)</c>).</summary>
    public static ScalarKernel Double<TOperation>(ScalarBindContext context, string signature)
        where TOperation : struct, IUnaryOperation<double, double>
    {
        context.RequireCount(1, 1, signature);
        CastToDouble(context, 0);
        return new UnaryKernel<double, double, TOperation>(DataType.Double);
    }

    /// <summary>The kernel of a function of two DOUBLEs.</summary>
    public static ScalarKernel Double<TOperation>(ScalarBindContext context)
        where TOperation : struct, IBinaryDoubleOperation
    {
        CastToDouble(context, 0);
        CastToDouble(context, 1);
        return new DoubleBinaryKernel<TOperation>();
    }
}
