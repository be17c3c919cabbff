namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>decade(ts)</c>: the year divided by 10, as a BIGINT; <c>date_part('decade', ts)</c>.</summary>
public sealed class DecadeFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public DecadeFunction()
        : base(DatePart.Decade)
    {
    }

    /// <inheritdoc />
    public override string Name => "decade";
}
