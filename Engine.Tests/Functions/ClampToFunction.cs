using Engine.Core.Columns;
using Engine.Core.Functions;

namespace Engine.Tests.Functions;

/// <summary>A host's own scalar function, as a plugin would write one: <c>clamp_to(x, low, high)</c> over doubles.</summary>
public sealed class ClampToFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "clamp_to";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        context.RequireCount(3, 3, "clamp_to(x, low, high)");
        for (var i = 0; i < 3; i++)
        {
            if (!context.TypeOf(i).IsNumeric())
            {
                throw context.Error(i, $"clamp_to needs numbers, got {context.TypeOf(i).SqlName()}");
            }

            context.Cast(i, DataType.Double);
        }

        return new Kernel();
    }

    private sealed class Kernel() : ScalarKernel(DataType.Double)
    {
        public override Column Evaluate(ScalarArguments arguments)
        {
            var x = (DoubleColumn)arguments.Evaluate(0);
            var low = (DoubleColumn)arguments.Evaluate(1);
            var high = (DoubleColumn)arguments.Evaluate(2);
            var values = new double[arguments.RowCount];
            var validity = x.HasNulls || low.HasNulls || high.HasNulls ? ValidityBitmap.Create(values.Length, allValid: true) : null;
            for (var i = 0; i < values.Length; i++)
            {
                if (x.IsNull(i) || low.IsNull(i) || high.IsNull(i))
                {
                    ValidityBitmap.Set(validity!, i, false);
                    continue;
                }

                values[i] = Math.Clamp(x.Values[i], low.Values[i], high.Values[i]);
            }

            return new DoubleColumn(values, validity);
        }
    }
}
