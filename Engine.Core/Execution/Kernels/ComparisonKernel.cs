using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Execution.Kernels;

/// <summary>
/// Row-by-row comparison of two equally long columns into a BOOLEAN column, NULL where either side is.
/// Numbers compare numerically across BIGINT and DOUBLE (doubles in DuckDB's order), strings ordinally,
/// booleans false before true.
/// </summary>
internal static class ComparisonKernel
{
    public static BoolColumn Compare(ComparisonOperator op, Column left, Column right)
    {
        var count = left.Length;
        var bits = new byte[ValidityBitmap.ByteCount(count)];
        var validity = Validity.Combine(left, right);
        switch (left, right)
        {
            case (StringColumn ls, StringColumn rs):
                CompareStrings(op, ls, rs, bits);
                break;
            case (Int64Column li, Int64Column ri):
            {
                var l = li.Values;
                var r = ri.Values;
                for (var i = 0; i < count; i++)
                {
                    if (op.Holds(l[i].CompareTo(r[i])))
                    {
                        ValidityBitmap.Set(bits, i, true);
                    }
                }

                break;
            }

            case (BoolColumn lb, BoolColumn rb):
                for (var i = 0; i < count; i++)
                {
                    if (op.Holds(lb.GetValue(i).CompareTo(rb.GetValue(i))))
                    {
                        ValidityBitmap.Set(bits, i, true);
                    }
                }

                break;
            default:
            {
                var l = CastKernel.ToDouble(left).Values;
                var r = CastKernel.ToDouble(right).Values;
                for (var i = 0; i < count; i++)
                {
                    if (op.Holds(DoubleOrder.Compare(l[i], r[i])))
                    {
                        ValidityBitmap.Set(bits, i, true);
                    }
                }

                break;
            }
        }

        return new BoolColumn(bits, count, validity);
    }

    private static void CompareStrings(ComparisonOperator op, StringColumn left, StringColumn right, byte[] bits)
    {
        var lc = left.Codes;
        var rc = right.Codes;
        if (right.Dictionary.Count == 1)
        {
            // A constant right side (a literal or a partition-constant tag): decide once per dictionary entry.
            var constant = right.Dictionary[0];
            var matches = new bool[left.Dictionary.Count];
            for (var code = 0; code < matches.Length; code++)
            {
                matches[code] = op.Holds(string.CompareOrdinal(left.Dictionary[code], constant));
            }

            for (var i = 0; i < lc.Length; i++)
            {
                if (!left.IsNull(i) && matches[lc[i]])
                {
                    ValidityBitmap.Set(bits, i, true);
                }
            }

            return;
        }

        for (var i = 0; i < lc.Length; i++)
        {
            if (left.IsNull(i) || right.IsNull(i))
            {
                continue;
            }

            if (op.Holds(string.CompareOrdinal(left.Dictionary[lc[i]], right.Dictionary[rc[i]])))
            {
                ValidityBitmap.Set(bits, i, true);
            }
        }
    }
}
