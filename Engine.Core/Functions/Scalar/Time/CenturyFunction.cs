namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>century(ts)</c>: the century (2000 is in the 20th, 2001 in the 21st), as a BIGINT; <c>date_part('century', ts)</c>.</summary>
public sealed class CenturyFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public CenturyFunction()
        : base(DatePart.Century)
    {
    }

    /// <inheritdoc />
    public override string Name => "century";
}
