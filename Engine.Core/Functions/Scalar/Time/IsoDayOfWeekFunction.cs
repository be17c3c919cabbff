namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>isodow(ts)</c>: the ISO day of the week, Monday = 1 to Sunday = 7, as a BIGINT; <c>date_part('isodow', ts)</c>.</summary>
public sealed class IsoDayOfWeekFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public IsoDayOfWeekFunction()
        : base(DatePart.IsoDayOfWeek)
    {
    }

    /// <inheritdoc />
    public override string Name => "isodow";
}
