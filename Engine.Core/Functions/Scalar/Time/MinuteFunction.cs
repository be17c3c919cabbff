namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>minute(ts)</c>: the minute, 0 to 59, as a BIGINT; <c>date_part('minute', ts)</c>.</summary>
public sealed class MinuteFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public MinuteFunction()
        : base(DatePart.Minute)
    {
    }

    /// <inheritdoc />
    public override string Name => "minute";
}
