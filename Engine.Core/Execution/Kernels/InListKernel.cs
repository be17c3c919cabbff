using Engine.Core.Columns;
using Engine.Core.Expressions;

namespace Engine.Core.Execution.Kernels;

/// <summary>
/// [NOT] IN (constants) with SQL semantics: NULL for a NULL operand, NULL when nothing matches and the list
/// holds a NULL. String columns decide once per dictionary entry; a NULL row's code is never read.
/// </summary>
internal static class InListKernel
{
    public static BoolColumn Evaluate(InListExpression expression, Column operand)
    {
        var count = operand.Length;
        var bits = new byte[ValidityBitmap.ByteCount(count)];
        var listHasNull = false;
        var candidates = new List<ScalarValue>(expression.Values.Count);
        foreach (var value in expression.Values)
        {
            if (value.IsNull)
            {
                listHasNull = true;
            }
            else
            {
                candidates.Add(value);
            }
        }

        var validity = Validity.Copy(operand);
        if (operand is StringColumn strings)
        {
            var wanted = new HashSet<string>(StringComparer.Ordinal);
            foreach (var candidate in candidates)
            {
                wanted.Add(candidate.StringValue);
            }

            var matches = new bool[strings.Dictionary.Count];
            for (var code = 0; code < matches.Length; code++)
            {
                matches[code] = wanted.Contains(strings.Dictionary[code]);
            }

            var codes = strings.Codes;
            for (var i = 0; i < count; i++)
            {
                var isNull = operand.IsNull(i);
                SetResult(bits, ref validity, count, i, isNull, !isNull && matches[codes[i]], expression.Negated, listHasNull);
            }

            return new BoolColumn(bits, count, validity);
        }

        for (var i = 0; i < count; i++)
        {
            var isNull = operand.IsNull(i);
            var match = false;
            if (!isNull)
            {
                var value = operand.GetScalar(i);
                foreach (var candidate in candidates)
                {
                    if (value.CompareTo(candidate) == 0)
                    {
                        match = true;
                        break;
                    }
                }
            }

            SetResult(bits, ref validity, count, i, isNull, match, expression.Negated, listHasNull);
        }

        return new BoolColumn(bits, count, validity);
    }

    private static void SetResult(byte[] bits, ref byte[]? validity, int count, int row, bool operandNull, bool match, bool negated, bool listHasNull)
    {
        if (operandNull)
        {
            return;
        }

        if (!match && listHasNull)
        {
            validity ??= ValidityBitmap.Create(count, allValid: true);
            ValidityBitmap.Set(validity, row, false);
            return;
        }

        if (match != negated)
        {
            ValidityBitmap.Set(bits, row, true);
        }
    }
}
