using System.Globalization;
using Engine.Core.Aggregates.Accumulators;
using Engine.Core.Columns;

namespace Engine.Core.Aggregates.Functions;

/// <summary>The binding of the exact quantile aggregates: argument types, the constant fraction, and the accumulator per value kind.</summary>
internal static class QuantileBinding
{
    /// <summary>True for the types a continuous quantile interpolates (BIGINT, DOUBLE, TIMESTAMP).</summary>
    public static bool Interpolates(DataType type) => type == DataType.Int64 || type == DataType.Double || type == DataType.Timestamp;

    /// <summary><c>f(x, fraction)</c>: checks the fraction and returns the kernel.</summary>
    public static AggregateKernel Bind(AggregateBindContext context, bool continuous)
    {
        context.RequireCount(2, 2);
        var type = context.TypeOf(0);
        if (continuous && !Interpolates(type))
        {
            throw context.Error(0, $"{context.Name}() interpolates BIGINT, DOUBLE or TIMESTAMP values, got {type.SqlName()}; quantile_disc() takes any type");
        }

        return Kernel(type, Fraction(context), continuous);
    }

    /// <summary>The kernel of an exact quantile of values of <paramref name="type"/>.</summary>
    public static AggregateKernel Kernel(DataType type, double fraction, bool continuous)
    {
        var result = continuous && type == DataType.Int64 ? DataType.Double : type;
        Func<GroupedAccumulator> create = type.Physical switch
        {
            PhysicalKind.Int64 => () => new QuantileAccumulator<long, Int64Kind>(type, result, fraction, continuous),
            PhysicalKind.Double => () => new QuantileAccumulator<double, DoubleKind>(type, result, fraction, continuous),
            PhysicalKind.String => () => new QuantileAccumulator<string, StringKind>(type, result, fraction, continuous),
            _ => () => new QuantileAccumulator<bool, BoolKind>(type, result, fraction, continuous),
        };
        return new GroupRowsKernel(result, [DataType.Int64, type], create);
    }

    private static double Fraction(AggregateBindContext context)
    {
        if (!context.TryGetConstant(1, out var value))
        {
            throw context.Error(1, $"{context.Name}() takes a constant fraction, not an expression over rows");
        }

        if (value.IsNull)
        {
            throw context.Error(1, $"the fraction of {context.Name}() must not be NULL");
        }

        if (value.Type != DataType.Int64 && value.Type != DataType.Double)
        {
            throw context.Error(1, $"the fraction of {context.Name}() must be a number, got {value.Type.SqlName()}");
        }

        var fraction = value.DoubleValue;
        if (!(fraction is >= -1 and <= 1))
        {
            throw context.Error(1, $"the fraction of {context.Name}() must be between -1 and 1, got {fraction.ToString(CultureInfo.InvariantCulture)}");
        }

        return fraction;
    }
}
