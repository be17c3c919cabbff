namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>hour(ts)</c>: the hour, 0 to 23, as a BIGINT; <c>date_part('hour', ts)</c>.</summary>
public sealed class HourFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public HourFunction()
        : base(DatePart.Hour)
    {
    }

    /// <inheritdoc />
    public override string Name => "hour";
}
