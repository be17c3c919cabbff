namespace Engine.Core.Functions.Scalar.Time;

/// <summary><c>isoyear(ts)</c>: the ISO-8601 year, the year of the week's Thursday, as a BIGINT; <c>date_part('isoyear', ts)</c>.</summary>
public sealed class IsoYearFunction : DatePartShortcutFunction
{
    /// <summary>Creates the function.</summary>
    public IsoYearFunction()
        : base(DatePart.IsoYear)
    {
    }

    /// <inheritdoc />
    public override string Name => "isoyear";
}
