namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>dayofweek(ts)</c> (also <c>weekday</c>): the day of the week, Sunday = 0 to Saturday = 6, as a BIGINT; <c>date_part('dayofweek', ts)</c>.</summary>
public sealed class DayOfWeekFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public DayOfWeekFunction()
        : base(DatePart.DayOfWeek)
    {
    }

    /// <inheritdoc />
    public override string Name => "dayofweek";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["weekday"];
}
