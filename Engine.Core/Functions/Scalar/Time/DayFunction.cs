namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>day(ts)</c> (also <c>dayofmonth</c>): the day of the month, 1 to 31, as a BIGINT; <c>date_part('day', ts)</c>.</summary>
public sealed class DayFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public DayFunction()
        : base(DatePart.Day)
    {
    }

    /// <inheritdoc />
    public override string Name => "day";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["dayofmonth"];
}
