namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>quarter(ts)</c>: the quarter, 1 to 4, as a BIGINT; <c>date_part('quarter', ts)</c>.</summary>
public sealed class QuarterFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public QuarterFunction()
        : base(DatePart.Quarter)
    {
    }

    /// <inheritdoc />
    public override string Name => "quarter";
}
