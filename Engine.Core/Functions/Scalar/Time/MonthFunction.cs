namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>month(ts)</c>: the month, 1 to 12, as a BIGINT; <c>date_part('month', ts)</c>.</summary>
public sealed class MonthFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public MonthFunction()
        : base(DatePart.Month)
    {
    }

    /// <inheritdoc />
    public override string Name => "month";
}
