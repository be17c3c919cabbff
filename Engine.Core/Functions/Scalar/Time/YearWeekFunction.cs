namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>yearweek(ts)</c>: ISO year × 100 + ISO week, such as 202053, as a BIGINT; <c>date_part('yearweek', ts)</c>.</summary>
public sealed class YearWeekFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public YearWeekFunction()
        : base(DatePart.YearWeek)
    {
    }

    /// <inheritdoc />
    public override string Name => "yearweek";
}
