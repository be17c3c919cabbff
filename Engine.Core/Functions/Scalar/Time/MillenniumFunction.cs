namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>millennium(ts)</c>: the millennium (2000 is in the 2nd, 2001 in the 3rd), as a BIGINT; <c>date_part('millennium', ts)</c>.</summary>
public sealed class MillenniumFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public MillenniumFunction()
        : base(DatePart.Millennium)
    {
    }

    /// <inheritdoc />
    public override string Name => "millennium";
}
