namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>microsecond(ts)</c>: the seconds within the minute in microseconds, 0 to 59 999 999, as a BIGINT; <c>date_part('microsecond', ts)</c>.</summary>
public sealed class MicrosecondFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public MicrosecondFunction()
        : base(DatePart.Microseconds)
    {
    }

    /// <inheritdoc />
    public override string Name => "microsecond";
}
