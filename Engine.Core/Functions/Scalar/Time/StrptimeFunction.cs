using Engine.Core.Columns;

namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// <c>strptime(text, format)</c>: the TIMESTAMP that VARCHAR <c>text</c> spells in a constant format of
/// strftime specifiers (see <see cref="StrptimeFormat"/> for how each is read), such as
/// <c>strptime('03/01/2021 16:30', '%d/%m/%Y %H:%M')</c>. Text that does not match, or names no valid date or
/// time, is an error (<c>try_strptime</c> gives NULL instead). With <c>%z</c> the result is the UTC instant;
/// DuckDB then returns a TIMESTAMP WITH TIME ZONE, Engine a TIMESTAMP. Each distinct text is read once.
/// NULL for a NULL text or format.
/// </summary>
public sealed class StrptimeFunction : ScalarFunction
{
    /// <inheritdoc />
    public override string Name => "strptime";

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context) => Bind(context, nullOnFailure: false);

    /// <summary>Binds strptime or try_strptime.</summary>
    internal static ScalarKernel Bind(ScalarBindContext context, bool nullOnFailure)
    {
        var signature = $"{context.Name}(text, format)";
        context.RequireCount(2, 2, signature);
        TimeBinding.Require(context, 0, DataType.String, signature);
        if (!context.TryGetConstant(1, out var format) || (!format.IsNull && format.Type != DataType.String))
        {
            throw context.Error(1, $"{context.Name} needs a constant format text such as '%Y-%m-%d %H:%M:%S', got {context.Arguments[1]}");
        }

        if (format.IsNull)
        {
            return new NullKernel(DataType.Timestamp);
        }

        return StrptimeFormat.TryParse(format.StringValue, out var parsed, out var problem)
            ? new StrptimeKernel(parsed, format.StringValue, nullOnFailure)
            : throw context.Error(1, $"{context.Name} cannot use format: {problem}");
    }
}
