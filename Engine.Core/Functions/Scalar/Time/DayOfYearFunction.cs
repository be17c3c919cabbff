namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>dayofyear(ts)</c>: the day of the year, 1 to 366, as a BIGINT; <c>date_part('dayofyear', ts)</c>.</summary>
public sealed class DayOfYearFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public DayOfYearFunction()
        : base(DatePart.DayOfYear)
    {
    }

    /// <inheritdoc />
    public override string Name => "dayofyear";
}
