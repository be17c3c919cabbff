namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>millisecond(ts)</c>: the seconds within the minute in milliseconds, 0 to 59 999, as a BIGINT; <c>date_part('millisecond', ts)</c>.</summary>
public sealed class MillisecondFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public MillisecondFunction()
        : base(DatePart.Milliseconds)
    {
    }

    /// <inheritdoc />
    public override string Name => "millisecond";
}
