namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>julian(ts)</c>: the Julian day with the time of day as its fraction, as a DOUBLE; <c>date_part('julian', ts)</c>.</summary>
public sealed class JulianFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public JulianFunction()
        : base(DatePart.Julian)
    {
    }

    /// <inheritdoc />
    public override string Name => "julian";
}
