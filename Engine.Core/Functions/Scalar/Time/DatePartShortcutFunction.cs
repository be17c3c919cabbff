namespace Engine.Core.Functions.Scalar.Time;

/// <summary>
/// A function that is <c>date_part</c> with a fixed part, such as <c>year(ts)</c> for
/// <c>date_part('year', ts)</c>: one TIMESTAMP argument, DuckDB's result type for the part, NULL for NULL.
/// Each such function is a sealed subclass with its own file.
/// </summary>
public abstract class DatePartShortcutFunction : ScalarFunction
{
    private readonly DatePart _part;

    private protected DatePartShortcutFunction(DatePart part) => _part = part;

    /// <inheritdoc />
    public override ScalarKernel Bind(ScalarBindContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.RequireCount(1, 1, $"{Name}(ts)");
        TimeBinding.RequireTimestamp(context, 0, $"{Name}(ts)");
        return new DatePartKernel(_part, 0);
    }
}
