namespace Engine.Core.Functions.Scalar.Arithmetic;

/// <summary>Addition.</summary>
internal readonly struct AddOperation : IArithmeticOperation
{
    public static string Symbol => "+";

    public static bool TryApply(long left, long right, out long result)
    {
        result = unchecked(left + right);
        return ((left ^ result) & (right ^ result)) >= 0;
    }

    public static double Apply(double left, double right) => left + right;
}

/// <summary>Subtraction.</summary>
internal readonly struct SubtractOperation : IArithmeticOperation
{
    public static string Symbol => "-";

    public static bool TryApply(long left, long right, out long result)
    {
        result = unchecked(left - right);
        return ((left ^ right) & (left ^ result)) >= 0;
    }

    public static double Apply(double left, double right) => left - right;
}

/// <summary>Multiplication.</summary>
internal readonly struct MultiplyOperation : IArithmeticOperation
{
    public static string Symbol => "*";

    public static bool TryApply(long left, long right, out long result)
    {
        var product = Math.BigMul(left, right, out var low);
        result = low;
        return product == (low >> 63);
    }

    public static double Apply(double left, double right) => left * right;
}
