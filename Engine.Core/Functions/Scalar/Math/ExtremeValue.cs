using System.Runtime.InteropServices;
using Engine.Core.Columns;
using Engine.Core.Execution.Kernels;
using Engine.Core.Expressions;

namespace Engine.Core.Functions.Scalar.Numeric;

/// <summary>
/// The binding and kernel greatest and least share. Arguments of any one comparable type (numbers, text,
/// TIMESTAMP, INTERVAL, BOOLEAN) are unified as a CASE's are (BIGINT with DOUBLE is DOUBLE), and a text
/// constant takes the other arguments' type (<c>greatest(ts, '2024-01-01')</c>), as DuckDB casts a string
/// literal. NULL arguments are skipped: the result is NULL only where every argument is. Doubles order as
/// DuckDB orders them (NaN above every number), text ordinally, as comparisons and min/max do.
/// </summary>
internal static class ExtremeValue
{
    /// <summary>Which of two values the function keeps.</summary>
    internal interface IPick
    {
        /// <summary>True when a candidate that compares as <paramref name="comparison"/> to the value so far replaces it.</summary>
        static abstract bool Prefers(int comparison);
    }

    /// <summary>The kernel of <c>name(a, b, …)</c> keeping the value <typeparamref name="TPick"/> prefers.</summary>
    public static ScalarKernel Bind<TPick>(ScalarBindContext context)
        where TPick : struct, IPick
    {
        if (context.Count == 0)
        {
            throw context.Error($"{context.Name}() takes at least 1 argument");
        }

        var types = new DataType?[context.Count];
        var text = false;
        for (var i = 0; i < types.Length; i++)
        {
            var isText = context.TryGetConstant(i, out var constant) && constant is { IsNull: false, Type.Id: TypeId.String };
            text |= isText;
            types[i] = isText ? null : TypeCoercion.TypeForUnification(context.Arguments[i]);
        }

        var common = Array.TrueForAll(types, t => t is null) ? (text ? DataType.String : context.TypeOf(0))
            : TypeCoercion.CommonType(types)
            ?? throw context.Error($"{context.Name}() needs arguments of one type, got {string.Join(", ", context.Arguments.Select(a => a.Type.SqlName()))}");
        for (var i = 0; i < types.Length; i++)
        {
            if (context.Arguments[i] is not Literal { Value.IsNull: true } && !TypeCoercion.CanCast(context.TypeOf(i), common))
            {
                throw context.Error(i, $"{context.Name}() cannot compare {context.TypeOf(i).SqlName()} with {common.SqlName()}");
            }

            context.Cast(i, common);
        }

        return new Kernel<TPick>(common);
    }

    private interface IOrder<T>
    {
        static abstract int Compare(T left, T right);
    }

    private readonly struct Int64Order : IOrder<long>
    {
        public static int Compare(long left, long right) => left.CompareTo(right);
    }

    private readonly struct DuckDbDoubleOrder : IOrder<double>
    {
        public static int Compare(double left, double right) => DoubleOrder.Compare(left, right);
    }

    private sealed class Kernel<TPick>(DataType type) : ScalarKernel(type)
        where TPick : struct, IPick
    {
        public override Column Evaluate(ScalarArguments arguments)
        {
            switch (ResultType.Physical)
            {
                case PhysicalKind.Int64:
                {
                    var values = Fold<long, Int64Order>(arguments, out var validity);
                    return new Int64Column(values, validity, ResultType);
                }

                case PhysicalKind.Double:
                {
                    var values = Fold<double, DuckDbDoubleOrder>(arguments, out var validity);
                    return new DoubleColumn(values, validity);
                }

                case PhysicalKind.Bool:
                {
                    var values = Fold<long, Int64Order>(arguments, out var validity);
                    var bits = new byte[ValidityBitmap.ByteCount(values.Length)];
                    for (var i = 0; i < values.Length; i++)
                    {
                        ValidityBitmap.Set(bits, i, values[i] != 0);
                    }

                    return new BoolColumn(bits, values.Length, validity);
                }

                default:
                    return FoldStrings(arguments);
            }
        }

        private static T[] Fold<T, TOrder>(ScalarArguments arguments, out byte[]? validity)
            where T : unmanaged
            where TOrder : struct, IOrder<T>
        {
            var first = arguments.Evaluate(0);
            var results = ValuesOf<T>(first).ToArray();

            // Null while every row has a value; otherwise clear where no argument so far had one.
            validity = Validity.Copy(first);
            for (var k = 1; k < arguments.Count; k++)
            {
                var column = arguments.Evaluate(k);
                var values = ValuesOf<T>(column);
                if (validity is null && !column.HasNulls)
                {
                    for (var i = 0; i < results.Length; i++)
                    {
                        if (TPick.Prefers(TOrder.Compare(values[i], results[i])))
                        {
                            results[i] = values[i];
                        }
                    }

                    continue;
                }

                for (var i = 0; i < results.Length; i++)
                {
                    if (column.IsNull(i))
                    {
                        continue;
                    }

                    if (validity is not null && !ValidityBitmap.Get(validity, i))
                    {
                        results[i] = values[i];
                        ValidityBitmap.Set(validity, i, true);
                    }
                    else if (TPick.Prefers(TOrder.Compare(values[i], results[i])))
                    {
                        results[i] = values[i];
                    }
                }
            }

            if (validity is not null && ValidityBitmap.CountNulls(validity, 0, results.Length) == 0)
            {
                validity = null;
            }

            return results;
        }

        // BOOLEAN values fold as 0 and 1.
        private static ReadOnlySpan<T> ValuesOf<T>(Column column)
            where T : unmanaged
        {
            if (column is not BoolColumn bools)
            {
                return MathColumns.Values<T>(column);
            }

            var values = new long[bools.Length];
            for (var i = 0; i < values.Length; i++)
            {
                values[i] = bools.GetValue(i) ? 1 : 0;
            }

            return MemoryMarshal.Cast<long, T>(values);
        }

        // The result's dictionary is the arguments' dictionaries one after another: no string is copied or re-encoded.
        private static StringColumn FoldStrings(ScalarArguments arguments)
        {
            var count = arguments.RowCount;
            var codes = new int[count];
            var validity = ValidityBitmap.Create(count, allValid: false);
            var dictionary = new List<string>();
            for (var k = 0; k < arguments.Count; k++)
            {
                var column = (StringColumn)arguments.Evaluate(k);
                var offset = dictionary.Count;
                dictionary.AddRange(column.Dictionary);
                var source = column.Codes;
                for (var i = 0; i < count; i++)
                {
                    if (column.IsNull(i))
                    {
                        continue;
                    }

                    var code = offset + source[i];
                    if (!ValidityBitmap.Get(validity, i))
                    {
                        codes[i] = code;
                        ValidityBitmap.Set(validity, i, true);
                    }
                    else if (TPick.Prefers(string.CompareOrdinal(dictionary[code], dictionary[codes[i]])))
                    {
                        codes[i] = code;
                    }
                }
            }

            var nulls = ValidityBitmap.CountNulls(validity, 0, count);
            return new StringColumn(codes, 0, count, dictionary.Count == 0 ? [string.Empty] : [.. dictionary], nulls == 0 ? null : validity);
        }
    }
}
