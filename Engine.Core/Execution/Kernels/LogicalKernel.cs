using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Execution.Kernels;

/// <summary>SQL's three-valued AND, OR and NOT over BOOLEAN columns, and IS [NOT] NULL over any column.</summary>
internal static class LogicalKernel
{
    public static BoolColumn Combine(LogicalOperator op, BoolColumn left, BoolColumn right)
    {
        var count = left.Length;
        var bits = new byte[ValidityBitmap.ByteCount(count)];
        byte[]? validity = null;
        for (var i = 0; i < count; i++)
        {
            var leftNull = left.IsNull(i);
            var rightNull = right.IsNull(i);
            var l = !leftNull && left.GetValue(i);
            var r = !rightNull && right.GetValue(i);
            bool value;
            bool isNull;
            if (op == LogicalOperator.And)
            {
                var definitelyFalse = (!leftNull && !l) || (!rightNull && !r);
                value = l && r;
                isNull = !definitelyFalse && (leftNull || rightNull);
            }
            else
            {
                value = l || r;
                isNull = !value && (leftNull || rightNull);
            }

            if (value)
            {
                ValidityBitmap.Set(bits, i, true);
            }

            if (isNull)
            {
                validity ??= ValidityBitmap.Create(count, allValid: true);
                ValidityBitmap.Set(validity, i, false);
            }
        }

        return new BoolColumn(bits, count, validity);
    }

    public static BoolColumn Not(BoolColumn operand)
    {
        var count = operand.Length;
        var bits = new byte[ValidityBitmap.ByteCount(count)];
        for (var i = 0; i < count; i++)
        {
            if (!operand.GetValue(i))
            {
                ValidityBitmap.Set(bits, i, true);
            }
        }

        return new BoolColumn(bits, count, Validity.Copy(operand));
    }

    public static BoolColumn IsNull(Column operand, bool negated)
    {
        var count = operand.Length;
        var bits = new byte[ValidityBitmap.ByteCount(count)];
        for (var i = 0; i < count; i++)
        {
            if (operand.IsNull(i) != negated)
            {
                ValidityBitmap.Set(bits, i, true);
            }
        }

        return new BoolColumn(bits, count);
    }
}
