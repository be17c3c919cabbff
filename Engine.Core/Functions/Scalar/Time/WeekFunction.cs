namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>week(ts)</c> (also <c>weekofyear</c>): the ISO-8601 week, 1 to 53 (week 1 holds the year's first Thursday), as a BIGINT; <c>date_part('week', ts)</c>.</summary>
public sealed class WeekFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public WeekFunction()
        : base(DatePart.Week)
    {
    }

    /// <inheritdoc />
    public override string Name => "week";

    /// <inheritdoc />
    public override IReadOnlyList<string> Aliases => ["weekofyear"];
}
